// The conformance stub's special users (stub-server.mjs in the conformance suite) as the local
// endpoint's answer faults: a replay gives each recorded user the answer the stub gave it.
import type { FaultAnswer } from '../../local-cognito/faults.js';

const JSON_CT = 'application/x-amz-json-1.1';

function stubError(status: number, type: string, message: string | undefined, extra: { body?: Record<string, unknown>; bodyType?: string; headerType?: string } = {}): FaultAnswer {
  return {
    status,
    body: JSON.stringify({ __type: extra.bodyType ?? type, ...(message === undefined ? {} : { message }), ...extra.body }),
    headers: { 'Content-Type': JSON_CT, 'x-amzn-ErrorType': extra.headerType ?? type, 'x-amzn-ErrorMessage': message ?? '' },
  };
}

/** The stub's answer to an unsigned request from any user but anonymous-ok. */
export const MISSING_AUTH_ANSWER = stubError(400, 'MissingAuthenticationTokenException', 'Missing Authentication Token');

/**
 * The stub's answer to `user` (`pool` is the pool asked for, which no-such-pool's message names),
 * with how many times it is given before the user is answered 200 {} (flaky-500: twice);
 * undefined for the users it answers 200 {} and for slow-user, which it answers late.
 */
export function stubAnswer(user: string, pool: string): { answer: FaultAnswer; times?: number } | undefined {
  switch (user) {
    case 'no-such-user': return { answer: stubError(400, 'UserNotFoundException', 'User does not exist.') };
    case 'not-authorized': return { answer: stubError(400, 'NotAuthorizedException', 'User is disabled.') };
    case 'no-such-pool': return { answer: stubError(400, 'ResourceNotFoundException', `User pool ${pool} does not exist.`) };
    case 'throttled': return { answer: stubError(400, 'TooManyRequestsException', 'Rate exceeded') };
    case 'bad-param': return { answer: stubError(400, 'InvalidParameterException',
      "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+") };
    case 'internal-error': return { answer: stubError(500, 'InternalErrorException', 'Internal server error.') };
    case 'flaky-500': return { answer: stubError(500, 'InternalErrorException', 'Internal server error.'), times: 2 };
    case 'not-enabled': return { answer: stubError(400, 'OperationNotEnabledException', 'This operation is not enabled for the user pool.') };
    case 'prefixed-type': return { answer: stubError(400, 'UserNotFoundException', 'User does not exist.', {
      bodyType: 'com.amazonaws.cognito.identity.idp.model#UserNotFoundException',
      headerType: 'UserNotFoundException:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/',
    }) };
    case 'no-message': return { answer: stubError(400, 'UserNotFoundException', undefined) };
    case 'capital-message': return { answer: stubError(400, 'UserNotFoundException', undefined, { body: { Message: 'User does not exist.' } }) };
    case 'html-502': return { answer: { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>\n', headers: { 'Content-Type': 'text/html' } } };
    case 'extra-output': return { answer: { status: 200, body: JSON.stringify({ Unexpected: 'value', Nested: { a: [1, 2] } }), headers: { 'Content-Type': JSON_CT } } };
    case 'empty-200': return { answer: { status: 200, body: '', headers: { 'Content-Type': JSON_CT } } };
    case 'anonymous-ok': return { answer: { status: 200, body: '{}', headers: { 'Content-Type': JSON_CT } } };
    default: return undefined;
  }
}

/** What a replay compares of a request the endpoint received, and of one the stub recorded. */
interface ComparedRequest {
  readonly body: unknown;
  readonly accessKeyId: string | null;
  readonly region: string | null;
}

/**
 * A stub-answered recording's requests against what the endpoint received (`norm` puts the
 * recording's pool and port back): the bodies, and who signed each, except for the first
 * `faulted` requests, which an answer fault answers before the endpoint checks the signature.
 */
export function comparedRequests(
  sent: ReadonlyArray<{ readonly body?: unknown; readonly accessKeyId?: string; readonly signed?: boolean; readonly region?: string }>,
  recorded: ReadonlyArray<{ readonly body: unknown; readonly accessKeyId: string | null; readonly region?: string | null }>,
  faulted: number,
  norm: (text: string) => string,
): { readonly sent: ComparedRequest[]; readonly recorded: ComparedRequest[] } {
  const hidden = (i: number): boolean => i < faulted;
  return {
    sent: sent.map((q, i) => ({
      body: JSON.parse(norm(JSON.stringify(q.body))) as unknown,
      accessKeyId: hidden(i) ? null : q.accessKeyId ?? null,
      region: hidden(i) ? null : q.signed ? q.region ?? null : null,
    })),
    recorded: recorded.map((q, i) => ({ body: q.body, accessKeyId: hidden(i) ? null : q.accessKeyId, region: hidden(i) ? null : q.region ?? null })),
  };
}
