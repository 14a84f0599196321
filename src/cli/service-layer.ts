// The service layer: which command the words after the main parser name, with the aliases of
// the alias file expanded as the AWS CLI expands them (`[toplevel]`, `[command cognito-idp]`, an
// operation's own), `help` and `completion` where a command goes, and the operation position.
// Loaded with the tree (src/cli/program.ts): a `--version` sets up neither.
import type { ParseOptionsResult } from 'commander';
import { GeneralError } from '../errors/errors.js';
import { aliasArgs, checkAliasGlobals, isExternal, type Aliases } from './alias.js';
import type { ArgparseCommand } from './argparse-command.js';
import { configuredErrorFormat } from './error-format.js';
import { toGlobalArgs } from './globals.js';
import { commandNode, COMMANDS, EXTERNAL_ALIAS, SERVICE_WORD } from './program.js';
import type { RunState } from './run-state.js';
import { topLevelChecks } from './top-level-checks.js';

/** Python's recursion limit ends alias loops; this ends them sooner, with its message. */
const MAX_ALIAS_DEPTH = 100;
const RECURSION = 'maximum recursion depth exceeded while calling a Python object';
/** The words that stand where an operation does without being one. */
const OWN_WORDS = ['help', 'completion'];

const isCommand = (word: string): boolean => COMMANDS.includes(word);

/**
 * The tree's `route` handler for the service node. `program` is the tree's root (made after
 * its handlers), whose main parser reads an alias's global options; an alias's options are put
 * over the line's in `state`.
 */
export function serviceLayer(state: RunState, aliases: Aliases, program: () => ArgparseCommand): (service: ArgparseCommand, given: string[]) => ParseOptionsResult {
  const toplevel = aliases.section('toplevel');
  const mainChoices = [SERVICE_WORD, ...[...toplevel.keys()].filter((k) => k !== SERVICE_WORD)];
  let aliasTarget = SERVICE_WORD;

  /**
   * An internal alias: its words parsed by the main parser (after `prefix`), its global options
   * checked as on the command line and put over the command line's; the rest is returned.
   */
  const expandAlias = (name: string, value: string, prefix: string[]): string[] => {
    const words = aliasArgs(name, value);
    const parsed = program().argparse([...prefix, ...words], { positionals: [{ dest: 'command', nargs: 'one', choices: mainChoices }] });
    const given = new Set([...parsed.seen].filter((d) => d !== 'command'));
    checkAliasGlobals(name, given);
    const aliasQuery = topLevelChecks(state, parsed.values);
    const merged = new Map(state.values);
    for (const dest of given) merged.set(dest, parsed.values.get(dest));
    state.values = merged;
    state.globals = toGlobalArgs(merged);
    if (given.has('query')) state.query = aliasQuery;
    state.errorFormat = configuredErrorFormat(state.settings, state.globals.errorFormat);
    aliasTarget = parsed.values.get('command') as string;
    return parsed.extras;
  };
  const external = (value: string, words: readonly string[]): ParseOptionsResult => ({ operands: [EXTERNAL_ALIAS, value, ...words], unknown: [] });

  return (service, given) => {
    // A `[toplevel]` alias named `cognito-idp` stands in for the service itself. A second
    // `cognito-idp` where the command goes (an AWS CLI line with the program name swapped, after
    // the one put back for the main parser) is skipped by the main parser's rule.
    let words = given;
    for (let command = SERVICE_WORD, depth = 0; ; depth++) {
      if (depth > MAX_ALIAS_DEPTH) throw new GeneralError(RECURSION);
      const value = toplevel.get(command);
      if (value === undefined) {
        if (command !== SERVICE_WORD) throw new GeneralError(`cogsignout has no command "${command}" (an alias may only lead to ${SERVICE_WORD})`);
        break;
      }
      if (isExternal(value)) return external(value, words);
      words = [...expandAlias(command, value, []), ...words];
      // An alias of `cognito-idp` that names `cognito-idp` means the real service; any other
      // alias naming itself is itself again (the AWS CLI shadows only real commands), a loop.
      if (aliasTarget === SERVICE_WORD && command === SERVICE_WORD) break;
      command = aliasTarget;
    }

    // The command name: the service parser's `operation` positional, where `help` (as in the
    // AWS CLI's command table) and `completion` may stand too, on the line as given.
    const serviceAliases = aliases.section(`command ${SERVICE_WORD}`);
    const operations: string[] = [...COMMANDS, ...[...serviceAliases.keys()].filter((k) => !isCommand(k))];
    let name: string | undefined;
    let args: string[] = [];
    for (let depth = 0; name === undefined; depth++) {
      if (depth > MAX_ALIAS_DEPTH) throw new GeneralError(RECURSION);
      // The service's `help` is added after its aliases, so no alias replaces it and an alias
      // may lead to it; cogsignout's own `completion` gives way to an alias of that name.
      const own = depth === 0 ? OWN_WORDS : ['help'];
      const choices = [...operations, ...own.filter((w) => !operations.includes(w))];
      const parsed = service.argparse(words, { positionals: [{ dest: 'operation', nargs: 'one', choices }] });
      const chosen = parsed.values.get('operation') as string;
      if (chosen === 'help') return { operands: ['help', ...words.slice(words.indexOf('help') + 1)], unknown: [] };
      if (depth === 0 && chosen === 'completion' && !serviceAliases.has(chosen)) {
        // Only as the user typed it: where a `[toplevel]` alias's value names `completion`, the
        // AWS CLI sees an operation name, an invalid choice (which the parser says once it is not one).
        if (words.indexOf('completion') < words.length - given.length) {
          service.argparse(words, { positionals: [{ dest: 'operation', nargs: 'one', choices: choices.filter((w) => w !== 'completion') }] });
        }
        return { operands: ['completion', ...words.slice(words.indexOf('completion'))], unknown: [] };
      }
      const value = serviceAliases.get(chosen);
      if (value === undefined) {
        name = chosen;
        args = parsed.extras;
        break;
      }
      if (isExternal(value)) return external(value, parsed.extras);
      words = [...expandAlias(chosen, value, [SERVICE_WORD]), ...parsed.extras];
      // An alias named like an operation runs that operation, without the alias value's first word.
      if (isCommand(chosen)) {
        name = chosen;
        args = words.slice(1);
      }
    }

    // Aliases of the operation itself, found by its own parser (nothing required) with the alias names.
    const opAliases = aliases.section(`command ${SERVICE_WORD} ${name}`);
    const node = commandNode(program(), name);
    for (let depth = 0; opAliases.size > 0 && !(args.length === 1 && args[0] === 'help'); depth++) {
      if (depth > MAX_ALIAS_DEPTH) throw new GeneralError(RECURSION);
      const parsed = node.argparse(args, { relaxed: true, positionals: [{ dest: 'subcommand', nargs: 'optional', choices: [...opAliases.keys()] }] });
      const sub = parsed.values.get('subcommand');
      if (typeof sub !== 'string') break;
      const rest = [...args];
      rest.splice(rest.indexOf(sub), 1);
      const value = opAliases.get(sub) as string;
      if (isExternal(value)) return external(value, rest);
      args = [...expandAlias(sub, value, [SERVICE_WORD]), ...rest];
    }
    return { operands: [name], unknown: args };
  };
}
