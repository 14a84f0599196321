// The command line's vocabulary, declared once with commander: the global options every command
// accepts and the operation's own options. The AWS CLI's parsing rules (argparse's prefix
// matching, error order, the layered parsers) are not commander's, so parsing itself happens in
// argparse.ts from these declarations; commander remains the single registry that help,
// completion and the parsers read.
import { Command, Option } from 'commander';
import type { OptionKind, OptionSpec, ParserSpec } from './argparse.js';

export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'] as const;
export const COLOR_CHOICES = ['on', 'off', 'auto'] as const;
export const BINARY_FORMATS = ['base64', 'raw-in-base64-out'] as const;
export const ERROR_FORMATS = ['legacy', 'json', 'yaml', 'text', 'table', 'enhanced'] as const;
export const SKELETON_CHOICES = ['input', 'output', 'yaml-input'] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export type ErrorFormat = (typeof ERROR_FORMATS)[number];

/** Global options in the AWS CLI's definition order (which ambiguity messages list). */
export function globalOptions(): Option[] {
  return [
    new Option('--debug', 'Turn on debug logging.'),
    new Option('--endpoint-url <value>', "Override command's default URL with the given URL."),
    new Option('--no-verify-ssl', 'By default, the AWS CLI uses SSL when communicating with AWS services. For each SSL connection, the AWS CLI will verify SSL certificates. This option overrides the default behavior of verifying SSL certificates.'),
    new Option('--no-paginate', 'Disable automatic pagination. If automatic pagination is disabled, the AWS CLI will only make one call, for the first page of results.'),
    new Option('--output <value>', 'The formatting style for command output.').choices(OUTPUT_FORMATS),
    new Option('--query <value>', 'A JMESPath query to use in filtering the response data.'),
    new Option('--profile <value>', 'Use a specific profile from your credential file.'),
    new Option('--region <value>', 'The region to use. Overrides config/env settings.'),
    new Option('--version', 'Display the version of this tool.'),
    new Option('--color <value>', 'Turn on/off color output.').choices(COLOR_CHOICES),
    new Option('--no-sign-request', 'Do not sign requests. Credentials will not be loaded if this argument is provided.'),
    new Option('--ca-bundle <value>', 'The CA certificate bundle to use when verifying SSL certificates. Overrides config/env settings.'),
    new Option('--cli-read-timeout <value>', 'The maximum socket read time in seconds. If the value is set to 0, the socket read will be blocking and not timeout. The default value is 60 seconds.'),
    new Option('--cli-connect-timeout <value>', 'The maximum socket connect time in seconds. If the value is set to 0, the socket connect will be blocking and not timeout. The default value is 60 seconds.'),
    new Option('--cli-binary-format <value>', 'The formatting style to be used for binary blobs.').choices(BINARY_FORMATS),
    new Option('--no-cli-pager', 'Disable cli pager for output.'),
    new Option('--cli-auto-prompt', 'Automatically prompt for CLI input parameters.'),
    new Option('--no-cli-auto-prompt', 'Disable automatically prompt for CLI input parameters.'),
    new Option('--cli-error-format <value>', 'The formatting style for error output. By default, errors are displayed in enhanced format.').choices(ERROR_FORMATS),
  ];
}

/** The options of `admin-user-global-sign-out`, in the service model's order. */
export function signOutOptions(): Option[] {
  return [
    new Option('--user-pool-id <value>', 'The ID of the user pool where you want to sign out a user.').makeOptionMandatory(),
    new Option('--username <value>', 'The name of the user that you want to query or modify.').makeOptionMandatory(),
    new Option('--cli-input-json <value>', 'Reads arguments from the JSON string provided.'),
    new Option('--cli-input-yaml <value>', 'Reads arguments from the YAML string provided.'),
    new Option('--generate-cli-skeleton [value]', 'Prints a JSON skeleton to standard output without sending an API request.')
      .choices(SKELETON_CHOICES).preset('input'),
  ];
}

/** The options of `bulk-sign-out` (cogsignout's own command for incidents). */
export function bulkSignOutOptions(): Option[] {
  return [
    new Option('--user-pool-id <value>', 'The ID of the user pool whose users to sign out.').makeOptionMandatory(),
    new Option('--usernames-file <value>', 'A file with one username per line (- for standard input).'),
    new Option('--all-users', 'Sign out every user of the pool (ListUsers).'),
    new Option('--filter <value>', 'A ListUsers filter for --all-users, e.g. status = "Enabled".'),
    new Option('--max-rps <value>', 'Requests per second at most (default 20; 0 = no limit).'),
    new Option('--concurrency <value>', 'Requests in flight at most (default 8).'),
    new Option('--journal <value>', 'A JSON-lines record of each outcome; a rerun skips users already signed out.'),
    new Option('--dry-run', 'Resolve and count the users; sign nobody out.'),
  ];
}

export const OPERATION = 'admin-user-global-sign-out';
export const BULK = 'bulk-sign-out';

/** Every command the service-level parser accepts (the operation name position). */
export const COMMANDS = [OPERATION, BULK] as const;

/** The commander program: the command tree that help and completion describe. */
export function buildProgram(): Command {
  const program = new Command('cogsignout');
  for (const o of globalOptions()) program.addOption(o);
  const op = new Command(OPERATION).description('Signs a user out of every device by revoking their tokens.');
  for (const o of signOutOptions()) op.addOption(o);
  program.addCommand(op);
  const bulk = new Command(BULK).description('Signs many users out, safely and resumably (for incidents).');
  for (const o of bulkSignOutOptions()) bulk.addOption(o);
  program.addCommand(bulk);
  return program;
}

function kindOf(o: Option): OptionKind {
  if (o.long === '--version') return 'version';
  if (o.optional) return 'optional-value';
  if (o.required) return 'value';
  return 'flag';
}

/** The argparse view of commander options. */
export function toParserSpec(options: readonly Option[], positionals: ParserSpec['positionals'] = []): ParserSpec {
  const specs: OptionSpec[] = options.map((o) => ({
    flag: o.long as string,
    // `--no-x` options keep their own names: in the AWS CLI they are flags, not negations.
    dest: (o.long as string).slice(2),
    kind: kindOf(o),
    choices: o.argChoices,
    constValue: typeof o.presetArg === 'string' ? o.presetArg : undefined,
    required: o.mandatory,
  }));
  return { options: specs, positionals };
}
