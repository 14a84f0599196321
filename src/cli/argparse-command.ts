// commander's Command with Python argparse's parse rules. The AWS CLI parses one argv in layers
// (first pass, main parser, service, operation) and which error a user sees depends on
// argparse's details (unique prefixes, "ambiguous option" before anything else, every missing
// required option listed, values that look like options refused, `--`), which commander's own
// parser does not follow. So each node of the tree keeps commander's Options as its vocabulary
// and dispatch, and swaps only the step that reads tokens: parseOptions runs argparse.ts's engine
// over the node's registered Options. commander then finds the subcommand in the operands and
// calls the action; it never prints or exits by itself (exitOverride, configureOutput).
import { Command, type Option, type ParseOptionsResult } from 'commander';
import {
  ArgparseError, parseKnownArgs, type OptionSpec, type ParsedValue, type ParseResult, type ParserSpec, type ParseTrace, type PositionalSpec,
} from './argparse.js';

/** What a node's own rule makes of its words: commander's operands (a subcommand first) and the rest. */
export type LayerRule = (command: ArgparseCommand, args: string[]) => ParseOptionsResult;

/** What a command's action receives from its node. */
export interface ParsedCommand {
  /** Option values by argparse dest (the long flag without `--`). */
  readonly values: ReadonlyMap<string, ParsedValue>;
  /** `help` where the command's help positional takes it. */
  readonly help: boolean;
  /** Tokens no option took, in argparse's order: the command reports them as unknown. */
  readonly extras: readonly string[];
}

export interface ArgparseOverrides {
  readonly positionals?: readonly PositionalSpec[];
  /** No option required (the AWS CLI relaxes on exact tokens, before parsing). */
  readonly relaxed?: boolean;
  /** How a line being edited is read (the prompt's), see argparse.ts. */
  readonly trace?: ParseTrace;
}

const NO_VALUES: ReadonlyMap<string, ParsedValue> = new Map();

/** An option as argparse sees it: the long flag, its value kind, choices, `const`, required. */
function optionSpec(o: Option, relaxed: boolean): OptionSpec {
  const flag = o.long as string;
  return {
    flag,
    // `--no-x` options keep their own names: in the AWS CLI they are flags, not negations.
    dest: flag.slice(2),
    kind: flag === '--version' ? 'version' : o.required ? 'value' : o.optional ? 'optional-value' : 'flag',
    choices: o.argChoices,
    constValue: o.presetArg as string | undefined,
    required: o.mandatory && !relaxed,
  };
}

/** commander's own registration step (not in its typings), which its addOption starts with. */
interface CommanderInternals {
  _registerOption(option: Option): void;
}

export class ArgparseCommand extends Command {
  /** argparse's positionals of this layer (nargs patterns commander's Arguments lack). */
  positionals: readonly PositionalSpec[] = [];
  /** The layer's usage line where argparse prints its own instead of the AWS CLI's usage block. */
  usageLine: string | undefined;
  /** Replaces the default reading (argparse, positionals as operands) where a layer decides more. */
  rule: LayerRule | undefined;
  /** Set by a command's rule for its action. */
  parsedCommand: ParsedCommand | undefined;
  /** The exit status an action left (on the root). */
  result: number | undefined;
  private parsedValues: ReadonlyMap<string, ParsedValue> = NO_VALUES;
  private pendingOptions: (() => void) | undefined;

  constructor(name?: string) {
    super(name);
    this.exitOverride();
    this.configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });
    this.helpOption(false);
    this.helpCommand(false);
    this.allowUnknownOption();
    this.allowExcessArguments();
  }

  override createCommand(name?: string): ArgparseCommand {
    return new ArgparseCommand(name);
  }

  /**
   * Registers the option as commander does (its conflict check, its place in `options` and its
   * help group) without what commander's addOption adds for its own token reader: a listener
   * per option and the stored defaults of `--no-` options, which parseOptions (argparse's engine,
   * writing values through record()) never uses and nothing reads (~15 µs an option at start).
   */
  override addOption(option: Option): this {
    (this as unknown as CommanderInternals)._registerOption(option);
    return this;
  }

  /**
   * Registers the node's options when it first reads a line (through spec, record or
   * parseOptions), not when the tree is made: a run's line reaches one command of the several
   * the tree holds (~30 µs an option). Only for a tree that parses: one that describes the
   * command line (help, completion, the prompt) reads `options` directly.
   */
  deferOptions(register: () => void): void {
    this.pendingOptions = register;
  }

  private ensureOptions(): void {
    const register = this.pendingOptions;
    this.pendingOptions = undefined;
    register?.();
  }

  /** The argparse parser this node stands for. */
  spec(overrides: ArgparseOverrides = {}): ParserSpec {
    this.ensureOptions();
    return {
      options: this.options.map((o) => optionSpec(o, overrides.relaxed === true)),
      positionals: overrides.positionals ?? this.positionals,
    };
  }

  /** parse_known_args with this node's options; a failure names the node (for its usage line). */
  argparse(args: readonly string[], overrides?: ArgparseOverrides): ParseResult {
    try {
      return parseKnownArgs(this.spec(overrides), args, overrides?.trace);
    } catch (e) {
      if (e instanceof ArgparseError) e.command = this;
      throw e;
    }
  }

  /** Keeps a parse's values: by argparse dest, and in commander's store (opts()) too. */
  record(result: ParseResult): void {
    this.ensureOptions();
    this.parsedValues = result.values;
    for (const o of this.options) {
      const dest = (o.long as string).slice(2);
      if (!result.seen.has(dest)) continue;
      const v = result.values.get(dest);
      this.setOptionValueWithSource(o.attributeName(), v === true && o.negate ? false : v, 'cli');
    }
  }

  /** The values of the last parse, by argparse dest. */
  values(): ReadonlyMap<string, ParsedValue> {
    return this.parsedValues;
  }

  override parseOptions(args: string[]): ParseOptionsResult {
    this.ensureOptions();
    if (this.rule) return this.rule(this, args);
    const result = this.argparse(args);
    this.record(result);
    const operands = this.positionals.map((p) => result.values.get(p.dest)).filter((v): v is string => typeof v === 'string');
    return { operands, unknown: result.extras };
  }

  /**
   * commander's check of mandatory options (an internal hook it calls after parseOptions):
   * argparse has decided already, and the AWS CLI relaxes them (cli-input, skeletons, `help`).
   */
  missingMandatoryOptionValue(): void {}
}
