// An operation's argument table as the AWS CLI builds it (clidriver.py's
// ServiceOperation._create_argument_table, then the building-argument-table handlers of
// awscli/customizations/cliinput.py and generatecliskeleton.py): one argument per input member
// in model order, then the arguments the CLI adds to every operation, which no service model
// holds. The command's options, its help OPTIONS and SYNOPSIS, the prompt and completion are
// read from this one table, so a second operation gets the CLI's own arguments for free.
import type { MemberModel, OperationModel } from './model.js';

export interface CliArgument {
  /** The option without its dashes. */
  readonly name: string;
  /** The member it fills; undefined for the CLI's own arguments. */
  readonly member?: MemberModel;
  readonly required: boolean;
  /** The CLI's help_text (reStructuredText inline markup: ``literal``); members have HTML documentation instead. */
  readonly helpText?: string;
  /** Arguments of one group share one help entry (`--cli-input-json | --cli-input-yaml`). */
  readonly group?: string;
  /** argparse's nargs='?' with this const. */
  readonly optionalValue?: string;
  readonly choices?: readonly string[];
  /** The value is a whole input document, so it may hold any member's value, sensitive ones too. */
  readonly document?: boolean;
  /** Present on the command line, it lifts the required members (OverrideRequiredArgsArgument). */
  readonly overridesRequired?: boolean | { readonly unless: string };
}

/** The inputs a --generate-cli-skeleton value may ask for. */
export const SKELETON_KINDS = ['input', 'output', 'yaml-input'] as const;

/** awscli/customizations/cliinput.py, CliInputJSONArgument and CliInputYAMLArgument. */
const CLI_INPUT_ARGUMENTS: readonly CliArgument[] = [
  {
    name: 'cli-input-json',
    required: false,
    group: 'cli_input',
    document: true,
    overridesRequired: true,
    helpText: 'Reads arguments from the JSON string provided. The JSON string follows the format provided by ``--generate-cli-skeleton``. If other arguments are provided on the command line, those values will override the JSON-provided values. It is not possible to pass arbitrary binary values using a JSON-provided value as the string will be taken literally. This may not be specified along with ``--cli-input-yaml``.',
  },
  {
    name: 'cli-input-yaml',
    required: false,
    group: 'cli_input',
    document: true,
    overridesRequired: true,
    helpText: 'Reads arguments from the YAML string provided. The YAML string follows the format provided by ``--generate-cli-skeleton yaml-input``. If other arguments are provided on the command line, those values will override the YAML-provided values. This may not be specified along with ``--cli-input-json``.',
  },
];

/** awscli/customizations/generatecliskeleton.py, GenerateCliSkeletonArgument. */
const SKELETON_ARGUMENT: CliArgument = {
  name: 'generate-cli-skeleton',
  required: false,
  optionalValue: 'input',
  choices: SKELETON_KINDS,
  // `output` validates the input, so it needs the required members.
  overridesRequired: { unless: 'output' },
  helpText: 'Prints a JSON skeleton to standard output without sending an API request. If provided with no value or the value ``input``, prints a sample input JSON that can be used as an argument for ``--cli-input-json``. Similarly, if provided ``yaml-input`` it will print a sample input YAML that can be used with ``--cli-input-yaml``. If provided with the value ``output``, it validates the command inputs and returns a sample output JSON for that command. The generated JSON skeleton is not stable between versions of the AWS CLI and there are no backwards compatibility guarantees in the JSON skeleton generated.',
};

/** The operation's arguments in the AWS CLI's table order. */
export function argumentTable(op: OperationModel): CliArgument[] {
  const members = op.input.map((m): CliArgument => ({ name: m.option.slice(2), member: m, required: m.required }));
  return [...members, ...CLI_INPUT_ARGUMENTS, SKELETON_ARGUMENT];
}

/** The options whose values --debug hides: sensitive members' and whole input documents'. */
export function sensitiveOptions(op: OperationModel): string[] {
  return argumentTable(op).filter((a) => a.member?.sensitive === true || a.document === true).map((a) => `--${a.name}`);
}

/**
 * Whether the command line lifts the required members, as OverrideRequiredArgsArgument decides
 * on the raw tokens before parsing (an abbreviated option does not count).
 */
export function liftsRequired(table: readonly CliArgument[], args: readonly string[]): boolean {
  return table.some((a) => {
    if (a.overridesRequired === undefined || a.overridesRequired === false) return false;
    const at = args.indexOf(`--${a.name}`);
    if (at < 0) return false;
    return a.overridesRequired === true || args[at + 1] !== a.overridesRequired.unless;
  });
}
