import { describe, expect, it } from 'vitest';
import { ArgparseError, parseKnownArgs, VersionRequested, type ParserSpec } from '../../src/cli/argparse.js';
import { buildProgram, commandNode, OPERATION } from '../../src/cli/program.js';

// The parsers as the command tree's nodes define them (their registered commander Options).
const main = buildProgram().spec({ positionals: [] });
const op = (): ParserSpec => commandNode(buildProgram(), OPERATION).spec({ positionals: [{ dest: 'help', nargs: 'optional' }] });
const error = (spec: ParserSpec, args: string[]): string => {
  try {
    parseKnownArgs(spec, args);
  } catch (e) {
    if (e instanceof ArgparseError) return e.message;
    throw e;
  }
  throw new Error('no error');
};

describe('argparse emulation', () => {
  it('takes global options anywhere and leaves the rest in order', () => {
    const r = parseKnownArgs(main, ['admin-user-global-sign-out', '--user-pool-id', 'p', '--output', 'text', '--username', 'u', '--debug']);
    expect(r.values.get('output')).toBe('text');
    expect(r.values.get('debug')).toBe(true);
    expect(r.extras).toEqual(['admin-user-global-sign-out', '--user-pool-id', 'p', '--username', 'u']);
  });

  it('accepts unique prefixes, =value, and lets the last occurrence win', () => {
    const r = parseKnownArgs(op(), ['--user-pool', 'p', '--usern=a', '--username', 'b']);
    expect(r.values.get('user-pool-id')).toBe('p');
    expect(r.values.get('username')).toBe('b');
    expect(parseKnownArgs(main, ['--out', 'yaml', '--q', '`1`']).values.get('query')).toBe('`1`');
  });

  it('reports an ambiguous prefix before anything else on the line', () => {
    expect(error(op(), ['--username', 'u', '--user', 'x'])).toBe('ambiguous option: --user could match --user-pool-id, --username');
    expect(error(main, ['--output', 'bad', '--no'])).toMatch(/^ambiguous option: --no could match/);
    expect(error(main, ['--c=1'])).toBe('ambiguous option: --c=1 could match --color, --ca-bundle, --cli-read-timeout, --cli-connect-timeout, --cli-binary-format, --cli-auto-prompt, --cli-error-format');
  });

  it('refuses a value that looks like an option, accepts negative numbers', () => {
    expect(error(op(), ['--username', '-dash'])).toBe('argument --username: expected one argument');
    expect(error(op(), ['--username'])).toBe('argument --username: expected one argument');
    expect(parseKnownArgs(op(), ['--username', '-5', '--user-pool-id', 'p']).values.get('username')).toBe('-5');
    expect(parseKnownArgs(op(), ['--username=-dash', '--user-pool-id', 'p']).values.get('username')).toBe('-dash');
  });

  it('reports missing required options in definition order, only the missing ones', () => {
    expect(error(op(), [])).toBe('the following arguments are required: --user-pool-id, --username');
    expect(error(op(), ['--username', 'u'])).toBe('the following arguments are required: --user-pool-id');
  });

  it('explicit values on flags are refused', () => {
    expect(error(main, ['--debug=1'])).toBe("argument --debug: ignored explicit argument '1'");
  });

  it('the optional help positional takes the first stray word after the last option', () => {
    const r = parseKnownArgs(op(), ['--user-pool-id', 'p', '--username', 'u', 'extra1', 'extra2']);
    expect(r.values.get('help')).toBe('extra1');
    expect(r.extras).toEqual(['extra2']);
    const between = parseKnownArgs(op(), ['--user-pool-id', 'p', 'stray', '--username', 'u']);
    expect(between.values.get('help')).toBe('stray');
  });

  it('unknown options are extras; --foo=1 stays one token', () => {
    const r = parseKnownArgs(op(), ['--user-pool-id', 'p', '--username', 'u', '--bogus', 'value', '--foo=1']);
    // argparse gives the stray word to the optional positional; the AWS CLI appends it last.
    expect(r.values.get('help')).toBe('value');
    expect(r.extras).toEqual(['--bogus', '--foo=1']);
  });

  it('optional-value options take a following word unless it is an option', () => {
    expect(parseKnownArgs(op(), ['--generate-cli-skeleton', '--username', 'u', '--user-pool-id', 'p']).values.get('generate-cli-skeleton')).toBe('input');
    expect(parseKnownArgs(op(), ['--generate-cli-skeleton', 'yaml-input', '--username', 'u', '--user-pool-id', 'p']).values.get('generate-cli-skeleton')).toBe('yaml-input');
    expect(error(op(), ['--generate-cli-skeleton', 'bogus'])).toBe("argument --generate-cli-skeleton: Found invalid choice 'bogus'\n");
  });

  it('invalid choices carry difflib suggestions', () => {
    expect(error(main, ['--output', 'jsn'])).toBe("argument --output: Found invalid choice 'jsn'\n\nMaybe you meant:\n\n  * json");
    expect(error(main, ['--color', 'blue'])).toBe("argument --color: Found invalid choice 'blue'\n");
  });

  it('--version stops parsing where it is reached', () => {
    expect(() => parseKnownArgs(main, ['--version', '--output', 'bad'])).toThrow(VersionRequested);
    expect(error(main, ['--output', 'bad', '--version'])).toMatch(/invalid choice 'bad'/i);
  });

  it('-- makes the rest positional', () => {
    const r = parseKnownArgs(main, ['--', '--debug']);
    expect(r.values.get('debug')).toBeUndefined();
  });
});

describe('argparse emulation: -- as CPython 3.11 argparse treats it', () => {
  it('an option never takes a -- as its value, even with a word after it', () => {
    expect(error(op(), ['--username', '--', 'u2', '--user-pool-id', 'p'])).toBe('argument --username: expected one argument');
    expect(error(op(), ['--user-pool-id', 'p', '--username', 'u1', '--username', '--', 'u2'])).toBe('argument --username: expected one argument');
  });

  it('--opt=-- stores an empty list; an optional-value option falls back to its preset', () => {
    expect(parseKnownArgs(op(), ['--user-pool-id', 'p', '--username=--']).values.get('username')).toEqual([]);
    expect(parseKnownArgs(op(), ['--generate-cli-skeleton=--', '--user-pool-id', 'p', '--username', 'u']).values.get('generate-cli-skeleton')).toBe('input');
  });

  it('a positional swallows the -- next to it; a trailing -- is no stray word', () => {
    const service = { options: [], positionals: [{ dest: 'operation', nargs: 'one' as const }] };
    const r = parseKnownArgs(service, ['op', '--', '--user-pool-id', 'p']);
    expect(r.values.get('operation')).toBe('op');
    expect(r.extras).toEqual(['--user-pool-id', 'p']);
    const trailing = parseKnownArgs(op(), ['--user-pool-id', 'p', '--username', 'u', '--']);
    expect(trailing.values.get('help')).toBeUndefined();
    expect(trailing.extras).toEqual([]);
    expect(parseKnownArgs(op(), ['--user-pool-id', 'p', '--username', 'u', '--generate-cli-skeleton', '--', 'input']).values.get('help')).toBe('input');
  });
});
