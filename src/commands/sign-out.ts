// `admin-user-global-sign-out`: parameter building (file://, cli-input, skeletons), client
// settings, validation, the call and its output, in the AWS CLI's order. Its options arrive
// parsed by its node of the command tree (program.ts), which also relaxes the required ones.
import type { ParsedCommand } from '../cli/argparse-command.js';
import type { CommandContext } from '../cli/context.js';
import { GeneralError, UnknownArgumentError } from '../errors/errors.js';
import { buildParameters } from '../input/parameters.js';
import { parameterValidation, serializableInput, validateParameters } from '../input/validate.js';
import { MEMBERS, OPERATION_NAME, SIGN_OUT } from '../service/model.js';
import { unpackedForLog } from '../diagnostics/redact.js';
import { factoryOf } from '../cli/factory.js';
import { checkEndpointPort } from '../transport/endpoint.js';
import { checkSignatureVersion } from '../transport/signature-version.js';
import { writeAsPython } from '../output/stdout-buffer.js';
import type { NetworkModule } from '../net/load.js';
import { stdoutStartBytes } from '../output/stream.js';

/** The providers whose credentials botocore fetches only when it signs (DeferredRefreshableCredentials). */
const DEFERRED_METHODS = new Set(['assume-role', 'assume-role-with-web-identity', 'sso', 'login']);

export async function runSignOut(parsed: ParsedCommand, ctx: CommandContext): Promise<number> {
  const { io, globals, settings } = ctx;
  if (parsed.help) {
    const { showOperationHelp } = await import('../help/show.js');
    return showOperationHelp(ctx);
  }
  if (parsed.extras.length > 0) throw new UnknownArgumentError(`Unknown options: ${parsed.extras.join(', ')}`);
  const { values } = parsed;
  const params = await unpackParameters(values, ctx);

  const skeleton = values.get('generate-cli-skeleton');
  if (skeleton === 'input' || skeleton === 'yaml-input') {
    const { renderInputSkeleton } = await import('../input/skeleton.js');
    const text = renderInputSkeleton(skeleton);
    // The AWS CLI writes it to sys.stdout as Python set it up: AWS_CLI_OUTPUT_ENCODING only
    // reconfigures the stream once a formatter (or the error handler) asks for it.
    // json.dump has no flush; ruamel's round-trip dump flushes the stream, and its failure is
    // the error handler's. Bytes the OS refused are met again by the flush at exit.
    await writeAsPython(ctx.stdoutBuffer, io.stdout, stdoutStartBytes(io.env, text, io.stdout.atFileStart === true), text, { flush: skeleton === 'yaml-input' ? 'raises' : 'none' });
    return 0;
  }

  // The client's settings are checked before parameter validation, as the AWS CLI creates its
  // client first; nothing of the SDK is loaded until the call is certain.
  const [{ resolveClientSettings, credentialCallTimeoutMs }, { writeResult }] = await Promise.all([
    import('../transport/client-settings.js'), import('../output/result.js'),
  ]);
  // Creating the client looks credentials up (a failing credential_process or a bad assume-role
  // profile is reported before a missing region and parameter validation); they are fetched
  // when signing.
  const chain = await import('../credentials/chain.js');
  let found: Awaited<ReturnType<typeof chain.loadCredentials>>;
  const clientSettings = await resolveClientSettings({ globals, settings, env: io.env, version: io.version, log: ctx.log }, async (region) => {
    if (globals.noSignRequest) chain.checkTokenProvider(settings);
    else {
      found = await chain.loadCredentials(settings, ctx.log, {
        region, sleep: factoryOf(io).sleep, timer: factoryOf(io).timer,
        connectTimeoutMs: credentialCallTimeoutMs(globals.connectTimeout), readTimeoutMs: credentialCallTimeoutMs(globals.readTimeout),
      });
    }
  });
  // botocore's monitor starts timing the call before the parameters are validated.
  const callStarted = Date.now();
  let credentials: Awaited<ReturnType<typeof chain.fetchCredentials>>['credentials'] | undefined;
  const makeClient = async (): Promise<Awaited<ReturnType<NetworkModule['createCognitoClient']>>> => (await factoryOf(io).network()).createCognitoClient({
    ...clientSettings,
    credentials: globals.noSignRequest ? undefined : async () => credentials as NonNullable<typeof credentials>,
    log: ctx.log,
    env: io.env,
    warn: (text) => io.stderr.write(text),
    random: factoryOf(io).random,
    sleep: factoryOf(io).sleep,
    timer: factoryOf(io).timer,
    noteLastAttempt: true,
    logsMakingRequest: false,
  });
  // botocore makes the client, and logs its timeouts and endpoint, before it validates the
  // parameters or looks for the signer's credentials: so does a run that logs. Otherwise the
  // SDK is loaded only once the call is certain.
  let client = ctx.log.enabled ? await makeClient() : undefined;
  const validated = parameterValidation(settings.profile().get('parameter_validation'));
  if (validated) validateParameters(params, MEMBERS);
  const input = validated ? params : serializableInput(params, MEMBERS);
  // The formatter is looked up by the output name: Python cannot hash the empty list.
  const emptyOutput = (): never => { throw new GeneralError("unhashable type: 'list'"); };
  if (skeleton === 'output') {
    if (ctx.globals.emptyLists.has('output')) emptyOutput();
    const { outputSkeleton } = await import('../input/skeleton.js');
    return writeResult(outputSkeleton(SIGN_OUT.output), ctx);
  }

  // Deferred credentials (assume-role, web identity, SSO, login) are fetched as botocore signs:
  // one that cannot be fetched logs its refresh warning first.
  const fetchForSigning = async (): Promise<typeof credentials> => {
    try {
      return (await chain.fetchCredentials(found, settings, ctx.log)).credentials;
    } catch (e) {
      if (found !== undefined && DEFERRED_METHODS.has(found.method)) {
        const stack = e instanceof Error ? `\n${e.stack ?? ''}` : '';
        ctx.log.log('botocore.credentials', `Refreshing temporary credentials failed during mandatory refresh period.${stack}`, 'WARNING');
      }
      throw e;
    }
  };
  try {
    if (!globals.noSignRequest) checkSignatureVersion(settings.profile().get('cognito-idp'));
    // botocore makes the request, then signs it: missing credentials, and deferred ones that
    // cannot be fetched (assume-role, web identity, SSO, login), fail after this line.
    if (ctx.log.enabled) ctx.log.log('botocore.endpoint', (await factoryOf(io).network()).makingRequestMessage(Object.fromEntries(input)));
    credentials = globals.noSignRequest ? undefined : await fetchForSigning();
    // Signing reads the endpoint's port (Python's urlsplit does, and fails on a bad one).
    if (clientSettings.endpoint !== undefined) checkEndpointPort(clientSettings.endpoint, credentials !== undefined);
  } catch (e) {
    // These fail botocore's first signing: client-side monitoring reports a call of no attempt.
    // (urllib3's refusal of the URL, also checked here, is an attempt there, an HTTPClientError:
    // not reported.)
    if (clientSettings.csm !== undefined && !(e instanceof GeneralError && e.botocoreError === 'HTTPClientError')) {
      const { CsmMonitor } = await factoryOf(io).network();
      await new CsmMonitor(clientSettings.csm, { maxAttempts: clientSettings.maxAttempts, url: () => '', log: ctx.log }).callNotSent(OPERATION_NAME, callStarted);
    }
    throw e;
  }
  client ??= await makeClient();
  // The client is not destroyed: its keep-alive socket, idle and unreferenced once the answer is
  // read, never holds the process open, which exits as soon as the output is written (main.ts).
  // Destroying it would cost a call ~1 ms: Node's Socket._destroy compares the socket with
  // process.stderr, and so makes that stream (a pipe's, where a script reads stderr).
  const result = await client.signOut(Object.fromEntries(input));
  if (ctx.globals.emptyLists.has('output')) emptyOutput();
  return writeResult(result, ctx);
}

/**
 * The operation's parameters from its options (file:// and friends, --cli-input-json/yaml), as
 * the AWS CLI unpacks them: each argument's value is logged (--debug) as it is unpacked, so a
 * failure leaves the lines of those before it; sensitive values are hidden from then on.
 */
async function unpackParameters(values: ReadonlyMap<string, unknown>, ctx: CommandContext): Promise<Map<string, unknown>> {
  const raw = new Map<string, string>();
  for (const [dest, v] of values) {
    if (typeof v === 'string' && dest !== 'generate-cli-skeleton') raw.set(`--${dest}`, v);
  }
  const logUnpacked = (unpacked: ReturnType<typeof unpackedForLog>): void => {
    for (const value of unpacked.secrets) ctx.log.secret(value);
    for (const line of unpacked.lines) ctx.log.log('awscli.arguments', line);
  };
  const loadedSoFar = new Map<string, unknown>();
  let built: Map<string, unknown>;
  try {
    built = await buildParameters(raw, ctx.io.env, ctx.io.cwd, MEMBERS, ctx.log.enabled ? (option, value) => loadedSoFar.set(option, value) : undefined);
  } catch (e) {
    const before = MEMBERS.filter((m) => loadedSoFar.has(m.option));
    logUnpacked(unpackedForLog(before, raw, new Map(before.map((m) => [m.name, loadedSoFar.get(m.option)]))));
    throw e;
  }
  const params = withEmptyLists(built, values);
  // The service may quote a sensitive value back (an error message does): --debug hides it everywhere.
  logUnpacked(unpackedForLog(MEMBERS, raw, params));
  return params;
}

/**
 * `--opt=--` gives argparse's empty list: botocore then reports the member's type, and the
 * cli-input readers fail on it as Python does. The command line's value wins over a document's.
 */
function withEmptyLists(params: Map<string, unknown>, values: ReadonlyMap<string, unknown>): Map<string, unknown> {
  const isList = (dest: string): boolean => Array.isArray(values.get(dest));
  if (isList('cli-input-json')) throw new GeneralError('the JSON object must be str, bytes or bytearray, not list');
  if (isList('cli-input-yaml')) throw new GeneralError('stream argument needs to have a read() method');
  if (!MEMBERS.some((m) => isList(m.option.slice(2)))) return params;
  const out = new Map<string, unknown>();
  for (const m of MEMBERS) {
    if (isList(m.option.slice(2))) out.set(m.name, []);
    else if (params.has(m.name)) out.set(m.name, params.get(m.name));
  }
  for (const [k, v] of params) if (!out.has(k)) out.set(k, v);
  return out;
}
