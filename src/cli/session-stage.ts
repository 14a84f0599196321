// Between the main parser and the service layer, in the AWS CLI's order: the top-level argument
// checks (top-level-checks.ts), then the session (the profile, the output
// encoding, the configuration files and the session-initialized handlers). The tree runs it as
// the program node's preSubcommand hook (src/cli/program.ts).
import { parsedOrFail } from '../config/files.js';
import { checkSessionSettings, checkTimestampFormat, Settings } from '../config/settings.js';
import { imdsEndpointForLog } from '../credentials/ec2.js';
import type { DebugLog } from '../diagnostics/debug-log.js';
import { GeneralError, PythonDiedError } from '../errors/errors.js';
import { codecKind, moreCodecs } from '../util/codecs.js';
import type { Aliases } from './alias.js';
import type { ArgparseCommand } from './argparse-command.js';
import { configuredErrorFormat } from './error-format.js';
import { toGlobalArgs } from './globals.js';
import type { Io } from './io.js';
import type { RunState } from './run-state.js';
import { topLevelChecks } from './top-level-checks.js';

/**
 * The session stage, once the main parser has read the line. `logStart` logs the version and
 * argument lines, which the AWS CLI logs again when it sets its logging up once more.
 */
export async function sessionStage(io: Io, state: RunState, program: ArgparseCommand, aliases: Aliases, logStart: () => void): Promise<void> {
  state.values = program.values();
  const globals = toGlobalArgs(state.values);
  state.globals = globals;
  state.debug = globals.debug;
  state.errorFormat = configuredErrorFormat(state.settings, globals.errorFormat);
  // An alias can bring a --query of its own, checked as synchronously as the rest of the line.
  if (globals.query !== undefined || !aliases.empty) state.compile = (await import('../output/query.js')).compileQuery;
  const endpoint = await import('../transport/endpoint.js');
  state.endpoint = endpoint;
  state.query = topLevelChecks(state, state.values);
  // The AWS CLI sets its logging up again once the top-level-args-parsed handlers (the
  // --query, --endpoint-url and timeout checks above) have run, and logs these lines again.
  logStart();
  if (globals.profile) state.settings = new Settings(io.env, globals.profile);
  const { settings, log } = state;
  state.loggingSet = true;
  state.errorFormat = configuredErrorFormat(settings, globals.errorFormat);
  checkOutputEncoding(io.env);
  // Session start: the configuration files are read (a syntax error in either is fatal).
  parsedOrFail(() => settings.configFiles());
  // The session-initialized handlers, in the AWS CLI's order: the timestamp format (the
  // first), the binary format, the assume-role cache (which builds the credential chain: the
  // instance-metadata settings, the key log of its HTTP sessions), then the history.
  checkTimestampFormat(settings);
  // Python's set lookup of the binary format refuses a list.
  if (Array.isArray(state.values.get('cli-binary-format'))) throw new GeneralError("unhashable type: 'list'");
  const binaryFormat = settings.quietProfileValue('cli_binary_format');
  if (globals.binaryFormat === undefined && binaryFormat !== undefined && !['base64', 'raw-in-base64-out'].includes(binaryFormat)) {
    throw new GeneralError(`'${binaryFormat}'`);
  }
  // What the session-initialized handlers log: the assume-role plugin asks for the credential
  // resolver, whose creation notes a --profile (botocore.credentials) or fails on a profile
  // that does not exist (awscli.customizations.assumerole, which carries on).
  const chainBuilt = await checkSessionSettings(settings, endpoint.isValidEndpointUrl, {
    profileMissing: () => log.log('awscli.customizations.assumerole', 'ProfileNotFound caught when trying to inject assume-role cred provider cache.  Not configuring JSONFileCache for assume-role.'),
    httpSessions: async () => {
      // The key log's module is set up only where SSLKEYLOGFILE names a file (keyLogFile's rule).
      if (io.env.SSLKEYLOGFILE) {
        const { keyLogFile, openKeyLog } = await import('../transport/tls-keylog.js');
        await openKeyLog(keyLogFile(io.env) as string);
      }
      if (log.enabled) logImdsEndpoint(log, settings);
    },
  });
  if (chainBuilt && settings.profileFromFlag) log.log('botocore.credentials', 'Skipping environment variable credential check because profile name was explicitly set.');
  if (settings.quietProfileValue('cli_history') === 'enabled') (await import('./cli-history.js')).setUpCliHistory(io.env, log, io.stderr);
  // The region's regex check, when the client is made, refuses a list.
  if (Array.isArray(state.values.get('region'))) throw new GeneralError("expected string or bytes-like object, got 'list'");
}

/**
 * The credential chain's instance metadata fetcher choosing its endpoint as it is made
 * (utils.py), after the container provider's HTTP session and before the endpoint is checked.
 */
function logImdsEndpoint(log: DebugLog, settings: Settings): void {
  const imds = imdsEndpointForLog(settings);
  if (imds.warning) log.log('botocore.utils', 'Custom endpoint and IMDS_USE_IPV6 are both set. Using custom endpoint.', 'WARNING');
  log.log('botocore.utils', `IMDS ENDPOINT: ${imds.endpoint}`);
}

/** AWS_CLI_OUTPUT_ENCODING must name a codec the AWS CLI (Python) knows. */
function checkOutputEncoding(env: Io['env']): void {
  const enc = env.AWS_CLI_OUTPUT_ENCODING;
  if (enc === undefined) return;
  const kind = codecKind(enc);
  // ''.encode('undefined') raises UnicodeError, which the handler cannot write either.
  if (kind === 'undefined') throw new PythonDiedError(moreCodecs()?.undefinedCodecDeath() ?? 'undefined encoding\n');
  if (kind !== 'text') throw new GeneralError(`Unknown codec \`${enc}\` specified for AWS_CLI_OUTPUT_ENCODING.`);
}
