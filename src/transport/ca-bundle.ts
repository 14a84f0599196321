// A CA bundle setting as botocore takes it, for the Cognito client and the credential providers'
// own calls alike: a blank value is refused when a client is made, and the file is read (with a
// ceiling) only for an https connection, failing in the words of Python's ssl.
import { GeneralError } from '../errors/errors.js';
import { expandPath, type Env } from '../config/files.js';
import { InputTooLargeError, READ_LIMITS, readBounded, sizeText } from '../util/bounded-read.js';
import { pythonErrno } from '../util/os-errors.js';

/** botocore's InvalidConfigError for a blank bundle path, raised whatever the scheme. */
export function checkCaBundleSetting(path: string | undefined): void {
  if (path !== undefined && path.trim() === '') {
    throw new GeneralError('Invalid CA bundle: the configured value (ca_bundle, AWS_CA_BUNDLE, REQUESTS_CA_BUNDLE, or verify) resolved to an empty or whitespace-only string. Provide a valid path to a CA bundle file.');
  }
}

const NO_CERTIFICATE = '[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found (_ssl.c:4123)';

/**
 * The bundle's certificates; a bundle that cannot be used becomes `fail(reason)`, where reason
 * is what Python's ssl says of the file (the caller words the SSLError around it).
 */
/**
 * The bundle `read()` gives, or the failure it throws (a GeneralError): urllib3 loads a bundle
 * when it wraps a socket already connected, so the caller keeps the failure for each exchange to
 * raise once its TCP connection is made (http-send.ts), after a refused or unreachable endpoint.
 */
export function caBundleOrFailure(read: () => Buffer | undefined): { ca: Buffer | undefined; caFailure: Error | undefined } {
  try {
    return { ca: read(), caFailure: undefined };
  } catch (e) {
    if (!(e instanceof GeneralError)) throw e;
    return { ca: undefined, caFailure: e };
  }
}

export function readCaBundle(path: string, env: Env, fail: (reason: string) => Error): Buffer {
  let pem: Buffer;
  try {
    pem = readBounded(expandPath(path, env), READ_LIMITS.caBundle);
  } catch (e) {
    if (e instanceof InputTooLargeError) {
      // OpenSSL finds no certificate in /dev/zero and the AWS CLI says so; a regular file past
      // the ceiling (the AWS CLI would load it whole) gets a message of cogsignout's own.
      if (!e.regularFile) throw fail(NO_CERTIFICATE);
      throw fail(`the CA bundle ${e.path} is larger than ${sizeText(e.limit)}, the most cogsignout reads from a CA bundle`);
    }
    const code = (e as { code?: unknown } | null)?.code;
    throw fail(pythonErrno(typeof code === 'string' ? code : undefined) ?? pythonErrno('ENOENT') as string);
  }
  // Python's ssl loads PEM certificates (or CRLs) only, and refuses a file without any.
  if (!/-----BEGIN (?:TRUSTED )?(?:CERTIFICATE|X509 CRL)-----/.test(pem.toString('latin1'))) throw fail(NO_CERTIFICATE);
  return pem;
}
