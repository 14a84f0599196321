// Error responses as the recording stub sent them, read the way botocore reads them.
import { describe, expect, it } from 'vitest';
import { UnreadableErrorResponse, classifyResponse, parseServiceError, type ParsedServiceError, type RawResponse } from '../../src/transport/service-error.js';

/** parseServiceError for answers botocore can read. */
function parse(r: RawResponse): ParsedServiceError {
  const p = parseServiceError(r);
  if (p instanceof UnreadableErrorResponse) throw new Error(`unreadable: ${p.reason}`);
  return p;
}

const res = (statusCode: number, body: string, headers: Record<string, string> = {}) =>
  ({ statusCode, headers, body: new TextEncoder().encode(body) });

describe('botocore error parsing', () => {
  it('code and message from __type and message', () => {
    expect(parse(res(400, '{"__type":"UserNotFoundException","message":"User does not exist."}')))
      .toEqual({ code: 'UserNotFoundException', message: 'User does not exist.', messageValue: 'User does not exist.', fields: [['message', 'User does not exist.']] });
  });

  it('namespaced types lose the namespace and the :suffix', () => {
    expect(parse(res(400, '{"__type":"com.amazonaws.cognito.identity.idp.model#UserNotFoundException","message":"m"}')).code).toBe('UserNotFoundException');
    expect(parse(res(400, '{"__type":"com.amazon#NotAuthorizedException:http://internal","message":"m"}')).code).toBe('NotAuthorizedException');
  });

  it('Message with a capital M, no message at all', () => {
    expect(parse(res(400, '{"__type":"UserNotFoundException","Message":"User does not exist."}')).message).toBe('User does not exist.');
    expect(parse(res(400, '{"__type":"UserNotFoundException"}')).message).toBe('');
  });

  it('HTML or empty 5xx bodies: the status and its reason phrase', () => {
    expect(parse(res(502, '<html><body><h1>502 Bad Gateway</h1></body></html>\n'))).toMatchObject({ code: '502', message: 'Bad Gateway' });
    expect(parse(res(503, ''))).toMatchObject({ code: '503', message: 'Service Unavailable' });
  });

  it('a body that is not JSON becomes the message', () => {
    expect(parse(res(400, 'nope'))).toMatchObject({ code: '400', message: 'nope' });
  });

  it('modeled fields only (reasonCode on InvalidParameterException)', () => {
    const p = parse(res(400, '{"__type":"InvalidParameterException","message":"Bad param","reasonCode":"INVALID_X","extraField":"secret"}'));
    expect(p.fields).toEqual([['message', 'Bad param'], ['reasonCode', 'INVALID_X']]);
  });

  it('a code the service models but the operation does not list still has its modeled message; an unmodeled code has none', () => {
    // botocore looks the code up among all the service's error shapes (AWS CLI 2.36.7: the json
    // error format shows `"message"` after `"Code"` for an AccessDeniedException).
    expect(parse(res(400, '{"__type":"AccessDeniedException","message":"denied","Reason":"x"}')).fields).toEqual([['message', 'denied']]);
    expect(parse(res(400, '{"__type":"com.amazon#LimitExceededException","message":"too many"}')).fields).toEqual([['message', 'too many']]);
    expect(parse(res(400, '{"__type":"UnrecognizedClientException","message":"bad key"}')).fields).toEqual([]);
  });

  it('a message that is not a string: its Python str() (what the AWS CLI prints), and the value', () => {
    const p = parse(res(400, '{"__type":"UserNotFoundException","message":{"a":[1,true,null,1.50]}}'));
    expect(p.message).toBe("{'a': [1, True, None, 1.5]}");
    expect(p.messageValue).toEqual({ a: [1, true, null, 1.5] });
    expect(parse(res(400, '{"__type":"UserNotFoundException","message":null,"Message":"m"}'))).toMatchObject({ message: 'None', messageValue: null, fields: [] });
    expect(parse(res(400, '{"__type":"UserNotFoundException","Message":42}')).message).toBe('42');
  });

  it('__type null is an empty code; x-amzn-query-error counts only with exactly two parts', () => {
    expect(parse(res(400, '{"__type":null,"message":"hi"}')).code).toBe('');
    expect(parse(res(400, '{"__type":"UserNotFoundException"}', { 'x-amzn-query-error': 'A;B;C' })).code).toBe('UserNotFoundException');
    expect(parse(res(400, '{"__type":"UserNotFoundException"}', { 'x-amzn-query-error': 'Throttling;Sender' })).code).toBe('Throttling');
  });

  it('answers botocore fails on with a Python exception are unreadable, and never retried', () => {
    for (const [body, reason] of [
      ['{"__type":{"x":1},"message":"hi"}', '"__type" is not a string'],
      ['{"__type":5}', '"__type" is not a string'],
      ['[1,2]', 'the body is not a JSON object'],
      ['"str"', 'the body is not a JSON object'],
    ] as const) {
      const r = res(400, body);
      expect(parseServiceError(r)).toEqual(new UnreadableErrorResponse(reason));
      expect(classifyResponse(r, parseServiceError(r))).toBe('no');
    }
    const bad = { statusCode: 400, headers: {}, body: new Uint8Array([0x61, 0xff, 0x62]) };
    expect(parseServiceError(bad)).toEqual(new UnreadableErrorResponse('the body is not valid UTF-8'));
  });

  it('retry classes of botocore standard mode', () => {
    const throttled = res(400, '{"__type":"TooManyRequestsException","message":"Rate exceeded"}');
    expect(classifyResponse(throttled, parseServiceError(throttled))).toBe('throttling');
    const internal = res(500, '{"__type":"InternalErrorException","message":"x"}');
    expect(classifyResponse(internal, parseServiceError(internal))).toBe('transient');
    const missing = res(400, '{"__type":"UserNotFoundException","message":"x"}');
    expect(classifyResponse(missing, parseServiceError(missing))).toBe('no');
  });
});
