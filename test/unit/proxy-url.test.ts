// The proxy URL from the environment as the AWS CLI 2.36.7 reads it (recorded in
// test/fixtures/variant-sweep-recordings.json, `v-px-` cases): botocore's _fix_proxy_url, then
// the checks of Python's urlsplit, urllib3 1.26's parse_url and http.client, each with the
// failure botocore reports.
import { describe, expect, it } from 'vitest';
import { fixProxyUrl, proxyFor, proxyUrlFailure } from '../../src/transport/proxy.js';

describe('fixProxyUrl: only a lowercase http: or https: start is kept', () => {
  it.each([
    ['http://127.0.0.1:3128', 'http://127.0.0.1:3128'],
    ['https://127.0.0.1:3128', 'https://127.0.0.1:3128'],
    ['http:127.0.0.1:3128', 'http:127.0.0.1:3128'],
    ['//127.0.0.1:3128', 'http://127.0.0.1:3128'],
    ['127.0.0.1:3128', 'http://127.0.0.1:3128'],
    ['HTTP://127.0.0.1:3128', 'http://HTTP://127.0.0.1:3128'],
    ['socks5://127.0.0.1:1080', 'http://socks5://127.0.0.1:1080'],
    ['ftp://127.0.0.1:21', 'http://ftp://127.0.0.1:21'],
    [' http://127.0.0.1:1', 'http:// http://127.0.0.1:1'],
  ])('%j -> %j', (raw, fixed) => {
    expect(fixProxyUrl(raw)).toBe(fixed);
  });

  it('is what proxyFor gives for the endpoint', () => {
    expect(proxyFor('http://127.0.0.1:9/', { HTTP_PROXY: 'socks5://p:1080' })).toBe('http://socks5://p:1080');
    expect(proxyFor('https://example.com/', { https_proxy: '//p:3128' })).toBe('http://p:3128');
  });
});

describe('proxyUrlFailure: how the AWS CLI fails on a proxy URL it cannot use', () => {
  const failure = (url: string) => {
    const f = proxyUrlFailure(url);
    return f === undefined ? undefined : { kind: f.kind, message: f.kind === 'unhandled' ? f.message : undefined };
  };
  it.each([
    ['http://127.0.0.1:abc', 'unhandled', 'Failed to parse: http://127.0.0.1:abc'],
    ['http://127.0.0.1:99999', 'unhandled', 'Failed to parse: http://127.0.0.1:99999'],
    ['http://127.0.0.1:1 ', 'unhandled', 'Failed to parse: http://127.0.0.1:1 '],
    ['http://u:secret@127.0.0.1:abc', 'unhandled', 'Failed to parse: http://***:***@127.0.0.1:abc'],
    ['http://[::1', 'unhandled', 'Invalid IPv6 URL'],
    ['http://::1]:3128', 'unhandled', 'Invalid IPv6 URL'],
    ['http://[fe80::zz]:3128', 'unhandled', "'fe80::zz' does not appear to be an IPv4 or IPv6 address"],
    ['http://[127.0.0.1]:3128', 'unhandled', 'An IPv4 address cannot be in brackets'],
    // urlsplit's checks as for endpoint URLs (AWS CLI 2.36.7, run by hand): text around the
    // brackets, and the host quoted as Python's repr quotes it.
    ['http://x[::1]:80', 'unhandled', 'Invalid IPv6 URL'],
    ['http://[::1]x:80', 'unhandled', 'Invalid IPv6 URL'],
    ["http://[a'b]:80", 'unhandled', '"a\'b" does not appear to be an IPv4 or IPv6 address'],
    ['http://[v1]:3128', 'unhandled', 'IPvFuture address is invalid'],
    ['http://[v1.x]:3128', 'unhandled', 'Failed to parse: http://[v1.x]:3128'],
    ['http://', 'unhandled', 'No host specified.'],
    ['http:127.0.0.1:1', 'unhandled', 'No host specified.'],
    ['http://user@:3128', 'unhandled', 'No host specified.'],
    ['http://not a url', 'closed', undefined],
    ['http:// http://127.0.0.1:1', 'closed', undefined],
    ['http://bad\thost:1', 'closed', undefined],
    ['http://a^b:1', 'proxy', undefined],
    ['http://a|b:1', 'proxy', undefined],
  ])('%j: %s %j', (url, kind, message) => {
    expect(failure(url)).toEqual({ kind, message });
  });

  it.each([
    'http://127.0.0.1:3128', 'http://127.0.0.1', 'https://proxy.example:443/path', 'http://u:p@127.0.0.1:1',
    'http://[::1]:3128', 'http://HTTP://127.0.0.1:1', 'http://127.0.0.1:0', 'http://127.0.0.1:',
  ])('%j is usable', (url) => {
    expect(proxyUrlFailure(url)).toBeUndefined();
  });
});
