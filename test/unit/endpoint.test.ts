import { describe, expect, it } from 'vitest';
import { checkEndpointFlag, endpointPath, isValidEndpointUrl, urlsplit } from '../../src/transport/endpoint.js';
import { ParamValidationError } from '../../src/errors/errors.js';

describe('endpoint checks', () => {
  it('splits like urllib.parse.urlsplit', () => {
    expect(urlsplit('http://127.0.0.1:8080/x')).toMatchObject({ scheme: 'http', hostname: '127.0.0.1' });
    expect(urlsplit('localhost:18080')).toMatchObject({ scheme: 'localhost', hostname: undefined });
    expect(urlsplit('127.0.0.1:18080').scheme).toBe('');
    expect(urlsplit('not-a-url').scheme).toBe('');
  });

  it('--endpoint-url needs a scheme', () => {
    expect(() => checkEndpointFlag('not-a-url')).toThrow(ParamValidationError);
    expect(() => checkEndpointFlag('not-a-url')).toThrow('Bad value for --endpoint-url "not-a-url": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/');
    expect(() => checkEndpointFlag('localhost:18080')).not.toThrow();
  });

  it('a valid host is required', () => {
    expect(isValidEndpointUrl('http://127.0.0.1:9')).toBe(true);
    expect(isValidEndpointUrl('https://cognito-idp.us-east-1.amazonaws.com/')).toBe(true);
    expect(isValidEndpointUrl('http://')).toBe(false);
    expect(isValidEndpointUrl('localhost:18080')).toBe(false);
    expect(isValidEndpointUrl('foo')).toBe(false);
    expect(isValidEndpointUrl('http://under_score.example')).toBe(false);
    expect(isValidEndpointUrl('http://[::1]:9/')).toBe(true);
  });
});

describe('the path botocore sends to an endpoint of one\'s own', () => {
  it('keeps `.` and `..` segments, which a URL parser would resolve', () => {
    expect(endpointPath('http://127.0.0.1:9/a/../b')).toBe('/a/../b');
    expect(endpointPath('http://127.0.0.1:9/..')).toBe('/..');
    expect(endpointPath('http://127.0.0.1:9/./x/%2e/')).toBe('/./x/%2e/');
  });

  it('is percent-encoded as the parser does, and a `//` path names no host', () => {
    expect(endpointPath('http://127.0.0.1:9/a b/\u00fc')).toBe('/a%20b/%C3%BC');
    expect(endpointPath('http://127.0.0.1:9//x')).toBe('//x');
    expect(endpointPath('http://127.0.0.1:9?q=1')).toBe('/');
  });
});
