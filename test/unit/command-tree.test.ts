// The commander tree that parses every command line (src/cli/program.ts): its nodes read tokens
// with argparse's rules, commander dispatches to the handlers, never prints or exits by itself,
// and a failure comes out as the ArgparseError of the layer that failed. The recorded replays
// (test/e2e/*recorded*) hold the byte-for-byte behavior; this pins the wiring.
import { Command, Option } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArgparseError, parseKnownArgs, VersionRequested } from '../../src/cli/argparse.js';
import {
  BULK, buildProgram, commandNode, OPERATION, SERVICE_WORD, serviceNode, type CommandName, type ParsedCommand,
  type ProgramHandlers,
} from '../../src/cli/program.js';
import { mainParserSpec } from '../../src/cli/main-parser.js';
import { parseLine } from '../../src/prompt/form.js';

interface Calls {
  session: number;
  command?: { name: CommandName; parsed: ParsedCommand };
  help?: string[];
  completion?: string[];
  external?: { value: string; words: string[] };
}

/** A tree whose service layer routes like the driver's without aliases. */
function tree(): { program: ReturnType<typeof buildProgram>; calls: Calls } {
  const calls: Calls = { session: 0 };
  const handlers: ProgramHandlers = {
    session: async () => { calls.session++; },
    route: (service, words) => {
      const parsed = service.argparse(words, { positionals: [{ dest: 'operation', nargs: 'one', choices: [OPERATION, BULK, 'help', 'completion'] }] });
      return { operands: [parsed.values.get('operation') as string], unknown: parsed.extras };
    },
    command: async (name, parsed) => { calls.command = { name, parsed }; return 7; },
    help: async (words) => { calls.help = words; return 0; },
    completion: async (words) => { calls.completion = words; return 0; },
    external: async (value, words) => { calls.external = { value, words }; return 3; },
  };
  return { program: buildProgram(handlers), calls };
}

afterEach(() => { vi.restoreAllMocks(); });

describe('the command tree', () => {
  it('is commander Commands holding commander Options, in the AWS CLI\'s shape', () => {
    const program = buildProgram();
    expect(program).toBeInstanceOf(Command);
    expect(serviceNode(program).name()).toBe(SERVICE_WORD);
    expect(serviceNode(program).commands.map((c) => c.name())).toEqual([OPERATION, BULK, 'help', 'completion', '!alias']);
    const op = commandNode(program, OPERATION);
    expect(op.options.every((o) => o instanceof Option)).toBe(true);
    expect(op.options.filter((o) => o.mandatory).map((o) => o.long)).toEqual(['--user-pool-id', '--username']);
    expect(op.options.find((o) => o.long === '--generate-cli-skeleton')?.presetArg).toBe('input');
  });

  it('parseAsync runs the main parser, the session hook, the service layer, then the command with its parsed values', async () => {
    const { program, calls } = tree();
    await program.parseAsync([SERVICE_WORD, '--reg', 'eu-west-1', OPERATION, '--user-p', 'p', '--no-verify-ssl', '--usern=u', 'stray'], { from: 'user' });
    expect(calls.session).toBe(1);
    expect(program.result).toBe(7);
    expect(program.values().get('region')).toBe('eu-west-1');
    // commander's own store has them too, under its names.
    expect(program.opts()).toMatchObject({ region: 'eu-west-1', verifySsl: false });
    expect(calls.command?.name).toBe(OPERATION);
    expect(Object.fromEntries(calls.command?.parsed.values ?? [])).toEqual({ 'user-pool-id': 'p', username: 'u' });
    expect(calls.command?.parsed.help).toBe(false);
    expect(calls.command?.parsed.extras).toEqual(['stray']);
  });

  it('a command\'s `help` is its help, before its required options are checked', async () => {
    const { program, calls } = tree();
    await program.parseAsync([SERVICE_WORD, OPERATION, 'help'], { from: 'user' });
    expect(calls.command?.parsed.help).toBe(true);
    const again = tree();
    await again.program.parseAsync([SERVICE_WORD, BULK, '--user-pool-id', 'p', 'help'], { from: 'user' });
    expect(again.calls.command?.parsed.help).toBe(true);
  });

  it('help and completion get the words after them', async () => {
    const { program, calls } = tree();
    await program.parseAsync([SERVICE_WORD, 'help', OPERATION], { from: 'user' });
    expect(calls.help).toEqual([OPERATION]);
  });

  it('fails with the ArgparseError of the layer, and commander prints nothing and does not exit', async () => {
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    const exit = vi.spyOn(process, 'exit');
    const { program } = tree();
    const failure = await program.parseAsync([SERVICE_WORD, OPERATION, '--us', 'x'], { from: 'user' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ArgparseError);
    expect((failure as ArgparseError).message).toBe('ambiguous option: --us could match --user-pool-id, --username');
    expect((failure as ArgparseError).command).toBe(commandNode(program, OPERATION));
    const missing = await tree().program.parseAsync([SERVICE_WORD, OPERATION], { from: 'user' }).catch((e: unknown) => e);
    expect((missing as Error).message).toBe('the following arguments are required: --user-pool-id, --username');
    expect(await tree().program.parseAsync([SERVICE_WORD, '--version', OPERATION], { from: 'user' }).catch((e: unknown) => e)).toBeInstanceOf(VersionRequested);
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
  });

  it('the main parser\'s spec without the tree or commander\'s Options (the driver\'s --version path) is the program node\'s own', () => {
    expect(mainParserSpec()).toStrictEqual(buildProgram().spec());
    // The driver reads a line with it only when a token starts with `--v`: --version is the
    // only option there, so only such a token can reach it (an abbreviation or `--version=`).
    expect(mainParserSpec().options.filter((o) => o.flag.startsWith('--v')).map((o) => [o.flag, o.kind])).toEqual([['--version', 'version']]);
    expect(() => parseKnownArgs(mainParserSpec(), [SERVICE_WORD, '--ver', OPERATION])).toThrow(VersionRequested);
    expect(() => parseKnownArgs(mainParserSpec(), [SERVICE_WORD, '--output', '--version'])).toThrow(ArgparseError);
  });

  it('relaxes the operation\'s required options on the exact input tokens, as the AWS CLI does', async () => {
    const { program, calls } = tree();
    await program.parseAsync([SERVICE_WORD, OPERATION, '--generate-cli-skeleton'], { from: 'user' });
    expect(calls.command?.parsed.values.get('generate-cli-skeleton')).toBe('input');
    const output = await tree().program.parseAsync([SERVICE_WORD, OPERATION, '--generate-cli-skeleton', 'output'], { from: 'user' }).catch((e: unknown) => e);
    expect((output as Error).message).toBe('the following arguments are required: --user-pool-id, --username');
  });
});

describe('the lenient reading of a line being edited', () => {
  it('keeps what argparse refuses as typed and says which tokens each option took', () => {
    const spec = commandNode(buildProgram(), OPERATION).spec();
    expect(() => parseKnownArgs(spec, ['--us', 'x'])).toThrow('ambiguous option');
    const taken: [string, number, number][] = [];
    const r = parseKnownArgs(spec, ['--us', 'x', '--username', '--user-pool-id=p'], { lenient: true, taken: (o, at, count) => taken.push([o.flag, at, count]) });
    expect(r.extras).toEqual(['--us', 'x']);
    expect(r.extraAt).toEqual([0, 1]);
    expect(taken).toEqual([['--username', 2, 0], ['--user-pool-id', 3, 0]]);
  });

  it('the prompt finds the command where the run will: the service layer\'s positional', () => {
    // `--username` is no global option, so the main parser leaves it and `bob` is the first free word.
    expect(parseLine(['--username', 'bob', OPERATION]).command).toBe('bob');
    expect(parseLine(['--region', 'r', OPERATION, '--username', 'bob']).command).toBe(OPERATION);
  });
});

describe('the command registry (COMMAND_DECLS)', () => {
  it('every command of the registry has a node in the tree, in its order, and a handler, and no handler is left without a command', async () => {
    const { COMMAND_DECLS } = await import('../../src/cli/command-decls.js');
    const { COMMAND_RUNNERS } = await import('../../src/cli/driver.js');
    const names = COMMAND_DECLS.map((d) => d.name);
    expect(names).toEqual([OPERATION, BULK]);
    expect(serviceNode(buildProgram()).commands.map((c) => c.name()).slice(0, names.length)).toEqual(names);
    expect(Object.keys(COMMAND_RUNNERS).sort()).toEqual([...names].sort());
    for (const d of COMMAND_DECLS) expect(commandNode(buildProgram(), d.name).options.map((o) => o.flags)).toEqual(d.options.map((o) => o.flags));
  });

  it('each operation of the service model is a command, with its help page and completion entry', async () => {
    const { OPERATIONS } = await import('../../src/service/model.js');
    const { COMMAND_DECLS } = await import('../../src/cli/command-decls.js');
    const { COMMAND_PAGES } = await import('../../src/help/pages.js');
    const { commandCompletions } = await import('../../src/completion/commands.js');
    for (const op of OPERATIONS) {
      expect(COMMAND_DECLS.find((d) => d.operation === op)?.name).toBe(op.cliName);
      expect(COMMAND_PAGES.find((p) => p.operation === op)?.name).toBe(op.cliName);
      expect(commandCompletions().map((c) => c.name)).toContain(op.cliName);
    }
  });
});
