import { describe, expect, it } from 'vitest';
import { botocoreRequestUrl, checkEndpointPort, endpointQuery } from '../../src/transport/endpoint.js';

describe('endpoint URLs as botocore uses them', () => {
  it('names the request URL the way its connection errors do (recorded from AWS CLI 2.36.7)', () => {
    expect(botocoreRequestUrl('http://127.0.0.1:/')).toBe('http://127.0.0.1:/');
    expect(botocoreRequestUrl('http://127.0.0.1:9')).toBe('http://127.0.0.1:9/');
    expect(botocoreRequestUrl('http://127.0.0.1:9/x?a=b')).toBe('http://127.0.0.1:9/x?a=b');
    expect(botocoreRequestUrl('https://127.0.0.1:9/p?q=1')).toBe('https://127.0.0.1:9/p?q=1');
    expect(botocoreRequestUrl('HTTP://h/prefix')).toBe('http://h/prefix');
  });

  it('keeps the query of the endpoint for every request', () => {
    expect(endpointQuery('http://h/?a=b')).toEqual({ a: 'b' });
    expect(endpointQuery('http://h/p/q?a=b&c=d&c=e&f')).toEqual({ a: 'b', c: ['d', 'e'], f: null });
    expect(endpointQuery('http://h/p')).toBeUndefined();
    expect(endpointQuery('http://h/#x?y')).toBeUndefined();
  });

  it('refuses the ports Python\'s urlsplit refuses: signed as a ValueError, unsigned as urllib3\'s parse error', () => {
    expect(() => checkEndpointPort('http://127.0.0.1:abc', true)).toThrow("Port could not be cast to integer value as 'abc'");
    expect(() => checkEndpointPort('http://127.0.0.1:99999', true)).toThrow('Port out of range 0-65535');
    expect(() => checkEndpointPort('http://127.0.0.1:abc', false)).toThrow('An HTTP Client raised an unhandled exception: Failed to parse: http://127.0.0.1:abc/');
    expect(() => checkEndpointPort('http://127.0.0.1:', true)).not.toThrow();
    expect(() => checkEndpointPort('http://[::1]:8080/x', true)).not.toThrow();
  });
});
