// The commands under the service word, as the tree, completion, the help command, the prompt and
// the driver's dispatch see them: each operation of the service model (src/service/), with its
// options computed from the model's argument table, so the model stays the one place that knows
// its members; then cogsignout's own. Apart from vocabulary.ts because it sets the model up,
// which only a line that reaches the tree needs (never `--version`).
import { argumentTable } from '../service/arguments.js';
import { docOverview, OPERATIONS, SIGN_OUT, type OperationModel } from '../service/model.js';
import { onFirstUse } from '../util/first-use.js';
import { BULK, BULK_OPTIONS, type OptionDecl } from './vocabulary.js';

/** An argument table as options: each help text's first sentence is the short description. */
export function operationOptions(op: OperationModel): OptionDecl[] {
  return argumentTable(op).map((a) => ({
    flags: a.optionalValue !== undefined ? `--${a.name} [value]` : `--${a.name} <value>`,
    // Read when the command's node is made (--version and the main parser's errors never do).
    get description() { return a.member ? a.member.summary : docOverview((a.helpText ?? '').replace(/``/g, '')); },
    ...(a.choices ? { choices: a.choices } : {}),
    ...(a.optionalValue !== undefined ? { preset: a.optionalValue } : {}),
    ...(a.required ? { mandatory: true } : {}),
  }));
}

/**
 * `admin-user-global-sign-out`, in the argument table's order (the service model's, then the
 * CLI's own): made when first asked for (--version never does; the argument table is ~0.3 ms).
 */
export const signOutOptionDecls = onFirstUse((): readonly OptionDecl[] => operationOptions(SIGN_OUT));

/** A command under the service word, as the tree, completion, the help command and the driver's dispatch see it. */
export interface CommandDecl {
  readonly name: string;
  readonly options: readonly OptionDecl[];
  /** One line for shells that show one (completion). */
  readonly summary: string;
  /** The operation it calls, for a service operation: its argument table lifts required options. */
  readonly operation?: OperationModel;
}

/** Completion's lines where an operation's own first sentence reads badly as a summary. */
const OPERATION_SUMMARIES: Readonly<Record<string, string>> = {
  [SIGN_OUT.cliName]: 'Sign one user out of every device.',
};

/**
 * Every command under the service word, in the order completion and help list them: each
 * operation of the service model (src/service/), then cogsignout's own. A new operation is an
 * entry in the model plus its handler (the driver's COMMAND_RUNNERS): it gets its node, options,
 * completion and help page from here.
 */
export const COMMAND_DECLS: readonly CommandDecl[] = [
  ...OPERATIONS.map((op) => ({
    name: op.cliName,
    // Made when first read (see signOutOptionDecls).
    get options() { return op === SIGN_OUT ? signOutOptionDecls() : operationOptions(op); },
    get summary() { return OPERATION_SUMMARIES[op.cliName] ?? docOverview(op.documentation); },
    operation: op,
  })),
  { name: BULK, options: BULK_OPTIONS, summary: 'Sign many users out, at a bounded rate, resumably.' },
];

/** Every command the service-level parser accepts (the operation name position). */
export const COMMANDS: readonly string[] = COMMAND_DECLS.map((d) => d.name);
