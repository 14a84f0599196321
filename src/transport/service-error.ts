// botocore's reading of an awsJson1_1 error response (code, message and modeled fields), and its
// retry classification. Both decide the exact message and exit code the user sees.
import { STATUS_CODES } from 'node:http';

export interface RawResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface ParsedServiceError {
  readonly code: string;
  readonly message: string;
  /** Modeled members present in the body, in the error shape's member order. */
  readonly fields: ReadonlyArray<readonly [string, unknown]>;
}

/** Members of this operation's error shapes besides the code (from the service model). */
const MODELED_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  InvalidParameterException: ['message', 'reasonCode'],
};
const DEFAULT_MEMBERS = ['message'];
const OPERATION_ERRORS = new Set([
  'ResourceNotFoundException', 'InvalidParameterException', 'TooManyRequestsException', 'NotAuthorizedException',
  'UserNotFoundException', 'OperationNotEnabledException', 'InternalErrorException',
]);

const decoder = new TextDecoder('utf-8');

export function isErrorStatus(status: number): boolean {
  return status >= 301;
}

export function parseServiceError(res: RawResponse): ParsedServiceError {
  const text = decoder.decode(res.body);
  const stripped = text.trim();
  if (res.statusCode >= 500 && (stripped === '' || stripped.startsWith('<html>'))) {
    return { code: String(res.statusCode), message: STATUS_CODES[res.statusCode] ?? '', fields: [] };
  }
  let body: Record<string, unknown> = {};
  if (text !== '') {
    try {
      const parsed: unknown = JSON.parse(text);
      body = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Record<string, unknown> : {};
    } catch {
      body = { message: text };
    }
  }
  const message = body.message ?? body.Message ?? '';
  let code = typeof body.__type === 'string' ? body.__type : String(res.statusCode);
  if (code.includes(':')) code = code.slice(0, code.indexOf(':'));
  if (code.includes('#')) code = code.slice(code.lastIndexOf('#') + 1);
  const queryError = res.headers['x-amzn-query-error'];
  if (queryError !== undefined) {
    const [qcode] = queryError.split(';');
    if (qcode) code = qcode;
  }
  const fields: Array<readonly [string, unknown]> = [];
  if (OPERATION_ERRORS.has(code)) {
    for (const m of MODELED_MEMBERS[code] ?? DEFAULT_MEMBERS) if (m in body) fields.push([m, body[m]]);
  }
  return { code, message: typeof message === 'string' ? message : String(message), fields };
}

const THROTTLING_CODES = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottledException', 'TooManyRequestsException',
  'ProvisionedThroughputExceededException', 'TransactionInProgressException', 'RequestLimitExceeded',
  'BandwidthLimitExceeded', 'LimitExceededException', 'RequestThrottled', 'SlowDown', 'PriorRequestNotComplete',
  'EC2ThrottledException',
]);
const TRANSIENT_CODES = new Set(['RequestTimeout', 'RequestTimeoutException', 'PriorRequestNotComplete']);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);

export type RetryClass = 'throttling' | 'transient' | 'no';

/** botocore's standard-mode retry checkers, applied to an error response. */
export function classifyResponse(res: RawResponse, parsed: ParsedServiceError): RetryClass {
  if (THROTTLING_CODES.has(parsed.code)) return 'throttling';
  if (TRANSIENT_CODES.has(parsed.code) || TRANSIENT_STATUS.has(res.statusCode)) return 'transient';
  return 'no';
}
