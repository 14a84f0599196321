// The prompt's model of a command line: which command it runs, the values of the options the
// prompt offers as fields, and every other token kept as typed. A line is read the way the
// AWS CLI's parsers would read it (options anywhere, `--opt=value`, unique abbreviations, the
// first free word is the command) so that what the user already typed shows up pre-filled.
import type { Option } from 'commander';
import { bulkSignOutOptions, globalOptions } from '../cli/program.js';
import {
  BULK, BULK_OPTIONS, COMMANDS, GLOBAL_OPTIONS, OPERATION, OUTPUT_FORMATS, SERVICE_WORD, SIGN_OUT_OPTIONS, VALUE_TYPES, parserSpec,
} from '../cli/vocabulary.js';
import type { OptionKind, OptionSpec } from '../cli/argparse.js';
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

function commandSpecs(command: string | undefined): OptionSpec[] {
  if (command === OPERATION) return [...parserSpec(SIGN_OUT_OPTIONS).options];
  if (command === BULK) return [...parserSpec(BULK_OPTIONS).options];
  const all = [...parserSpec(SIGN_OUT_OPTIONS).options, ...parserSpec(BULK_OPTIONS).options];
  return all.filter((o, i) => all.findIndex((p) => p.flag === o.flag) === i);
}

/** An option string resolved the way each parser layer would: exact, then a unique prefix. */
function resolveOption(name: string, globals: readonly OptionSpec[], command: string | undefined): OptionSpec | undefined {
  const own = commandSpecs(command);
  const exact = [...globals, ...own].find((o) => o.flag === name);
  if (exact) return exact;
  for (const layer of [globals, own]) {
    const matches = layer.filter((o) => o.flag.startsWith(name));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) return undefined; // ambiguous: left for the parser to report
  }
  return undefined;
}

/** Reads a command line (without the program name) into entries. `--cli-auto-prompt` is dropped. */
export function parseLine(argv: readonly string[]): ParsedLine {
  const globals = parserSpec(GLOBAL_OPTIONS).options;
  const entries: Entry[] = [];
  let command: string | undefined;
  let tail: string[] = [];
  let serviceWordSkipped = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') {
      tail = argv.slice(i);
      break;
    }
    if (!looksLikeOption(token)) {
      // A leading `cognito-idp` (an AWS CLI line): skipped, as the driver skips it.
      if (command === undefined && token === SERVICE_WORD && !serviceWordSkipped) {
        serviceWordSkipped = true;
        continue;
      }
      if (command === undefined) command = token;
      else entries.push({ flag: undefined, tokens: [token], value: undefined });
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq > 0 ? token.slice(0, eq) : token;
    const explicit = eq > 0 ? token.slice(eq + 1) : undefined;
    let spec = resolveOption(name, globals, command);
    let inline = explicit;
    if (spec === undefined && explicit !== undefined) {
      // `--a=b` where no option starts with `--a=`: argparse then tries the whole token.
      spec = resolveOption(token, globals, command);
      inline = undefined;
    }
    if (spec === undefined) {
      entries.push({ flag: undefined, tokens: [token], value: undefined });
      continue;
    }
    if (spec.flag === '--cli-auto-prompt') continue;
    const kind: OptionKind = spec.kind;
    if (kind === 'value') {
      if (inline !== undefined) {
        entries.push({ flag: spec.flag, tokens: [token], value: inline });
      } else {
        const next = argv[i + 1];
        if (next !== undefined && next !== '--' && !looksLikeOption(next)) {
          entries.push({ flag: spec.flag, tokens: [token, next], value: next });
          i++;
        } else {
          entries.push({ flag: spec.flag, tokens: [token], value: '' });
        }
      }
    } else if (kind === 'optional-value') {
      const next = argv[i + 1];
      const takesNext = inline === undefined && next !== undefined && next !== '--' && !looksLikeOption(next)
        && !(command === undefined && isCommand(next));
      if (takesNext) i++;
      entries.push({
        flag: spec.flag,
        tokens: takesNext ? [token, next as string] : [token],
        value: inline ?? (takesNext ? next : undefined),
      });
    } else {
      entries.push({ flag: spec.flag, tokens: [token], value: 'yes' });
    }
  }
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
