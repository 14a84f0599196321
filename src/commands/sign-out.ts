// `admin-user-global-sign-out`: the operation parser, parameter building (file://, cli-input,
// skeletons), client settings, validation, the call and its output, in the AWS CLI's order.
import { ArgparseError, parseKnownArgs } from '../cli/argparse.js';
import { SIGN_OUT_OPTIONS, parserSpec } from '../cli/vocabulary.js';
import { usageError, type CommandContext } from '../cli/context.js';
import { GeneralError, UnknownArgumentError } from '../errors/errors.js';
import { buildParameters } from '../input/parameters.js';
import { validateParameters } from '../input/validate.js';
import { MEMBERS } from '../service/model.js';
import { pyRepr } from '../python/builtins.js';
import { REDACTED } from '../diagnostics/redact.js';
import { loadNetwork } from '../net/load.js';
import { checkEndpointPort } from '../transport/endpoint.js';

const RELAXING = ['--cli-input-json', '--cli-input-yaml'];

export async function runSignOut(args: string[], ctx: CommandContext): Promise<number> {
  const { io, globals, settings } = ctx;

  // The AWS CLI relaxes required options on the exact tokens, before parsing.
  const skeletonAt = args.indexOf('--generate-cli-skeleton');
  const relaxed = args.some((a) => RELAXING.includes(a)) || (skeletonAt >= 0 && args[skeletonAt + 1] !== 'output');
  const spec = parserSpec(SIGN_OUT_OPTIONS, [{ dest: 'help', nargs: 'optional' }]);
  for (const o of spec.options) if (relaxed) o.required = false;

  let values;
  let extras: string[];
  if (args.length === 1 && args[0] === 'help') {
    const { showOperationHelp } = await import('../help/show.js');
    return showOperationHelp(ctx);
  }
  try {
    ({ values, extras } = parseKnownArgs(spec, args));
  } catch (e) {
    if (e instanceof ArgparseError) throw usageError(e);
    throw e;
  }
  const help = values.get('help');
  if (help === 'help') {
    const { showOperationHelp } = await import('../help/show.js');
    return showOperationHelp(ctx);
  }
  if (typeof help === 'string') extras.push(help);
  if (extras.length > 0) throw new UnknownArgumentError(`Unknown options: ${extras.join(', ')}`);

  const raw = new Map<string, string>();
  for (const o of spec.options) {
    const v = values.get(o.dest);
    if (typeof v === 'string' && o.flag !== '--generate-cli-skeleton') raw.set(o.flag, v);
  }
  const built = await buildParameters(raw, io.env, io.cwd);
  const params = withEmptyLists(built, values);
  // The service may quote a sensitive value back (an error message does): --debug hides it everywhere.
  for (const m of MEMBERS) {
    const value = params.get(m.name);
    if (m.sensitive && typeof value === 'string') ctx.log.secret(value);
  }
  for (const m of MEMBERS) {
    const text = raw.get(m.option);
    if (text === undefined) continue;
    const shown = (v: unknown): string => (m.sensitive ? REDACTED : pyRepr(v));
    ctx.log.log('awscli.arguments', `Unpacked value of ${shown(text)} for parameter "${m.option.slice(2).replace(/-/g, '_')}": ${shown(params.get(m.name))}`);
  }

  const skeleton = values.get('generate-cli-skeleton');
  if (skeleton === 'input' || skeleton === 'yaml-input') {
    const { renderInputSkeleton } = await import('../input/skeleton.js');
    io.stdout.write(renderInputSkeleton(skeleton));
    return 0;
  }

  // The client's settings are checked before parameter validation, as the AWS CLI creates its
  // client first; nothing of the SDK is loaded until the call is certain.
  const [{ resolveClientSettings }, { writeResult }] = await Promise.all([
    import('../transport/client-settings.js'), import('../output/result.js'),
  ]);
  // Creating the client looks credentials up (a failing credential_process or a bad assume-role
  // profile is reported before a missing region and parameter validation); they are fetched
  // when signing.
  const chain = await import('../credentials/chain.js');
  let found: Awaited<ReturnType<typeof chain.loadCredentials>>;
  const clientSettings = await resolveClientSettings({ globals, settings, env: io.env, version: io.version }, async (region) => {
    if (globals.noSignRequest) chain.checkTokenProvider(settings);
    else found = await chain.loadCredentials(settings, ctx.log, { region });
  });
  validateParameters(params, MEMBERS);
  // The formatter is looked up by the output name: Python cannot hash the empty list.
  const emptyOutput = (): never => { throw new GeneralError("unhashable type: 'list'"); };
  if (skeleton === 'output') return ctx.globals.emptyLists.has('output') ? emptyOutput() : writeResult({}, ctx);

  const credentials = globals.noSignRequest ? undefined : (await chain.fetchCredentials(found, settings, ctx.log)).credentials;
  // Signing reads the endpoint's port (Python's urlsplit does, and fails on a bad one).
  if (clientSettings.endpoint !== undefined) checkEndpointPort(clientSettings.endpoint, credentials !== undefined);
  const { createCognitoClient } = await loadNetwork();
  const client = createCognitoClient({
    ...clientSettings,
    credentials: credentials === undefined ? undefined : async () => credentials,
    log: ctx.log,
    env: io.env,
    warn: (text) => io.stderr.write(text),
    noteLastAttempt: true,
  });
  try {
    const result = await client.signOut(Object.fromEntries(params) as Record<string, string>);
    if (ctx.globals.emptyLists.has('output')) emptyOutput();
    return await writeResult(result, ctx);
  } finally {
    client.destroy();
  }
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
