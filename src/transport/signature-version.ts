// The profile's per-service signature_version, checked as botocore checks it when it signs.
import { GeneralError } from '../errors/errors.js';

/** botocore's signers (auth.AUTH_TYPE_MAPS) other than the SigV4 ones cogsignout signs with. */
const OTHER_SIGNERS = new Set(['v2', 'v3', 'v3https', 'v4a', 'v4-query', 's3v4-query', 's3v4-presign-post', 's3v4a', 's3v4a-query',
  'v4-s3express', 'v4-s3express-query', 'v4-s3express-presign-post', 'bearer']);

/**
 * The profile's per-service signature version (`cognito-idp =` then `  signature_version = …`),
 * which botocore looks up when it signs, after validating the parameters and before fetching
 * the credentials: `v4` and `s3v4` are SigV4; a name it does not know fails (255). The other
 * signers it has (SigV2, SigV3, SigV4a, presigned queries, bearer tokens) make no request the
 * service accepts (v2 dies on a Python TypeError): cogsignout says so.
 */
export function checkSignatureVersion(section: unknown): void {
  const version = typeof section === 'object' && section !== null ? (section as Record<string, unknown>).signature_version : undefined;
  if (typeof version !== 'string' || version === '' || version === 'v4' || version === 's3v4') return;
  if (!OTHER_SIGNERS.has(version)) throw new GeneralError(`Unknown Signature Version: ${version}.`);
  throw new GeneralError(`Unsupported Signature Version: ${version} (the profile's cognito-idp signature_version); cogsignout signs with v4`);
}
