// Stands in for node:fs/promises where the SDK's shared-ini-file loader imports it at start-up:
// cogsignout reads the config files itself and hands the client every setting, so the loader
// almost never runs, and loading fs/promises (with readline behind it) on every call is waste.
// When it does run (assume-role, SSO, credential_process read the config files and the SSO token
// cache again; the container provider reads AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE), its reads are bounded like cogsignout's own: the loader would otherwise read
// AWS_CONFIG_FILE=/dev/zero until memory runs out. A refused read is an error, which the loader
// treats as a missing file, as botocore treats a file that is not a regular one.
import { READ_LIMITS, readBounded } from '../../util/bounded-read.js';

type ReadFile = typeof import('node:fs/promises').readFile;

export const readFile: ReadFile = ((path: Parameters<ReadFile>[0], options?: Parameters<ReadFile>[1]) => new Promise((resolve, reject) => {
  try {
    const bytes = readBounded(String(path), READ_LIMITS.configFile);
    const encoding = typeof options === 'string' ? options : options?.encoding;
    // readFile's overloads resolve to a string or a Buffer by the options; this is either.
    resolve((encoding ? bytes.toString(encoding) : bytes) as string & Buffer);
  } catch (e) {
    reject(e);
  }
})) as ReadFile;

/** fromHttp imports the module's default. */
export default { readFile };
