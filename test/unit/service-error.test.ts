// Error responses as the recording stub sent them, read the way botocore reads them.
import { describe, expect, it } from 'vitest';
import { classifyResponse, parseServiceError } from '../../src/transport/service-error.js';

const res = (statusCode: number, body: string, headers: Record<string, string> = {}) =>
  ({ statusCode, headers, body: new TextEncoder().encode(body) });

describe('botocore error parsing', () => {
  it('code and message from __type and message', () => {
    expect(parseServiceError(res(400, '{"__type":"UserNotFoundException","message":"User does not exist."}')))
      .toEqual({ code: 'UserNotFoundException', message: 'User does not exist.', fields: [['message', 'User does not exist.']] });
  });

  it('namespaced types lose the namespace and the :suffix', () => {
    expect(parseServiceError(res(400, '{"__type":"com.amazonaws.cognito.identity.idp.model#UserNotFoundException","message":"m"}')).code).toBe('UserNotFoundException');
    expect(parseServiceError(res(400, '{"__type":"com.amazon#NotAuthorizedException:http://internal","message":"m"}')).code).toBe('NotAuthorizedException');
  });

  it('Message with a capital M, no message at all', () => {
    expect(parseServiceError(res(400, '{"__type":"UserNotFoundException","Message":"User does not exist."}')).message).toBe('User does not exist.');
    expect(parseServiceError(res(400, '{"__type":"UserNotFoundException"}')).message).toBe('');
  });

  it('HTML or empty 5xx bodies: the status and its reason phrase', () => {
    expect(parseServiceError(res(502, '<html><body><h1>502 Bad Gateway</h1></body></html>\n'))).toMatchObject({ code: '502', message: 'Bad Gateway' });
    expect(parseServiceError(res(503, ''))).toMatchObject({ code: '503', message: 'Service Unavailable' });
  });

  it('a body that is not JSON becomes the message', () => {
    expect(parseServiceError(res(400, 'nope'))).toMatchObject({ code: '400', message: 'nope' });
  });

  it('modeled fields only (reasonCode on InvalidParameterException)', () => {
    const p = parseServiceError(res(400, '{"__type":"InvalidParameterException","message":"Bad param","reasonCode":"INVALID_X","extraField":"secret"}'));
    expect(p.fields).toEqual([['message', 'Bad param'], ['reasonCode', 'INVALID_X']]);
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
