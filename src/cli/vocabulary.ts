// The command line's vocabulary as plain data: every option of every command, in the AWS CLI's
// definition order (which ambiguity messages list), with its value kind and choices. program.ts
// builds the commander command tree from it, which parses every line and which help,
// completion and the prompt read. The commands themselves, the operation's options among them,
// are computed from the service model in command-decls.ts: this module sets up no model, as the
// main parser (and with it every `--version`) reads it.
import { SKELETON_KINDS } from '../service/arguments.js';

export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'] as const;
export const COLOR_CHOICES = ['on', 'off', 'auto'] as const;
export const BINARY_FORMATS = ['base64', 'raw-in-base64-out'] as const;
export const ERROR_FORMATS = ['legacy', 'json', 'yaml', 'text', 'table', 'enhanced'] as const;
export const SKELETON_CHOICES = SKELETON_KINDS;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export type ErrorFormat = (typeof ERROR_FORMATS)[number];

export const OPERATION = 'admin-user-global-sign-out';
export const BULK = 'bulk-sign-out';


/**
 * The AWS CLI's service name. A command line copied from an AWS runbook with `aws` swapped for
 * `cogsignout` still has it in front of the command: that one word is skipped (see README,
 * "Differences from the AWS CLI").
 */
export const SERVICE_WORD = 'cognito-idp';

/** The words after the main parser without a leading SERVICE_WORD in the command position. */
export function withoutServiceWord(words: readonly string[]): string[] {
  const at = words.findIndex((w) => !w.startsWith('-'));
  return at >= 0 && words[at] === SERVICE_WORD ? [...words.slice(0, at), ...words.slice(at + 1)] : [...words];
}

/** One option, in commander's flag syntax (`--name <value>`, `--name [value]`, `--flag`). */
export interface OptionDecl {
  readonly flags: string;
  readonly description: string;
  readonly choices?: readonly string[];
  /** The value of an optional-value option given bare. */
  readonly preset?: string;
  readonly mandatory?: boolean;
}

export const GLOBAL_OPTIONS: readonly OptionDecl[] = [
  { flags: '--debug', description: 'Turn on debug logging.' },
  { flags: '--endpoint-url <value>', description: "Override command's default URL with the given URL." },
  { flags: '--no-verify-ssl', description: 'By default, the AWS CLI uses SSL when communicating with AWS services. For each SSL connection, the AWS CLI will verify SSL certificates. This option overrides the default behavior of verifying SSL certificates.' },
  { flags: '--no-paginate', description: 'Disable automatic pagination. If automatic pagination is disabled, the AWS CLI will only make one call, for the first page of results.' },
  { flags: '--output <value>', description: 'The formatting style for command output.', choices: OUTPUT_FORMATS },
  { flags: '--query <value>', description: 'A JMESPath query to use in filtering the response data.' },
  { flags: '--profile <value>', description: 'Use a specific profile from your credential file.' },
  { flags: '--region <value>', description: 'The region to use. Overrides config/env settings.' },
  { flags: '--version', description: 'Display the version of this tool.' },
  { flags: '--color <value>', description: 'Turn on/off color output.', choices: COLOR_CHOICES },
  { flags: '--no-sign-request', description: 'Do not sign requests. Credentials will not be loaded if this argument is provided.' },
  { flags: '--ca-bundle <value>', description: 'The CA certificate bundle to use when verifying SSL certificates. Overrides config/env settings.' },
  { flags: '--cli-read-timeout <value>', description: 'The maximum socket read time in seconds. If the value is set to 0, the socket read will be blocking and not timeout. The default value is 60 seconds.' },
  { flags: '--cli-connect-timeout <value>', description: 'The maximum socket connect time in seconds. If the value is set to 0, the socket connect will be blocking and not timeout. The default value is 60 seconds.' },
  { flags: '--cli-binary-format <value>', description: 'The formatting style to be used for binary blobs.', choices: BINARY_FORMATS },
  { flags: '--no-cli-pager', description: 'Disable cli pager for output.' },
  { flags: '--cli-auto-prompt', description: 'Automatically prompt for CLI input parameters.' },
  { flags: '--no-cli-auto-prompt', description: 'Disable automatically prompt for CLI input parameters.' },
  { flags: '--cli-error-format <value>', description: 'The formatting style for error output. By default, errors are displayed in enhanced format.', choices: ERROR_FORMATS },
];

/** `bulk-sign-out` (cogsignout's own command for incidents). */
export const BULK_OPTIONS: readonly OptionDecl[] = [
  { flags: '--user-pool-id <value>', description: 'The ID of the user pool whose users to sign out.', mandatory: true },
  { flags: '--usernames-file <value>', description: 'A file with one username per line (- for standard input).' },
  { flags: '--all-users', description: 'Sign out every user of the pool (ListUsers).' },
  { flags: '--filter <value>', description: 'A ListUsers filter for --all-users, e.g. status = "Enabled".' },
  { flags: '--max-rps <value>', description: 'At most this many sign-outs are started in any one-second window (default 20; 0 = no limit but the service\'s).' },
  { flags: '--concurrency <value>', description: 'Requests in flight at most (default 8).' },
  { flags: '--journal <value>', description: 'A JSON-lines record of each outcome; a rerun skips users already signed out. One run at a time.' },
  { flags: '--dry-run', description: 'Read and check the input, the pool and the credentials (read-only calls); count the users; sign nobody out.' },
  { flags: '--list-file <value>', description: 'With --dry-run: write the users that would be signed out to this new file, one per line, to review and pass as --usernames-file.' },
];

/**
 * What a value is where it is more than a string (every value is parsed as a string): the
 * prompt shows the type, completion offers file names.
 */
export const VALUE_TYPES: Readonly<Record<string, 'integer' | 'file'>> = {
  '--cli-read-timeout': 'integer',
  '--cli-connect-timeout': 'integer',
  '--ca-bundle': 'file',
  '--usernames-file': 'file',
  '--journal': 'file',
  '--max-rps': 'integer',
  '--concurrency': 'integer',
};

export const longFlag = (d: OptionDecl): string => d.flags.split(' ')[0] as string;
