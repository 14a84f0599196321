// The one commander tree of the command line: what the driver parses every argv with, and what
// help, completion and the prompt read. Its shape is the AWS CLI's: the program's options are
// the global options and its positional is the service word (`cognito-idp`, put back in front of
// the line), under which hang the operations, `bulk-sign-out`, `help` and `completion`. Each node
// reads its tokens with argparse's rules (argparse-command.ts); the handlers (the driver's
// stages, the lazily loaded commands) come in from the caller, so this module imports none of
// them and a tree without handlers describes the command line for help and completion.
import { argumentTable, liftsRequired } from '../service/arguments.js';
import { Option, type ParseOptionsResult } from 'commander';
import { ArgparseCommand, type ParsedCommand } from './argparse-command.js';
import type { ParsedValue } from './argparse.js';
import { MAIN_POSITIONALS } from './main-parser.js';
import { BULK, GLOBAL_OPTIONS, OPERATION, SERVICE_WORD, withoutServiceWord, type OptionDecl } from './vocabulary.js';
import { COMMAND_DECLS } from './command-decls.js';

export * from './vocabulary.js';
export * from './command-decls.js';
export { ArgparseCommand, type ParsedCommand } from './argparse-command.js';

export type CommandName = string;

/** The hidden command an external (`!`) alias is routed to: its operands are the value, then the words. */
export const EXTERNAL_ALIAS = '!alias';

/** What the tree calls; each returns the run's exit status where it ends the run. */
export interface ProgramHandlers {
  /** Between the main parser and the service: top-level checks, the session (async). */
  readonly session: (program: ArgparseCommand) => Promise<void>;
  /** The service layer: aliases, `help`/`completion` where the command goes, the operation position. */
  readonly route: (service: ArgparseCommand, words: string[]) => ParseOptionsResult;
  readonly command: (name: CommandName, parsed: ParsedCommand) => Promise<number>;
  readonly help: (words: string[]) => Promise<number>;
  readonly completion: (words: string[]) => Promise<number>;
  readonly external: (value: string, words: string[]) => Promise<number>;
}

function toOption(d: OptionDecl): Option {
  const o = new Option(d.flags);
  // Read by help, completion and the prompt only: an operation's is worked out from its model
  // when first read (see operationOptions), not for every line a node parses.
  Object.defineProperty(o, 'description', { get: () => d.description, enumerable: true, configurable: true });
  if (d.choices) o.choices(d.choices);
  if (d.preset !== undefined) o.preset(d.preset);
  if (d.mandatory) o.makeOptionMandatory();
  return o;
}

export function withOptions(command: ArgparseCommand, decls: readonly OptionDecl[]): ArgparseCommand {
  for (const d of decls) command.addOption(toOption(d));
  return command;
}

/**
 * A command's own parser: a bare `help` is its help before anything is checked; otherwise its
 * options with an optional positional, which is its help when it says `help` and unknown when not.
 */
function commandRule(relaxedBy: (args: readonly string[]) => boolean) {
  return (node: ArgparseCommand, args: string[]): ParseOptionsResult => {
    if (args.length === 1 && args[0] === 'help') {
      node.parsedCommand = { values: new Map(), help: true, extras: [] };
      return { operands: [], unknown: [] };
    }
    const result = node.argparse(args, { relaxed: relaxedBy(args), positionals: [{ dest: 'help', nargs: 'optional' }] });
    node.record(result);
    const help = result.values.get('help');
    // Python's `elif parsed_args.help:`: an empty word in the positional's place is taken and dropped.
    const extras = typeof help === 'string' && help !== 'help' && help !== '' ? [...result.extras, help] : result.extras;
    // The options' values in their definition order (parameters are built in it), without the positional.
    const values = new Map<string, ParsedValue>();
    for (const o of node.options) {
      const dest = (o.long as string).slice(2);
      if (result.values.has(dest)) values.set(dest, result.values.get(dest));
    }
    node.parsedCommand = { values, help: help === 'help', extras };
    return { operands: [], unknown: [] };
  };
}

/** Words taken as they are (help topics, a shell name, an external alias's arguments). */
const verbatim = (_node: ArgparseCommand, args: string[]): ParseOptionsResult => ({ operands: args, unknown: [] });

/** The tree; without handlers it only describes the command line. */
export function buildProgram(handlers?: ProgramHandlers): ArgparseCommand {
  const program = withOptions(new ArgparseCommand('cogsignout'), GLOBAL_OPTIONS);
  const end = (status: number): void => { program.result = status; };
  // The main parser: every global option wherever it is (see main-parser.ts).
  program.positionals = MAIN_POSITIONALS;
  program.rule = (node, args) => {
    const result = node.argparse(args);
    node.record(result);
    return { operands: [result.values.get('command') as string], unknown: withoutServiceWord(result.extras) };
  };
  if (handlers) program.hook('preSubcommand', async () => handlers.session(program));

  const service = program.command(SERVICE_WORD, { hidden: true }) as ArgparseCommand;
  // The commands under the service are made when the line gets that far (--version and the
  // main parser's errors never do; each node costs start-up time).
  const populate = (): void => {
    for (const decl of COMMAND_DECLS) {
      const { name, operation } = decl;
      const node = service.command(name) as ArgparseCommand;
      if (handlers) node.deferOptions(() => withOptions(node, decl.options));
      else withOptions(node, decl.options);
      // The AWS CLI relaxes an operation's required options on exact tokens, before parsing: its argument table says which.
      node.rule = commandRule(operation ? (args) => liftsRequired(argumentTable(operation), args) : () => false);
      if (handlers) node.action(async () => end(await handlers.command(name, node.parsedCommand as ParsedCommand)));
    }
    const help = service.command('help') as ArgparseCommand;
    help.rule = verbatim;
    const completion = service.command('completion') as ArgparseCommand;
    completion.rule = verbatim;
    const external = service.command(EXTERNAL_ALIAS, { hidden: true }) as ArgparseCommand;
    external.rule = verbatim;
    if (handlers) {
      help.action(async () => end(await handlers.help(help.args)));
      completion.action(async () => end(await handlers.completion(completion.args)));
      external.action(async () => end(await handlers.external(external.args[0] as string, external.args.slice(1))));
    }
  };
  if (handlers) {
    service.rule = (node, args) => {
      if (node.commands.length === 0) populate();
      return handlers.route(node, args);
    };
  } else populate();
  return program;
}

/** A command's node in a tree. */
export function commandNode(program: ArgparseCommand, name: CommandName): ArgparseCommand {
  return serviceNode(program).commands.find((c) => c.name() === name) as ArgparseCommand;
}

export function serviceNode(program: ArgparseCommand): ArgparseCommand {
  return program.commands[0] as ArgparseCommand;
}

/** Global options in the AWS CLI's definition order. */
export function globalOptions(): Option[] {
  return [...buildProgram().options];
}

/** The options of `admin-user-global-sign-out`. */
export function signOutOptions(): Option[] {
  return [...commandNode(buildProgram(), OPERATION).options];
}

/** The options of `bulk-sign-out`. */
export function bulkSignOutOptions(): Option[] {
  return [...commandNode(buildProgram(), BULK).options];
}
