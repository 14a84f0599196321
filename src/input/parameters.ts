// The operation's input, built as the AWS CLI builds it: every option value goes through the
// file:// loader (in the argument table's order), then --cli-input-json or --cli-input-yaml is
// read (its file a second time, as the AWS CLI does) and merged under the command-line values:
// the command line wins, and document keys follow in document order.
import { ParamValidationError } from '../errors/errors.js';
import type { Env } from '../config/files.js';
import { loadParamValue } from './paramfile.js';
import { MEMBERS, type MemberModel } from '../service/model.js';
import { parseCliInputDocument } from './cli-input.js';
import { READ_LIMITS } from '../util/bounded-read.js';
import { mayNeedCharmaps, useCharmaps } from '../util/codecs.js';

/** `raw`: option name → the text given on the command line, in argument-table order; `members`: the operation's input. */
export async function buildParameters(
  raw: ReadonlyMap<string, string>, env: Env, cwd: string, members: readonly MemberModel[] = MEMBERS,
  /** Told of each option's value as it is loaded (--debug logs those unpacked before a failure). */
  onLoaded?: (option: string, value: unknown) => void,
): Promise<Map<string, unknown>> {
  const encoding = env.AWS_CLI_FILE_ENCODING;
  // A rarer code page's table is a bundle of its own, read only by a run that names one.
  if (encoding !== undefined && mayNeedCharmaps(encoding)) useCharmaps(await import('../util/charmaps.js'));
  const loaded = new Map<string, unknown>();
  for (const [option, text] of raw) {
    const limit = option.startsWith('--cli-input-') ? READ_LIMITS.cliInput : READ_LIMITS.paramFile;
    loaded.set(option, loadParamValue(option, text, env, cwd, limit));
    onLoaded?.(option, loaded.get(option));
  }

  const params = new Map<string, unknown>();
  for (const m of members) if (loaded.has(m.option)) params.set(m.name, loaded.get(m.option));

  const json = raw.get('--cli-input-json');
  const yaml = raw.get('--cli-input-yaml');
  if (json === undefined && yaml === undefined) return params;
  if (json !== undefined && yaml !== undefined) throw new ParamValidationError('Only one --cli-input- parameter may be specified.');
  const kind = json !== undefined ? 'json' : 'yaml';
  const option = `--cli-input-${kind}`;
  const document = loadParamValue(option, (json ?? yaml) as string, env, cwd, READ_LIMITS.cliInput);
  for (const [k, v] of await parseCliInputDocument(kind, document)) if (!params.has(k)) params.set(k, v);
  return params;
}
