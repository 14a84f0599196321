// `admin-user-global-sign-out`: the operation parser, parameter building (file://, cli-input,
// skeletons), client settings, validation, the call and its output, in the AWS CLI's order.
import { ArgparseError, parseKnownArgs } from '../cli/argparse.js';
import { SIGN_OUT_OPTIONS, parserSpec } from '../cli/vocabulary.js';
import { usageError, type CommandContext } from '../cli/driver.js';
import { UnknownArgumentError } from '../errors/errors.js';
import { buildParameters } from '../input/parameters.js';
import { validateParameters } from '../input/validate.js';
import { MEMBERS } from '../service/model.js';
import { pyRepr } from '../output/python.js';
import { REDACTED } from '../diagnostics/redact.js';
import { loadNetwork } from '../net/load.js';

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
  const params = await buildParameters(raw, io.env, io.cwd);
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

  // What follows is the network path's: loaded only now, so skeletons and errors stay light.
  const [{ resolveClientSettings, resolveCredentials, createCognitoClient }, { writeResult }] = await Promise.all([
    loadNetwork(), import('../output/result.js'),
  ]);
  const clientSettings = await resolveClientSettings(ctx);
  validateParameters(params, MEMBERS);
  if (skeleton === 'output') return writeResult({}, ctx);

  const credentials = globals.noSignRequest ? undefined : (await resolveCredentials(settings, ctx.log)).credentials;
  const client = createCognitoClient({
    ...clientSettings,
    credentials: credentials === undefined ? undefined : async () => credentials,
    log: ctx.log,
    env: io.env,
    warn: (text) => io.stderr.write(text),
  });
  try {
    const result = await client.signOut(Object.fromEntries(params) as Record<string, string>);
    return await writeResult(result, ctx);
  } finally {
    client.destroy();
  }
}

