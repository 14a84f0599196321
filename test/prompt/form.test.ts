// Reading a command line into the prompt's fields and writing it back, the key decoder, and
// shell quoting of the echoed line.
import { describe, expect, it } from 'vitest';
import { buildArgv, hasInputSource, initialValues, otherWords, parseLine } from '../../src/prompt/form.js';
import { decodeKeys } from '../../src/prompt/keys.js';
import { shellJoin, shellQuote, shellSplit, textWidth, truncate } from '../../src/prompt/text.js';

const OP = 'admin-user-global-sign-out';

function roundTrip(argv: string[]): { values: Record<string, string>; out: string[] } {
  const line = parseLine(argv);
  const values = initialValues(line);
  const command = line.command ?? OP;
  return { values: Object.fromEntries(values), out: buildArgv(command, values, otherWords(line, command)) };
}

describe('parseLine / buildArgv', () => {
  it('finds the command and the field values wherever they are', () => {
    const line = parseLine(['--region', 'eu-west-1', OP, '--username', 'bob', '--output=text', '--user-pool-id', 'p1']);
    expect(line.command).toBe(OP);
    expect(Object.fromEntries(initialValues(line))).toEqual({ '--region': 'eu-west-1', '--username': 'bob', '--output': 'text', '--user-pool-id': 'p1' });
  });

  it('writes the command, its parameters, the prompted globals, then everything else as typed', () => {
    const { out } = roundTrip(['--debug', '--region', 'r', OP, '--username', 'bob', '--color', 'off', '--user-pool-id', 'p', 'stray']);
    expect(out).toEqual([OP, '--user-pool-id', 'p', '--username', 'bob', '--region', 'r', '--debug', '--color', 'off', 'stray']);
  });

  it('drops --cli-auto-prompt (the line it prints can be run again as is)', () => {
    expect(roundTrip([OP, '--cli-auto-prompt', '--username', 'u']).out).toEqual([OP, '--username', 'u']);
  });

  it('resolves unique abbreviations the way each parser layer would', () => {
    expect(roundTrip([OP, '--reg', 'r', '--user-p', 'p', '--usern=u']).values).toEqual({ '--region': 'r', '--user-pool-id': 'p', '--username': 'u' });
    // Ambiguous at the operation level: kept as typed for the parser to report.
    expect(roundTrip([OP, '--user', 'x']).out).toEqual([OP, '--user', 'x']);
  });

  it('an option without its value gives an empty field', () => {
    expect(roundTrip([OP, '--username']).values).toEqual({ '--username': '' });
    expect(roundTrip([OP, '--region', '--username', 'u']).values).toEqual({ '--region': '', '--username': 'u' });
  });

  it('the last occurrence wins, as in argparse', () => {
    expect(roundTrip([OP, '--username', 'a', '--username', 'b']).out).toEqual([OP, '--username', 'b']);
  });

  it('attaches a value that looks like an option, so the parser takes it as a value', () => {
    const line = parseLine([OP]);
    expect(buildArgv(OP, new Map([['--username', '-bob'], ['--query', '-1']]), otherWords(line, OP))).toEqual([OP, '--username=-bob', '--query', '-1']);
  });

  it('keeps input options with their values, and notices they can supply the parameters', () => {
    const argv = [OP, '--cli-input-json', '{"Username":"u"}', '--generate-cli-skeleton', 'input'];
    expect(roundTrip(argv).out).toEqual(argv);
    expect(hasInputSource(parseLine(argv))).toBe(true);
    expect(hasInputSource(parseLine([OP, '--username', 'u']))).toBe(false);
  });

  it('does not take the command name as --generate-cli-skeleton\'s value', () => {
    expect(parseLine(['--generate-cli-skeleton', OP]).command).toBe(OP);
  });

  it('keeps `--` and what follows at the end, verbatim', () => {
    expect(roundTrip([OP, '--', '--username', 'x']).out).toEqual([OP, '--', '--username', 'x']);
  });

  it('no command, or an unknown one, is reported as such', () => {
    expect(parseLine(['--region', 'r']).command).toBeUndefined();
    expect(parseLine(['admin-user-global-sign-ou']).command).toBe('admin-user-global-sign-ou');
  });

  it('bulk-sign-out has its own fields, flags included', () => {
    const line = parseLine(['bulk-sign-out', '--dry-run', '--user-pool-id', 'p', '--max-rps', '5']);
    expect(buildArgv('bulk-sign-out', initialValues(line), otherWords(line, 'bulk-sign-out'))).toEqual(['bulk-sign-out', '--user-pool-id', 'p', '--max-rps', '5', '--dry-run']);
  });
});

describe('decodeKeys', () => {
  const names = (s: string) => decodeKeys(s).keys.map((k) => k.name === 'char' ? `char:${k.ch}` : k.name);

  it('decodes control keys, arrows and editing keys', () => {
    expect(names('\r\n\t\x7f\b\x03\x04\x01\x05\x15\x0b\x17')).toEqual([
      'enter', 'enter', 'tab', 'backspace', 'backspace', 'cancel', 'eof', 'home', 'end', 'kill-start', 'kill-end', 'kill-word',
    ]);
    expect(names('\x1b[A\x1b[B\x1b[C\x1b[D\x1bOA\x1b[Z\x1b[3~\x1b[1~\x1b[4~\x1b[H\x1b[F')).toEqual([
      'up', 'down', 'right', 'left', 'up', 'shift-tab', 'delete', 'home', 'end', 'home', 'end',
    ]);
    expect(names('\x1b[1;5D\x1b[1;5C\x1bb\x1bf\x1b\x7f')).toEqual(['word-left', 'word-right', 'word-left', 'word-right', 'kill-word']);
  });

  it('decodes text, including characters outside the BMP, and pasted runs', () => {
    expect(names('aé😀 z')).toEqual(['char:a', 'char:é', 'char:😀', 'char: ', 'char:z']);
  });

  it('never inserts unknown control sequences as text', () => {
    expect(names('\x1b[200~x\x1b[15~\x1bx\x07')).toEqual(['ignored', 'char:x', 'ignored', 'ignored', 'ignored']);
  });

  it('keeps an escape sequence cut at the end of a chunk for the next one', () => {
    expect(decodeKeys('a\x1b[')).toEqual({ keys: [{ name: 'char', ch: 'a' }], rest: '\x1b[' });
    expect(decodeKeys('\x1bO').rest).toBe('\x1bO');
    expect(names('\x1b')).toEqual(['escape']);
  });
});

describe('text helpers', () => {
  it('quotes words for a POSIX shell only when needed', () => {
    expect(shellQuote('us-east-1_AbC')).toBe('us-east-1_AbC');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("o'brien")).toBe(`'o'"'"'brien'`);
    expect(shellQuote('$HOME')).toBe("'$HOME'");
    expect(shellJoin(['--query', 'a[0]'])).toBe("--query 'a[0]'");
  });

  it('splits words as a shell does, and reads back what it quoted', () => {
    expect(shellSplit(`--debug  --query 'a b' "c \\"d\\"" e\\ f ''`)).toEqual(['--debug', '--query', 'a b', 'c "d"', 'e f', '']);
    expect(shellSplit('')).toEqual([]);
    expect(shellSplit("'open")).toBeUndefined();
    expect(shellSplit('"open')).toBeUndefined();
    expect(shellSplit('end\\')).toBeUndefined();
    const words = ["o'brien", 'a b', '$x', '', '--query=[0]', 'é'];
    expect(shellSplit(shellJoin(words))).toEqual(words);
  });

  it('measures and cuts in terminal cells', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('日本')).toBe(4);
    expect(textWidth('e\u0301')).toBe(1);
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('日本語', 5)).toBe('日本…');
    expect(truncate('abc', 3)).toBe('abc');
  });
});
