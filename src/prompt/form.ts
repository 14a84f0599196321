// The prompt's model of a command line: which command it runs, the values of the options the
// prompt offers as fields, and every other token kept as typed. A line is read by the command
// tree's own parsers (program.ts), leniently, so that what the user already typed shows up
// pre-filled exactly as the run will take it.
import type { Option } from 'commander';
import { ArgparseCommand, buildProgram, bulkSignOutOptions, commandNode, globalOptions, serviceNode } from '../cli/program.js';
import { OUTPUT_FORMATS, SERVICE_WORD, VALUE_TYPES } from '../cli/vocabulary.js';
import { COMMANDS } from '../cli/command-decls.js';
import type { ParseTrace } from '../cli/argparse.js';
import { OPERATIONS, type MemberModel } from '../service/model.js';

export interface Field {
  readonly flag: string;
  readonly kind: 'value' | 'flag';
  readonly required: boolean;
  /** The type column: what the value is (every value is still typed as text). */
  readonly type: 'string' | 'integer' | 'file' | 'boolean';
  readonly doc: string;
  /** Static choices; `--profile` and `--region` get theirs from the config files at prompt time. */
  readonly choices: readonly string[];
}

export type CommandName = (typeof COMMANDS)[number];

/** The global options worth setting from a prompt, in the order they are offered. */
const PROMPTED_GLOBALS = ['--region', '--profile', '--output', '--endpoint-url', '--query'] as const;

/** Options that can supply the required parameters in their place. */
const INPUT_SOURCES = ['--cli-input-json', '--cli-input-yaml', '--generate-cli-skeleton'];

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

function description(options: readonly Option[], flag: string): string {
  return options.find((o) => o.long === flag)?.description ?? '';
}

export function globalFields(): Field[] {
  const options = globalOptions();
  return PROMPTED_GLOBALS.map((flag) => ({
    flag,
    kind: 'value',
    required: false,
    type: 'string',
    doc: description(options, flag),
    choices: flag === '--output' ? OUTPUT_FORMATS : [],
  }));
}

/** An operation's fields: one per input member, documented by the model's overview. */
export function memberFields(members: readonly MemberModel[]): Field[] {
  return members.map((m) => ({ flag: m.option, kind: 'value', required: m.required, type: m.type, doc: m.summary, choices: [] }));
}

/** The command's own options the prompt asks for (not the ways of feeding input from files). */
export function parameterFields(command: CommandName): Field[] {
  // The service model, not commander, is the source of truth for an operation's members.
  const operation = OPERATIONS.find((op) => op.cliName === command);
  if (operation) return memberFields(operation.input);
  return bulkSignOutOptions().map((o) => ({
    flag: o.long as string,
    kind: o.required ? 'value' : 'flag',
    required: o.mandatory,
    type: o.required ? VALUE_TYPES[o.long as string] ?? 'string' : 'boolean',
    doc: o.description,
    choices: [],
  }));
}

export function isCommand(word: string): word is CommandName {
  return (COMMANDS as readonly string[]).includes(word);
}

/** One option with its value, or one stray word, exactly as it was typed. */
interface Entry {
  /** The option it names once abbreviations are resolved; undefined for unknown options and words. */
  readonly flag: string | undefined;
  readonly tokens: readonly string[];
  /** The value given ('' when the option ended the line or was followed by another option). */
  readonly value: string | undefined;
}

export interface ParsedLine {
  /** The first free word, whether or not it names a command. */
  readonly command: string | undefined;
  readonly entries: readonly Entry[];
  /** `--` and everything after it, kept verbatim at the end. */
  readonly tail: readonly string[];
}

function looksLikeOption(token: string): boolean {
  return token.length > 1 && token.startsWith('-') && !NEGATIVE_NUMBER.test(token);
}

/** The options a line's command takes: its node's, or every command's while it names none. */
function commandLayer(program: ArgparseCommand, command: string | undefined): ArgparseCommand {
  if (command !== undefined && isCommand(command)) return commandNode(program, command);
  const layer = new ArgparseCommand();
  for (const name of COMMANDS) {
    for (const o of commandNode(program, name).options) if (!layer.options.some((p) => p.long === o.long)) layer.addOption(o);
  }
  return layer;
}

/**
 * Reads a command line (without the program name) into entries, through the command tree's
 * parsers as the driver runs them (the main parser, the command position, the command's own),
 * leniently: what they would refuse stays as typed for the real run to report. `--` and what
 * follows stay verbatim at the end. `--cli-auto-prompt` is dropped.
 */
export function parseLine(argv: readonly string[]): ParsedLine {
  const dashDash = argv.indexOf('--');
  const head = dashDash < 0 ? [...argv] : argv.slice(0, dashDash);
  const tail = dashDash < 0 ? [] : argv.slice(dashDash);
  const program = buildProgram();
  const found: { at: number; entry: Entry }[] = [];
  /** A trace for a layer whose token i is head[map(i)]. */
  const tracing = (map: (i: number) => number): ParseTrace => ({
    lenient: true,
    taken: (option, at, count, explicit) => {
      const start = map(at);
      const tokens = head.slice(start, start + 1 + count);
      const value = option.kind === 'flag' || option.kind === 'version' ? 'yes'
        : explicit ?? (count > 0 ? tokens[1] : option.kind === 'value' ? '' : undefined);
      found.push({ at: start, entry: { flag: option.flag, tokens, value } });
    },
  });

  // The main parser, on the line with the service word put back in front.
  const main = program.argparse([SERVICE_WORD, ...head], { trace: tracing((i) => i - 1) });
  let rest = main.extraAt.map((i) => i - 1);
  // A leading `cognito-idp` (an AWS CLI line): skipped, as the driver skips it.
  const first = rest.find((i) => !(head[i] as string).startsWith('-'));
  if (first !== undefined && head[first] === SERVICE_WORD) rest = rest.filter((i) => i !== first);

  // The command position: the service layer's positional.
  const service = serviceNode(program).argparse(rest.map((i) => head[i] as string), {
    trace: { lenient: true }, positionals: [{ dest: 'operation', nargs: 'one' }],
  });
  const operation = service.values.get('operation');
  const command = typeof operation === 'string' ? operation : undefined;
  const afterCommand = service.extraAt.map((i) => rest[i] as number);

  const own = commandLayer(program, command).argparse(afterCommand.map((i) => head[i] as string), {
    trace: tracing((i) => afterCommand[i] as number),
  });
  for (const i of own.extraAt) {
    const at = afterCommand[i] as number;
    found.push({ at, entry: { flag: undefined, tokens: [head[at] as string], value: undefined } });
  }

  const entries = found.sort((a, b) => a.at - b.at).map((f) => f.entry).filter((e) => e.flag !== '--cli-auto-prompt');
  return { command, entries, tail };
}

export function fieldsFor(command: CommandName): Field[] {
  return [...parameterFields(command), ...globalFields()];
}

/** Field values from the parsed line (the last occurrence wins, as in argparse). */
export function initialValues(line: ParsedLine): Map<string, string> {
  const values = new Map<string, string>();
  for (const e of line.entries) if (e.flag !== undefined && e.value !== undefined) values.set(e.flag, e.value);
  return values;
}

/** Whether the line feeds the parameters from elsewhere, so empty required fields are fine. */
export function hasInputSource(line: ParsedLine): boolean {
  return line.entries.some((e) => e.flag !== undefined && INPUT_SOURCES.includes(e.flag));
}

/** The fields the prompt shows for a command: its parameters, then the prompted globals. */
function ownedFlags(command: string): Set<string> {
  return new Set((isCommand(command) ? fieldsFor(command) : globalFields()).map((f) => f.flag));
}

/**
 * The tokens no field of `command` takes (other options with their values, stray words, `--`
 * and what follows), as typed and in their original order: the prompt's "other arguments".
 */
export function otherWords(line: ParsedLine, command: string): string[] {
  const owned = ownedFlags(command);
  const words: string[] = [];
  for (const e of line.entries) if (e.flag === undefined || !owned.has(e.flag)) words.push(...e.tokens);
  words.push(...line.tail);
  return words;
}

function fieldTokens(field: Field, value: string | undefined): string[] {
  if (value === undefined || value === '') return [];
  if (field.kind === 'flag') return [field.flag];
  // A value that looks like an option would be refused as the next word; attached it is fine.
  return looksLikeOption(value) ? [`${field.flag}=${value}`] : [field.flag, value];
}

/**
 * The command line the prompt runs: the command, its fields and the prompted globals in the
 * order the form shows them, then the other arguments.
 */
export function buildArgv(command: string, values: ReadonlyMap<string, string>, others: readonly string[]): string[] {
  const fields = isCommand(command) ? fieldsFor(command) : globalFields();
  const out = command === '' ? [] : [command];
  for (const f of fields) out.push(...fieldTokens(f, values.get(f.flag)));
  out.push(...others);
  return out;
}
