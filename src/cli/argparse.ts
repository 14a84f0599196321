// Python argparse's parse_known_args, reproduced for the AWS CLI's parser layers. The AWS CLI
// parses one argv several times (first pass, main, service, operation), each with argparse's
// rules: unique prefixes of long options are accepted, an ambiguous prefix is an error found
// while classifying the whole line, a value must not look like an option, the last occurrence
// wins, unknown options are handed on, and positionals fill in the gaps between options. Which
// error a user sees when several things are wrong depends on these details, so they are kept.
// The engine of argparse-command.ts, which runs it over a commander node's registered Options.
import { getCloseMatches } from './difflib.js';

export type OptionKind = 'value' | 'flag' | 'optional-value' | 'version';

export interface OptionSpec {
  /** The option string, e.g. `--output`. */
  readonly flag: string;
  readonly dest: string;
  readonly kind: OptionKind;
  readonly choices?: readonly string[];
  /** The value of an `optional-value` option given bare (argparse's `const`). */
  readonly constValue?: string;
  required?: boolean;
}

export interface PositionalSpec {
  readonly dest: string;
  readonly nargs: 'one' | 'optional';
  readonly choices?: readonly string[];
}

export interface ParserSpec {
  readonly options: readonly OptionSpec[];
  readonly positionals: readonly PositionalSpec[];
}

/** A list only where argparse makes one: `--opt=--` stores `[]`. */
export type ParsedValue = string | boolean | undefined | readonly string[];

export interface ParseResult {
  readonly values: Map<string, ParsedValue>;
  readonly seen: Set<string>;
  /** Tokens this parser did not consume, in argparse's order. */
  readonly extras: string[];
  /** Where each of the extras stands in the parsed tokens. */
  readonly extraAt: number[];
}

/**
 * For a reader of a line being edited (the prompt): `lenient` takes what argparse would refuse
 * (an ambiguous prefix stays an unknown option, a missing value is none, any choice goes, nothing
 * is required, --version is a flag) and `taken` says which tokens each option took. Without it
 * the parse is argparse's exactly.
 */
export interface ParseTrace {
  readonly lenient?: boolean;
  /** An option at token `at` took the `count` tokens after it (`explicit`: its `=value` instead). */
  readonly taken?: (option: OptionSpec, at: number, count: number, explicit: string | undefined) => void;
}

/** An argparse error; `message` is argparse's text (without usage). */
export class ArgparseError extends Error {
  override readonly name = 'ArgparseError';
  /** The parser layer that failed, where it prints its own usage line instead of the usage block. */
  command: { readonly usageLine?: string | undefined } | undefined;
}

/** Raised when argparse reaches `--version`. */
export class VersionRequested extends Error {
  override readonly name = 'VersionRequested';
}

interface OptionMatch {
  readonly option: OptionSpec | undefined;
  readonly optionString: string;
  readonly explicit: string | undefined;
}

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

function findOption(spec: ParserSpec, flag: string): OptionSpec | undefined {
  return spec.options.find((o) => o.flag === flag);
}

/** argparse's _parse_optional: undefined means "a positional argument". */
function classify(spec: ParserSpec, arg: string, lenient: boolean): OptionMatch | undefined {
  if (arg === '' || arg[0] !== '-') return undefined;
  const exact = findOption(spec, arg);
  if (exact) return { option: exact, optionString: arg, explicit: undefined };
  if (arg.length === 1) return undefined;
  const eq = arg.indexOf('=');
  if (eq >= 0) {
    const byName = findOption(spec, arg.slice(0, eq));
    if (byName) return { option: byName, optionString: byName.flag, explicit: arg.slice(eq + 1) };
  }
  const matches = prefixMatches(spec, arg);
  if (matches.length > 1) {
    if (lenient) return { option: undefined, optionString: arg, explicit: undefined };
    throw new ArgparseError(`ambiguous option: ${arg} could match ${matches.map((m) => m.optionString).join(', ')}`);
  }
  if (matches.length === 1) return matches[0];
  if (NEGATIVE_NUMBER.test(arg)) return undefined;
  if (arg.includes(' ')) return undefined;
  return { option: undefined, optionString: arg, explicit: undefined };
}

function prefixMatches(spec: ParserSpec, arg: string): OptionMatch[] {
  const out: OptionMatch[] = [];
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=');
    const prefix = eq >= 0 ? arg.slice(0, eq) : arg;
    const explicit = eq >= 0 ? arg.slice(eq + 1) : undefined;
    for (const o of spec.options) if (o.flag.startsWith(prefix)) out.push({ option: o, optionString: o.flag, explicit });
  } else {
    // Single-dash prefixes: every option here is long, so only plain prefix matches exist.
    for (const o of spec.options) if (o.flag.startsWith(arg)) out.push({ option: o, optionString: o.flag, explicit: undefined });
  }
  return out;
}

/** The message of an invalid choice, as AWS CLI 2.36 words it (a difflib-based suggestion list). */
export function invalidChoiceMessage(value: string, choices: readonly string[]): string {
  const parts = [`Found invalid choice '${value}'\n`];
  const suggestions = getCloseMatches(value, choices, 3, 0.8);
  if (suggestions.length > 0) {
    parts.push('Maybe you meant:\n');
    for (const s of suggestions) parts.push(`  * ${s}`);
  }
  return parts.join('\n');
}

function checkChoice(name: string, value: string, choices: readonly string[] | undefined): void {
  if (choices && !choices.includes(value)) {
    throw new ArgparseError(`argument ${name}: ${invalidChoiceMessage(value, choices)}`);
  }
}

/** argparse's nargs patterns over the A/O/- line; options never take a `--` (their `-*` is dropped). */
function optionPattern(option: OptionSpec): string {
  switch (option.kind) {
    case 'value': return '(A)';
    case 'optional-value': return '(A?)';
    default: return '()';
  }
}

function positionalPattern(p: PositionalSpec): string {
  return p.nargs === 'one' ? '(-*A-*)' : '(-*A?-*)';
}

/** argparse's _get_values: the first `--` among an action's strings is dropped. */
function stripDashDash(strings: string[]): string[] {
  const i = strings.indexOf('--');
  if (i >= 0) strings.splice(i, 1);
  return strings;
}

/** parse_known_args over `args` with the given parser definition. */
export function parseKnownArgs(spec: ParserSpec, args: readonly string[], trace: ParseTrace = {}): ParseResult {
  const values = new Map<string, ParsedValue>();
  const seen = new Set<string>();
  const extras: string[] = [];
  const extraAt: number[] = [];
  const lenient = trace.lenient === true;
  const extra = (from: number, to = from + 1): void => {
    for (let i = from; i < to; i++) { extras.push(args[i] as string); extraAt.push(i); }
  };
  const check = (name: string, value: string, choices: readonly string[] | undefined): void => {
    if (!lenient) checkChoice(name, value, choices);
  };

  // Classify every token first: an ambiguous prefix anywhere is reported before anything else.
  const patternParts: string[] = [];
  const optionAt = new Map<number, OptionMatch>();
  let rest = false;
  args.forEach((arg, i) => {
    if (rest) { patternParts.push('A'); return; }
    if (arg === '--') { patternParts.push('-'); rest = true; return; }
    const match = classify(spec, arg, lenient);
    if (match) { optionAt.set(i, match); patternParts.push('O'); } else patternParts.push('A');
  });
  const pattern = patternParts.join('');
  // Sticky regexes match at an index without slicing the line, so long lines stay linear.
  const regexes = new Map<string, RegExp>();
  const matchAt = (source: string, index: number): RegExpExecArray | null => {
    let re = regexes.get(source);
    if (!re) { re = new RegExp(source, 'y'); regexes.set(source, re); }
    re.lastIndex = index;
    return re.exec(pattern);
  };

  const positionals = [...spec.positionals];

  const takeOption = (option: OptionSpec, strings: string[]): void => {
    seen.add(option.dest);
    stripDashDash(strings);
    switch (option.kind) {
      case 'flag': values.set(option.dest, true); return;
      case 'version': if (lenient) { values.set(option.dest, true); return; } throw new VersionRequested();
      case 'optional-value': {
        if (strings.length === 0) {
          const v = option.constValue;
          if (v !== undefined) check(option.flag, v, option.choices);
          values.set(option.dest, v);
          return;
        }
        const v = strings[0] as string;
        check(option.flag, v, option.choices);
        values.set(option.dest, v);
        return;
      }
      case 'value': {
        if (strings.length === 1) {
          const v = strings[0] as string;
          check(option.flag, v, option.choices);
          values.set(option.dest, v);
          return;
        }
        // `--opt=--` leaves no string: argparse stores an empty list.
        for (const v of strings) check(option.flag, v, option.choices);
        values.set(option.dest, [...strings]);
      }
    }
  };

  const consumeOptional = (start: number): number => {
    const { option, optionString, explicit } = optionAt.get(start) as OptionMatch;
    if (!option) {
      extra(start);
      return start + 1;
    }
    if (explicit !== undefined) {
      if (option.kind !== 'value' && option.kind !== 'optional-value') {
        if (!lenient) throw new ArgparseError(`argument ${optionString}: ignored explicit argument '${explicit}'`);
        takeOption(option, []);
      } else takeOption(option, [explicit]);
      trace.taken?.(option, start, 0, explicit);
      return start + 1;
    }
    const m = matchAt(optionPattern(option), start + 1);
    if (!m && !lenient) {
      throw new ArgparseError(`argument ${optionString}: ${option.kind === 'optional-value' ? 'expected at most one argument' : 'expected one argument'}`);
    }
    const count = m ? (m[1] as string).length : 0;
    if (m) takeOption(option, args.slice(start + 1, start + 1 + count));
    else seen.add(option.dest);
    trace.taken?.(option, start, count, undefined);
    return start + 1 + count;
  };

  /** _match_arguments_partial: as many positionals as the line allows, longest list first. */
  const consumePositionals = (start: number): number => {
    let counts: number[] = [];
    for (let n = positionals.length; n > 0; n--) {
      const m = matchAt(positionals.slice(0, n).map(positionalPattern).join(''), start);
      if (m) { counts = m.slice(1).map((g) => (g as string).length); break; }
    }
    let i = start;
    counts.forEach((count, k) => {
      const p = positionals[k] as PositionalSpec;
      const strings = stripDashDash(args.slice(i, i + count));
      i += count;
      seen.add(p.dest);
      if (strings.length === 0) { values.set(p.dest, undefined); return; }
      const value = strings[0] as string;
      check(p.dest, value, p.choices);
      values.set(p.dest, value);
    });
    positionals.splice(0, counts.length);
    return i;
  };

  // Ascending (Map keys keep insertion order); a pointer walks it.
  const optionIndices = [...optionAt.keys()];
  const maxOptionIndex = optionIndices.length > 0 ? optionIndices[optionIndices.length - 1] as number : -1;
  let next = 0;
  let start = 0;
  while (start <= maxOptionIndex) {
    while ((optionIndices[next] as number) < start) next++;
    const nextOption = optionIndices[next] as number;
    if (start !== nextOption) {
      const end = consumePositionals(start);
      if (end > start) { start = end; continue; }
      start = end;
    }
    if (!optionAt.has(start)) {
      extra(start, nextOption);
      start = nextOption;
    }
    start = consumeOptional(start);
  }
  const stop = consumePositionals(start);
  extra(stop, args.length);

  const missing: string[] = [];
  for (const o of spec.options) if (o.required && !seen.has(o.dest)) missing.push(o.flag);
  for (const p of spec.positionals) if (p.nargs === 'one' && !seen.has(p.dest)) missing.push(p.dest);
  // argparse lists required actions in definition order; the AWS CLI defines positionals first.
  if (missing.length > 0 && !lenient) {
    const ordered = [
      ...spec.positionals.filter((p) => missing.includes(p.dest)).map((p) => p.dest),
      ...spec.options.filter((o) => missing.includes(o.flag)).map((o) => o.flag),
    ];
    throw new ArgparseError(`the following arguments are required: ${ordered.join(', ')}`);
  }
  return { values, seen, extras, extraAt };
}
