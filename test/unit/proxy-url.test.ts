// The proxy URL from the environment as the AWS CLI 2.36.7 reads it (recorded in
// test/fixtures/variant-sweep-recordings.json, `v-px-` cases): botocore's _fix_proxy_url, then
// the checks of Python's urlsplit, urllib3 1.26's parse_url and http.client, each with the
// failure botocore reports.
import { describe, expect, it } from 'vitest';
import { bypassesProxy, environmentProxies, fixProxyUrl, proxyAuthorization, proxyFor, proxyUrlFailure } from '../../src/transport/proxy.js';

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
    // AWS CLI 2.36.7 (px-r7- cases): no idna module, the idna codec's labels, names looked up as written.
    ['http://pr\u00f8xy:3128', 'unhandled', 'Failed to parse: http://pr\u00f8xy:3128'],
    [`http://${'a'.repeat(64)}.Example:3128`, 'unhandled', `Failed to parse: '${'a'.repeat(64)}.example', label empty or too long`],
    ['http://a..b:3128', 'unhandled', "Failed to parse: 'a..b', label empty or too long"],
    ['http://127.0.0.%31:3128', 'proxy', undefined],
    ['http://a|b:1', 'proxy', undefined],
  ])('%j: %s %j', (url, kind, message) => {
    expect(failure(url)).toEqual({ kind, message });
  });

  it.each([
    'http://127.0.0.1:3128', 'http://127.0.0.1', 'https://proxy.example:443/path', 'http://u:p@127.0.0.1:1',
    'http://[::1]:3128', 'http://HTTP://127.0.0.1:1', 'http://127.0.0.1:0', 'http://127.0.0.1:', 'http://localhost.:1', `http://${'a'.repeat(63)}:1`,
  ])('%j is usable', (url) => {
    expect(proxyUrlFailure(url)).toBeUndefined();
  });
});

// urllib's getproxies_environment and proxy_bypass_environment, as AWS CLI 2.36.7 applies them
// (test/fixtures/proxy-sweep-recordings.json, `px-env-` and `px-np-` cases).
describe('environmentProxies: <scheme>_proxy in any case, the lowercase suffix winning', () => {
  it.each([
    [{ HTTP_PROXY: 'a' }, { http: 'a' }],
    [{ Http_Proxy: 'a' }, { http: 'a' }],
    [{ HTTP_PROXY: 'a', http_proxy: 'b' }, { http: 'b' }],
    [{ http_proxy: 'b', HTTP_PROXY: 'a' }, { http: 'b' }],
    [{ HTTP_proxy: 'b', HTTP_PROXY: 'a' }, { http: 'b' }],
    [{ HTTP_PROXY: 'a', http_proxy: '' }, {}],
    [{ HTTP_PROXY: '', http_proxy: 'b' }, { http: 'b' }],
    [{ HTTP_PROXY: 'a', REQUEST_METHOD: '' }, {}],
    [{ http_proxy: 'b', REQUEST_METHOD: 'GET' }, { http: 'b' }],
    [{ HTTPS_PROXY: 'a', REQUEST_METHOD: 'GET', ALL_PROXY: 'c', No_Proxy: 'x' }, { https: 'a', all: 'c', no: 'x' }],
  ])('%j -> %j', (env, proxies) => {
    expect(Object.fromEntries(environmentProxies(env))).toEqual(proxies);
  });
});

describe('bypassesProxy: the endpoint netloc against each NO_PROXY entry', () => {
  it.each([
    ['127.0.0.1:8080', '127.0.0.1', true], ['127.0.0.1:8080', '127.0.0.1:8080', true], ['127.0.0.1:8080', '127.0.0.1:1', false],
    ['127.0.0.1:8080', '0.0.1', true], ['127.0.0.1:8080', '27.0.0.1', false], ['127.0.0.1:8080', '*', true],
    ['127.0.0.1:8080', ' *', false], ['127.0.0.1:8080', 'a,*', false], ['127.0.0.1:8080', '127.0.0.0/8', false],
    ['127.0.0.1:8080', ' a , 127.0.0.1 ', true], ['127.0.0.1:8080', '..0.0.1', true], ['127.0.0.1:8080', '', false],
    ['localhost:1', 'LOCALHOST', true], ['localhost:1', 'host', false], ['a.b.example.com', 'example.com', true],
    ['cognito-idp.us-east-1.amazonaws.com', 'cognito-idp.us-east-1.amazonaws.com:443', false],
    ['[::1]:1', '::1', false], ['[::1]:1', '[::1]', true], ['u:p@127.0.0.1:1', '127.0.0.1', false],
  ])('%j with %j: %s', (netloc, noProxy, bypass) => {
    expect(bypassesProxy(netloc, noProxy)).toBe(bypass);
  });

  it('is what proxyFor asks for the endpoint as written', () => {
    expect(proxyFor('http://127.0.0.1', { HTTP_PROXY: 'p:1', NO_PROXY: '127.0.0.1:80' })).toBe('http://p:1');
    expect(proxyFor('HTTP://LOCALHOST:9/', { http_proxy: 'p:1', no_proxy: 'localhost' })).toBeUndefined();
  });
});

describe('proxyAuthorization: Basic credentials only with a user name and a password', () => {
  const header = (url: string) => {
    const r = proxyAuthorization(url);
    return 'header' in r ? r.header && Buffer.from(r.header.slice(6), 'base64').toString('latin1') : r.failure.message;
  };
  it.each([
    ['http://bob:pw@p:1', 'bob:pw'], ['http://bob@p:1', undefined], ['http://bob:@p:1', undefined], ['http://:pw@p:1', undefined],
    ['http://b%40b:p%3As@p:1', 'b@b:p:s'], ['http://bob:p%zz@p:1', 'bob:p%zz'], ['http://bob:p@ss@p:1', 'bob:p@ss'], ['http://p:1', undefined],
    ['http://bob:p\u00e9ss@p:1', "'ascii' codec can't encode character '\\xe9' in position 5: ordinal not in range(128)"],
    ['http://bob:p\u00e9\u20acs@p:1', "'ascii' codec can't encode characters in position 5-6: ordinal not in range(128)"],
    ['http://b\u{1f600}b:pw@p:1', "'ascii' codec can't encode character '\\U0001f600' in position 1: ordinal not in range(128)"],
    ['http://bob:p%FFx@p:1', "'ascii' codec can't encode character '\\ufffd' in position 5: ordinal not in range(128)"],
    ['http://b\u00e9b@p:1', undefined],
  ])('%j: %j', (url, expected) => {
    expect(header(url)).toBe(expected);
  });
});
