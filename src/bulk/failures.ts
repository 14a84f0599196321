// What a failed call means for a bulk run. The client makes one attempt per call here (see
// client.ts's use in the command), so every retry decision is taken in one place: throttling goes
// back through the rate limiter without limit, transient failures are retried with botocore's
// backoff up to max_attempts, errors about one user are recorded and the run goes on, and errors
// that every other user would hit too stop the run.
import { GeneralError, ServiceError } from '../errors/errors.js';
import { classifyResponse } from '../transport/service-error.js';

export type FailureKind = 'throttled' | 'transient' | 'user' | 'fatal';

/**
 * Service errors that say nothing about the user: a wrong pool, a disabled operation, or
 * credentials or a signature the service rejects. Going on would only fail every other user.
 */
const RUN_LEVEL_CODES: ReadonlySet<string> = new Set([
  'ResourceNotFoundException', 'OperationNotEnabledException', 'AccessDeniedException',
  'UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidSignatureException', 'SignatureDoesNotMatch',
  'IncompleteSignature', 'MissingAuthenticationToken', 'ExpiredTokenException', 'ExpiredToken', 'RequestExpired',
  'UnknownOperationException', 'SerializationException',
]);

const NO_BODY = { statusCode: 400, headers: {}, body: new Uint8Array() };

/** botocore's throttling codes, asked of the classifier the client's retries use. */
export function isThrottlingCode(code: string): boolean {
  return classifyResponse(NO_BODY, { code, message: '', fields: [] }) === 'throttling';
}

/**
 * The service's own validation of the pool ID (`Value '…' at 'userPoolId' failed to satisfy
 * constraint`: a malformed ID, which botocore lets through, or an empty one with the profile's
 * parameter_validation off) is about the pool, not the user: every other user would fail alike.
 */
const POOL_ID_REFUSED = /\bat 'userPoolId' failed to satisfy constraint/;

export function classifyFailure(e: unknown): FailureKind {
  if (e instanceof ServiceError) {
    if (isThrottlingCode(e.code)) return 'throttled';
    if (RUN_LEVEL_CODES.has(e.code)) return 'fatal';
    if (e.code === 'InvalidParameterException' && POOL_ID_REFUSED.test(e.serviceMessage)) return 'fatal';
    // The client sets maxRetriesReached exactly when botocore would have retried the error.
    return e.maxRetriesReached === undefined ? 'user' : 'transient';
  }
  // The client reports every connection failure (refused, reset, timed out) as a GeneralError.
  if (e instanceof GeneralError) return 'transient';
  return 'fatal';
}

/** The error to report once retries are exhausted, with the attempt count the AWS CLI shows. */
export function withAttempts(e: unknown, attempts: number): unknown {
  if (!(e instanceof ServiceError)) return e;
  return new ServiceError(e.code, e.serviceMessage, e.operation, e.fields, e.maxRetriesReached === undefined ? undefined : attempts - 1);
}

/** botocore's standard backoff before retry number `retry` (1-based): random × 2^(retry-1) s, at most 20 s. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  return Math.min(20_000, random() * 1000 * 2 ** (retry - 1));
}
