// The text of every help page, in one place: the terminal pages and the man page are both
// rendered from these documents. The operation page is the AWS CLI 2.36.7 page: derived from the
// service model and the argument table (model-doc.ts, as clidocs, docutils and groff lay them
// out) so it cannot drift from what the command accepts; only its examples (the AWS CLI's example
// file, with `cogsignout` where it names itself) and one paragraph of our own are written here.
// The other pages follow its style.
import { bullets, item, literal, note, para, type Block, type Page, type Section } from './doc.js';
import { descriptionBlocks, optionBlocks, outputBlocks, synopsisLines } from './model-doc.js';
import { argumentTable } from '../service/arguments.js';
import { OPERATIONS, SIGN_OUT, type OperationModel } from '../service/model.js';

export const PROGRAM = 'cogsignout';

/** The commands with pages (the same names as program.ts's, which pulls in commander; tests check they agree). */
export const COMMAND_NAMES = { operation: SIGN_OUT.cliName, bulk: 'bulk-sign-out' } as const;

/**
 * Where words may be hyphenated, like groff's `.hw`. The terminal renderer knows no hyphenation
 * patterns, only these words: those groff breaks in the 80-column operation page (so that page
 * comes out byte for byte) and in our paragraph there, each with only the break points groff
 * used. Other words move whole to the next line, so other widths are groff-like, not groff's.
 */
export const HYPHENATION: readonly string[] = [
  'Cog-nito', 're-voked', 're-quest', 'op-eration', 'poli-cies', 'com-pati-bility', 'Over-rides',
  'liter-ally', 'di-rectly', 'ex-pires',
];

const GLOBAL_OPTIONS: Section = {
  heading: 'GLOBAL OPTIONS',
  blocks: [
    para('**--debug** (boolean)'),
    para('Turn on debug logging.'),
    para('**--endpoint-url** (string)'),
    para("Override command's default URL with the given URL."),
    para('**--no-verify-ssl** (boolean)'),
    para('By default, the AWS CLI uses SSL when communicating with AWS services. For each SSL connection, the AWS CLI will verify SSL certificates. This option overrides the default behavior of verifying SSL certificates.'),
    para('**--no-paginate** (boolean)'),
    para('Disable automatic pagination. If automatic pagination is disabled, the AWS CLI will only make one call, for the first page of results.'),
    para('**--output** (string)'),
    para('The formatting style for command output.'),
    bullets('json', 'text', 'table', 'yaml', 'yaml-stream', 'off'),
    para('**--query** (string)'),
    para('A JMESPath query to use in filtering the response data.'),
    para('**--profile** (string)'),
    para('Use a specific profile from your credential file.'),
    para('**--region** (string)'),
    para('The region to use. Overrides config/env settings.'),
    para('**--version** (string)'),
    para('Display the version of this tool.'),
    para('**--color** (string)'),
    para('Turn on/off color output.'),
    bullets('on', 'off', 'auto'),
    para('**--no-sign-request** (boolean)'),
    para('Do not sign requests. Credentials will not be loaded if this argument is provided.'),
    para('**--ca-bundle** (string)'),
    para('The CA certificate bundle to use when verifying SSL certificates. Overrides config/env settings.'),
    para('**--cli-read-timeout** (int)'),
    para('The maximum socket read time in seconds. If the value is set to 0, the socket read will be blocking and not timeout. The default value is 60 seconds.'),
    para('**--cli-connect-timeout** (int)'),
    para('The maximum socket connect time in seconds. If the value is set to 0, the socket connect will be blocking and not timeout. The default value is 60 seconds.'),
    para('**--cli-binary-format** (string)'),
    para('The formatting style to be used for binary blobs. The default format is base64. The base64 format expects binary blobs to be provided as a base64 encoded string. The raw-in-base64-out format preserves compatibility with AWS CLI V1 behavior and binary values must be passed literally. When providing contents from a file that map to a binary blob **fileb://** will always be treated as binary and use the file contents directly regardless of the **cli-binary-format** setting. When using **file://** the file contents will need to properly formatted for the configured **cli-binary-format**.'),
    bullets('base64', 'raw-in-base64-out'),
    para('**--no-cli-pager** (boolean)'),
    para('Disable cli pager for output.'),
    para('**--cli-auto-prompt** (boolean)'),
    para('Automatically prompt for CLI input parameters.'),
    para('**--no-cli-auto-prompt** (boolean)'),
    para('Disable automatically prompt for CLI input parameters.'),
    para('**--cli-error-format** (string)'),
    para('The formatting style for error output. By default, errors are displayed in enhanced format.'),
    bullets('legacy', 'json', 'yaml', 'text', 'table', 'enhanced'),
  ],
};

/** The global options' synopsis lines, in the AWS CLI's order. */
const GLOBAL_SYNOPSIS = [
  '[--debug]', '[--endpoint-url <value>]', '[--no-verify-ssl]', '[--no-paginate]', '[--output <value>]',
  '[--query <value>]', '[--profile <value>]', '[--region <value>]', '[--version <value>]', '[--color <value>]',
  '[--no-sign-request]', '[--ca-bundle <value>]', '[--cli-read-timeout <value>]', '[--cli-connect-timeout <value>]',
  '[--cli-binary-format <value>]', '[--no-cli-pager]', '[--cli-auto-prompt]', '[--no-cli-auto-prompt]',
  '[--cli-error-format <value>]',
];

/** Our paragraph: what a global sign-out does not do, said plainly (the AWS text is precise but easy to misread). */
const WHAT_IT_REVOKES = para(
  'In plain words: after a global sign-out, Amazon Cognito itself rejects the user\'s access and refresh tokens, ' +
  'so the user cannot refresh the session or call Cognito\'s own APIs with them. It does not make tokens invalid ' +
  'elsewhere: an ID or access token (a JWT) that another service or your own back end checks by its signature ' +
  'stays valid until it expires (one hour by default). The managed login (hosted UI) session cookie is not ' +
  'cleared either, so a browser that still has it can sign in again without a password until it expires or ' +
  'the user is sent to the logout endpoint.',
  // Keeps the AWS text after it justified exactly as the AWS CLI prints it.
  { aside: true },
);

/**
 * An operation's page as the AWS CLI lays it out: everything but the examples (the AWS CLI's own
 * example files) and our additions comes from the service model and the argument table.
 */
export function operationPage(op: OperationModel, own: { readonly description?: readonly Block[]; readonly examples?: readonly Block[] } = {}): Page {
  const table = argumentTable(op);
  return {
    title: op.cliName.toUpperCase(),
    sections: [
      { heading: 'NAME', blocks: [para(`${op.cliName} -`)] },
      { heading: 'DESCRIPTION', blocks: [...descriptionBlocks(op), ...(own.description ?? [])] },
      { heading: 'SYNOPSIS', blocks: [literal(`  ${op.cliName}`, ...synopsisLines(table), ...GLOBAL_SYNOPSIS)] },
      { heading: 'OPTIONS', blocks: optionBlocks(table) },
      GLOBAL_OPTIONS,
      ...(own.examples === undefined ? [] : [{ heading: 'EXAMPLES', blocks: own.examples }]),
      { heading: 'OUTPUT', blocks: outputBlocks(op) },
    ],
  };
}

export const OPERATION_PAGE: Page = operationPage(SIGN_OUT, {
  description: [WHAT_IT_REVOKES],
  examples: [
    note('NOTE:',
      para('To use the following examples, you must have the AWS CLI installed and configured. See the *Getting started guide* in the *AWS CLI User Guide* for more information.'),
      para("Unless otherwise stated, all examples have unix-like quotation rules. These examples will need to be adapted to your terminal's quoting rules. See *Using quotation marks with strings* in the *AWS CLI User Guide* ."),
    ),
    para('**To sign out a user as an admin**'),
    para('The following **admin-user-global-sign-out** example signs out the user *diego@example.com*.'),
    literal(
      `${PROGRAM} admin-user-global-sign-out \\`,
      '    --user-pool-id us-west-2_EXAMPLE \\',
      '    --username diego@example.com',
    ),
    para('For more information, see *Authentication with a user pool* in the *Amazon Cognito Developer Guide*.'),
  ],
});

const EXIT_STATUS: Section = {
  heading: 'EXIT STATUS',
  blocks: [
    item('**0**', para('Success. Also after help, **--version** and **--generate-cli-skeleton**.')),
    item('**252**', para('The command line or a parameter is wrong: an unknown or missing option, an invalid choice, a bad **--query**, a **file://** that cannot be read, a value the service model rejects.')),
    item('**253**', para('Configuration is missing: no region, no credentials, or the pager cannot be started.')),
    item('**254**', para('The service answered with an error (after retries), for example **UserNotFoundException**.')),
    item('**255**', para('Anything else: connection, timeout and TLS errors, a profile that does not exist, a config file that cannot be parsed, an invalid region or retry setting.')),
    item('**130**', para('Interrupted with Ctrl-C.')),
  ],
};

export const TOP_PAGE: Page = {
  title: 'COGSIGNOUT',
  sections: [
    { heading: 'NAME', blocks: [para(`${PROGRAM} - sign Amazon Cognito users out of every device`)] },
    {
      heading: 'SYNOPSIS',
      blocks: [
        literal(`${PROGRAM} [options] <command> [parameters]`),
        para(`Use **${PROGRAM}** *command* **help** for information on a specific command, and **${PROGRAM} completion** *shell* for a shell completion script.`),
      ],
    },
    {
      heading: 'DESCRIPTION',
      blocks: [
        para(`**${PROGRAM}** signs Amazon Cognito user pool users out of every device. It is a stand-alone clone of one AWS CLI 2.36.7 command, **aws cognito-idp admin-user-global-sign-out**: the same options, configuration files, environment variables, output formats, error messages and exit codes, with **${PROGRAM}** where the AWS CLI prints **aws**. It also signs many users out in one run (**bulk-sign-out**).`),
        para(`An AWS CLI command line works with **aws** replaced by **${PROGRAM}**: one **cognito-idp** word before the command is skipped (**${PROGRAM} cognito-idp admin-user-global-sign-out** ...).`),
      ],
    },
    {
      heading: 'AVAILABLE COMMANDS',
      blocks: [
        item('**admin-user-global-sign-out**', para("Signs one user out of every device: revokes the user's access and refresh tokens.")),
        item('**bulk-sign-out**', para('Signs many users out, from a file of usernames or every user of a pool, at a bounded rate, resumably.')),
        item('**completion**', para('Prints a completion script for **bash**, **zsh** or **fish**.')),
      ],
    },
    GLOBAL_OPTIONS,
    {
      heading: 'CONFIGURATION',
      blocks: [
        para('Settings are read as the AWS CLI reads them: the command line first, then environment variables, then the profile in the configuration files. The profile is the one named by **--profile**, **AWS_PROFILE** or **AWS_DEFAULT_PROFILE**, else **default**. The files are *~/.aws/config* and *~/.aws/credentials* (or the files that **AWS_CONFIG_FILE** and **AWS_SHARED_CREDENTIALS_FILE** name), which the AWS CLI\'s **aws configure**, **aws login** and **aws sso login** write: the error messages name those commands.'),
        para('The region comes from **--region**, **AWS_REGION**, **AWS_DEFAULT_REGION** or the profile. Credentials come from the environment (**AWS_ACCESS_KEY_ID**, **AWS_SECRET_ACCESS_KEY**, **AWS_SESSION_TOKEN**), the profile (keys, an assumed role, web identity, SSO, **credential_process**), a container or the EC2 instance metadata. The output format comes from **--output**, **AWS_DEFAULT_OUTPUT** or the profile, else **json**.'),
        para('On a terminal, output goes through a pager: **AWS_PAGER**, else the profile\'s **cli_pager**, else **PAGER**, else **less** (with **LESS=FRX** unless **LESS** is set); **--no-cli-pager** or an empty **AWS_PAGER** turns it off. Ctrl-C ends the pager and the command.'),
        para('On a terminal, help pages go through **MANPAGER**, else **PAGER**, else **less -R**, and fit the terminal (**MANWIDTH** sets another width). Written to a pipe or a file, they are plain text and are not paged.'),
      ],
    },
    EXIT_STATUS,
    {
      heading: 'SEE ALSO',
      blocks: [para(`**${PROGRAM} admin-user-global-sign-out help**, **${PROGRAM} bulk-sign-out help**, **aws**(1)`)],
    },
  ],
};

const BULK_SYNOPSIS = [
  '  bulk-sign-out', '--user-pool-id <value>', '--usernames-file <value> | --all-users', '[--filter <value>]',
  '[--max-rps <value>]', '[--concurrency <value>]', '[--journal <value>]', '[--dry-run]', '[--list-file <value>]',
];

export const BULK_PAGE: Page = {
  title: 'BULK-SIGN-OUT',
  sections: [
    { heading: 'NAME', blocks: [para('bulk-sign-out - sign many users of a user pool out of every device')] },
    {
      heading: 'DESCRIPTION',
      blocks: [
        para('Signs out every user named in a file, or every user of the pool, with one AdminUserGlobalSignOut request each: several at a time and no faster than a set rate, so a large pool can be signed out during an incident without tripping the service\'s request quotas. Each sign-out has the effect described in **' + PROGRAM + ' admin-user-global-sign-out help**.'),
        para('With **--journal**, every finished user is recorded; if the run is interrupted, the same command with the same journal resumes it and skips the users already done.'),
      ],
    },
    { heading: 'SYNOPSIS', blocks: [literal(...BULK_SYNOPSIS, ...GLOBAL_SYNOPSIS)] },
    {
      heading: 'OPTIONS',
      blocks: [
        item('**--user-pool-id** (string) [required]', para('The ID of the user pool whose users to sign out.')),
        item('**--usernames-file** (string)',
          para('A file with one username per line; **-** reads standard input. Blank lines and lines that start with **#** are skipped (a username that starts with **#** is written **\\#name**). Give either this option or **--all-users**.')),
        item('**--all-users** (boolean)',
          para('Signs out every user of the pool, listing them with ListUsers page by page.')),
        item('**--filter** (string)',
          para('With **--all-users**, the Filter of ListUsers, to sign out only the users that match, for example **email ^= "contractor-"** or **status = "Enabled"**.')),
        item('**--max-rps** (integer)',
          para('At most this many sign-out requests are started in any one-second window (they are evenly spaced, with a 100 ms margin for network jitter). The default is **20**; **0** means no limit but the service\'s throttling. When the service throttles because others use the shared quota, the rate is kept; when the run itself is too fast, it is lowered.')),
        item('**--concurrency** (integer)',
          para('How many sign-out requests may be in flight at once. The default is **8**.')),
        item('**--journal** (string)',
          para('A file that records each user\'s outcome. Running the same command again with the same journal after an interruption skips the users it records as signed out, so the run continues where it stopped. Use a new journal for each incident: one kept from an older incident skips the users it signed out back then, who may have signed in again since (the ending line says when the first skipped user was signed out). One run at a time uses a journal (a second is refused); a file that is not a journal, or cannot be made durable, is refused.')),
        item('**--dry-run** (boolean)',
          para('Reads and checks the usernames (or lists the users), checks the pool and the credentials with read-only calls (DescribeUserPool, or ListUsers with **--all-users**), and counts the users, without signing anyone out.')),
        item('**--list-file** (string)',
          para('With **--dry-run**, writes the users that would be signed out to this new file, one per line, to review and pass back as **--usernames-file**.')),
      ],
    },
    GLOBAL_OPTIONS,
    {
      heading: 'EXAMPLES',
      blocks: [
        para('**To sign out the users listed in a file, resumably**'),
        literal(
          `${PROGRAM} bulk-sign-out \\`,
          '    --user-pool-id us-west-2_EXAMPLE \\',
          '    --usernames-file compromised.txt \\',
          '    --journal signout.journal',
        ),
        para('**To count the users a filter would sign out**'),
        literal(
          `${PROGRAM} bulk-sign-out \\`,
          '    --user-pool-id us-west-2_EXAMPLE \\',
          '    --all-users --filter \'email ^= "contractor-"\' --dry-run',
        ),
      ],
    },
    {
      heading: 'OUTPUT',
      blocks: [para('A summary of the run on standard output, in the **--output** format and filtered by **--query**, however the run ends: Users, Succeeded, Failed, Skipped, NotAttempted (which add up to Users), Duplicates, Finished, Interrupted or Stopped, the pool, Region, times, rate, Throttled and the Failures in input order. One line on standard error says how the run ended and, if it did not finish, the command that resumes it.')],
    },
    {
      heading: 'EXIT STATUS',
      blocks: [para('**0** when the run finished and every user was signed out or skipped, **254** when it finished and some users failed, **130** when interrupted (Ctrl-C, SIGTERM, SIGHUP), **255** when an error every user would meet stopped it (connection, pool, credentials, journal), **252** when it was refused before anyone was signed out (command line, username file, journal), **253** for missing configuration.')],
    },
  ],
};

/**
 * Each command's page, in the order the manual lists them: every operation of the service
 * model (a new one gets its page from the model, examples aside), then cogsignout's own.
 */
export const COMMAND_PAGES: ReadonlyArray<{ readonly name: string; readonly page: Page; readonly operation?: OperationModel }> = [
  ...OPERATIONS.map((op) => ({ name: op.cliName, page: op === SIGN_OUT ? OPERATION_PAGE : operationPage(op), operation: op })),
  { name: COMMAND_NAMES.bulk, page: BULK_PAGE },
];

/** Blocks with this page's global options section, so the man page can print that section once. */
export function isGlobalOptions(section: Section): boolean {
  return section === GLOBAL_OPTIONS;
}
