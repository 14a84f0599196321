// botocore's reading of an awsJson1_1 error response (code, message and modeled fields), and its
// retry classification. Both decide the exact message and exit code the user sees.
import { STATUS_CODES } from 'node:http';
import { parseJson } from '../python/json-parse.js';
import { pyStr } from '../python/builtins.js';
import { PyDict, isDict, toJs, type PyValue } from '../python/value.js';
import { SIGN_OUT } from '../service/model.js';
import { OTHER_SERVICE_ERRORS } from '../service/other-errors.js';

export interface RawResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface ParsedServiceError {
  readonly code: string;
  /** str() of the message, as botocore's ClientError prints it (`None`, `{'a': 1}`, …). */
  readonly message: string;
  /**
   * The message as sent, for the error formats that print values (json, yaml): plain
   * JavaScript, because the renderers live in another bundle with their own value classes.
   */
  readonly messageValue?: unknown;
  /**
   * Modeled members present in the body (null ones left out), in the error shape's member order;
   * for a generic 5xx answer (no JSON body) botocore's whole error dict, `Code` first.
   */
  readonly fields: ReadonlyArray<readonly [string, unknown]>;
}

/**
 * An error response botocore cannot read: it fails with a Python exception of its own
 * (`unhashable type: 'dict'`, `'list' object has no attribute 'get'`, a UnicodeDecodeError).
 * `reason` completes cogsignout's clearer message.
 */
export class UnreadableErrorResponse {
  constructor(readonly reason: string) {}
}

/** The members of each error shape the service declares (the operation's and the others), by error code: botocore looks a code up among them all. */
const MODELED_MEMBERS: ReadonlyMap<string, readonly string[]> = new Map([...OTHER_SERVICE_ERRORS, ...SIGN_OUT.errors].map((e) => [e.code, e.members]));

// bytes.decode('utf-8') keeps a byte order mark, which json.loads then refuses: such a body is
// botocore's message as it came, the mark included.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function isErrorStatus(status: number): boolean {
  return status >= 301;
}

/** bytes.strip(): ASCII whitespace only. */
const stripBytes = (s: string): string => s.replace(/^[ \t\n\r\v\f]+|[ \t\n\r\v\f]+$/g, '');

/**
 * What botocore's parsing of an error answer logs after its headers and body: a generic answer
 * (an empty or HTML 5xx body) says it has no code; one whose code names an error shape of the
 * service is parsed a second time for its modeled fields (endpoint.py _add_modeled_error_fields),
 * which logs the headers and body again.
 */
export function errorParseNote(res: RawResponse): 'generic' | 'parsed-twice' | undefined {
  if (!isErrorStatus(res.statusCode)) return undefined;
  const parsed = parseServiceError(res);
  if (parsed instanceof UnreadableErrorResponse) return undefined;
  if (isGenericErrorResponse(res)) return 'generic';
  return MODELED_MEMBERS.has(parsed.code) ? 'parsed-twice' : undefined;
}

/** botocore's _is_generic_error_response: a 5xx answer whose stripped body is empty or starts with `<html>`. */
function isGenericErrorResponse(res: RawResponse): boolean {
  if (res.statusCode < 500) return false;
  const stripped = stripBytes(Buffer.from(res.body).toString('latin1'));
  return stripped === '' || stripped.startsWith('<html>');
}

export function parseServiceError(res: RawResponse): ParsedServiceError | UnreadableErrorResponse {
  if (isGenericErrorResponse(res)) {
    // botocore's generic error dict is built Code first (a parsed body's is Message first).
    const code = String(res.statusCode);
    const reason = STATUS_CODES[res.statusCode] ?? '';
    return { code, message: reason, messageValue: reason, fields: [['Code', code], ['Message', reason]] };
  }
  let text: string;
  try {
    text = decoder.decode(res.body);
  } catch {
    return new UnreadableErrorResponse('the body is not valid UTF-8');
  }
  let body = new PyDict();
  if (text !== '') {
    let parsed: PyValue;
    try {
      parsed = parseJson(text);
    } catch {
      parsed = new PyDict([['message', text]]);
    }
    if (!isDict(parsed)) return new UnreadableErrorResponse('the body is not a JSON object');
    body = parsed;
  }
  const messageValue: PyValue = body.has('message') ? body.get('message') as PyValue : body.has('Message') ? body.get('Message') as PyValue : '';
  let code: string | null;
  const queryError = (res.headers['x-amzn-query-error'] ?? '').split(';');
  if (queryError.length === 2 && queryError[0] !== '') {
    code = queryError[0] as string;
  } else {
    const type = body.has('__type') ? body.get('__type') as PyValue : String(res.statusCode);
    if (type !== null && typeof type !== 'string') return new UnreadableErrorResponse('"__type" is not a string');
    code = type;
  }
  if (code === null) code = '';
  if (code.includes(':')) code = code.slice(0, code.indexOf(':'));
  if (code.includes('#')) code = code.slice(code.lastIndexOf('#') + 1);
  const fields: Array<readonly [string, unknown]> = [];
  const modeled = MODELED_MEMBERS.get(code);
  if (modeled !== undefined) {
    for (const m of modeled) {
      const v = body.get(m);
      if (v !== undefined && v !== null) fields.push([m, toJs(v)]);
    }
  }
  return { code, message: pyStr(messageValue), messageValue: toJs(messageValue), fields };
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
export function classifyResponse(res: RawResponse, parsed: ParsedServiceError | UnreadableErrorResponse): RetryClass {
  if (parsed instanceof UnreadableErrorResponse) return 'no'; // botocore fails outright, before any retry
  if (THROTTLING_CODES.has(parsed.code)) return 'throttling';
  if (TRANSIENT_CODES.has(parsed.code) || TRANSIENT_STATUS.has(res.statusCode)) return 'transient';
  return 'no';
}
