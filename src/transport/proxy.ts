// Which proxy a request goes through, as the AWS CLI decides it from the environment (Python's
// urllib rules, which botocore uses): `<scheme>_proxy` in any case, the all-lowercase suffix
// winning (an empty one removes the scheme's proxy), HTTP_PROXY ignored under CGI's
// REQUEST_METHOD; no_proxy/NO_PROXY lists host names or domain suffixes (`host:port` matching
// only an endpoint URL that names that port), `*` alone meaning all. The SDK alone ignores every
// one of these variables.
import { isIP } from 'node:net';
import type { Env } from '../config/files.js';
import { GeneralError } from '../errors/errors.js';
import { pyStrip } from '../python/unicode.js';
import { urlsplit } from './endpoint.js';
import { TransportFailure } from './http-send.js';

/**
 * urllib's getproxies_environment: scheme (or `no`) to value. Two passes over the environment in
 * its order: every name ending in `_proxy` in any case, then those whose suffix is lowercase,
 * which win, an empty one removing the entry.
 */
export function environmentProxies(e: Env): Map<string, string> {
  const proxies = new Map<string, string>();
  const entries = Object.entries(e);
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (value && lower.endsWith('_proxy')) proxies.set(lower.slice(0, -6), value);
  }
  // CVE-2016-1000110: under CGI, HTTP_PROXY can come from a client's `Proxy:` header.
  if (e.REQUEST_METHOD !== undefined) proxies.delete('http');
  for (const [name, value] of entries) {
    if (!name.endsWith('_proxy')) continue;
    const scheme = name.toLowerCase().slice(0, -6);
    if (value) proxies.set(scheme, value);
    else proxies.delete(scheme);
  }
  return proxies;
}

/**
 * urllib's proxy_bypass_environment for an endpoint's netloc (`host[:port]` as the URL writes it,
 * brackets and user-info included): each entry, stripped of spaces and leading dots, is the host
 * or a suffix of it after a dot, compared with and without the port. No CIDR ranges, and `*`
 * only as the whole value.
 */
export function bypassesProxy(netloc: string, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  if (noProxy === '*') return true;
  const host = netloc.toLowerCase();
  const hostOnly = /^(.*):[0-9]*$/s.exec(host)?.[1] ?? host;
  for (const raw of noProxy.split(',')) {
    const entry = pyStrip(raw);
    if (entry === '') continue;
    const name = entry.replace(/^\.+/, '').toLowerCase();
    if (hostOnly === name || host === name) return true;
    if (hostOnly.endsWith(`.${name}`) || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** The proxy URL for requests to `endpoint` (as given, or the regional one), or undefined for a direct connection. */
export function proxyFor(endpoint: string, e: Env): string | undefined {
  const { scheme, netloc } = urlsplit(endpoint);
  const proxies = environmentProxies(e);
  const proxy = proxies.get(scheme);
  if (proxy === undefined) return undefined;
  if (bypassesProxy(netloc, proxies.get('no'))) return undefined;
  return fixProxyUrl(proxy);
}

/**
 * botocore's _fix_proxy_url: a value that does not start with `http:` or `https:` (exactly so,
 * lowercase) gets `http://` put in front (`http:` before `//`), whatever it holds: `HTTP://p:3128`
 * and `socks5://p:1080` become proxies named `HTTP` and `socks5` on port 80.
 */
export function fixProxyUrl(proxy: string): string {
  if (proxy.startsWith('http:') || proxy.startsWith('https:')) return proxy;
  return proxy.startsWith('//') ? `http:${proxy}` : `http://${proxy}`;
}

// urllib3 1.26's parse_url: the authority, and its host and port (a registered name, IPv4, or a
// bracketed IPv6 address with an optional zone; at most five port digits).
const AUTHORITY = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?(?:\/\/([^\\/?#]*))?/s;
const HOST_PORT = /^((?:[^[\]%:/?#]|%[a-fA-F0-9]{2})*|\[[0-9A-Fa-f:.]+(?:(?:%25|%)(?:[A-Za-z0-9._!\-~]|%[a-fA-F0-9]{2})+)?\])(?::([0-9]{0,5}))?$/s;

/** Python's urllib.parse.unquote: each run of %XX escapes decoded as UTF-8, bad bytes as U+FFFD; anything else kept. */
function unquote(s: string): string {
  return s.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
}

/** Python's repr of one character, as a UnicodeEncodeError names it. */
function charRepr(ch: string): string {
  const cp = ch.codePointAt(0) as number;
  const hex = cp.toString(16);
  return cp <= 0xff ? `'\\x${hex.padStart(2, '0')}'` : cp <= 0xffff ? `'\\u${hex.padStart(4, '0')}'` : `'\\U${hex.padStart(8, '0')}'`;
}

/**
 * botocore's proxy_headers_for: `Basic` credentials when the URL's user name and password (as
 * urlparse splits the user-info, percent-decoded) are both non-empty, a user name alone sends
 * none. Credentials outside ASCII fail each attempt with Python's UnicodeEncodeError, before the
 * URL itself is checked.
 */
export function proxyAuthorization(url: string): { header: string | undefined } | { failure: TransportFailure } {
  const netloc = /^[^:/?#]*:\/\/([^/?#]*)/.exec(url)?.[1] ?? '';
  const at = netloc.lastIndexOf('@');
  if (at < 0) return { header: undefined };
  const userinfo = netloc.slice(0, at);
  const colon = userinfo.indexOf(':');
  if (colon < 0) return { header: undefined };
  const user = unquote(userinfo.slice(0, colon));
  const password = unquote(userinfo.slice(colon + 1));
  if (user === '' || password === '') return { header: undefined };
  const credentials = `${user}:${password}`;
  const chars = Array.from(credentials);
  const first = chars.findIndex((ch) => (ch.codePointAt(0) as number) > 0x7f);
  if (first >= 0) {
    let end = first;
    while (end + 1 < chars.length && (chars[end + 1]?.codePointAt(0) as number) > 0x7f) end++;
    const what = end === first ? `character ${charRepr(chars[first] as string)} in position ${first}` : `characters in position ${first}-${end}`;
    return { failure: new TransportFailure('unhandled', `'ascii' codec can't encode ${what}: ordinal not in range(128)`) };
  }
  return { header: `Basic ${Buffer.from(credentials, 'latin1').toString('base64')}` };
}

/**
 * Why the AWS CLI cannot use `url` (as fixProxyUrl gives it) as a proxy for an endpoint of
 * `scheme`, failing every attempt as it does; undefined when it can. In its order: credentials
 * it cannot encode (proxyAuthorization); Python's urlsplit (reading the proxy's user name)
 * refuses an unbalanced `[` or `]` in the authority, or brackets around no IPv6 address; urllib3
 * cannot parse the host and port (or the port is past 65535); there is no host (for an https
 * endpoint, no authority at all fails on urllib3's None host, an empty host in trying to connect
 * to it); http.client refuses a host holding a space or a control character, which urllib3
 * reports as a connection aborted (botocore: "Connection was closed before we received a valid
 * response"). The unhandled ones are botocore's HTTPClientError.
 */
export function proxyUrlFailure(url: string, scheme: string = 'http'): TransportFailure | undefined {
  const unhandled = (message: string): TransportFailure => new TransportFailure('unhandled', message);
  const auth = proxyAuthorization(url);
  if ('failure' in auth) return auth.failure;
  // Python's urlsplit, as endpoint URLs are split: its ValueErrors for the authority's brackets.
  try {
    urlsplit(url);
  } catch (e) {
    if (e instanceof GeneralError) return unhandled(e.message);
    throw e;
  }
  // A password in the URL stays hidden: urllib3 quotes the URL whole.
  const unparsable = unhandled(`Failed to parse: ${maskProxyUrl(url)}`);
  const authority = AUTHORITY.exec(url)?.[1];
  let host: string | undefined;
  if (authority) {
    const hostPort = HOST_PORT.exec(authority.slice(authority.lastIndexOf('@') + 1));
    if (hostPort === null) return unparsable;
    const bracketed = /^\[([^%\]]*)/.exec(hostPort[1] as string);
    if (bracketed && isIP(bracketed[1] as string) !== 6) return unparsable;
    if (hostPort[2] !== undefined && hostPort[2] !== '' && Number(hostPort[2]) > 65535) return unparsable;
    host = hostPort[1];
  }
  if (scheme === 'https' && !authority) return unhandled("'NoneType' object has no attribute 'rstrip'");
  if (scheme === 'https' && !host) return new TransportFailure('proxy', 'proxy without a host', undefined, maskProxyUrl(url));
  if (!host) return unhandled('No host specified.');
  const bracketed = host.startsWith('[');
  // urllib3 IDNA-encodes a name outside ASCII with the idna module, which the AWS CLI does not
  // ship (then the URL cannot be parsed).
  if (!bracketed && /[^\x00-\x7f]/.test(host)) return unparsable;
  if (/[\x00-\x20\x7f]/.test(host)) return new TransportFailure('closed', 'proxy host with a space or control character');
  // Connecting, urllib3 checks the (lowercased) name's labels as the idna codec does: none empty
  // but a final one, none longer than 63.
  const labels = host.toLowerCase().split('.');
  if (!bracketed && labels.slice(0, labels.length > 1 && labels[labels.length - 1] === '' ? -1 : undefined).some((l) => l.length === 0 || l.length > 63)) {
    return unhandled(`Failed to parse: '${host.toLowerCase()}', label empty or too long`);
  }
  // A name with a `%` escape is looked up as written, which no name server knows.
  if (!bracketed && host.includes('%')) return new TransportFailure('proxy', 'proxy host with a percent escape', undefined, maskProxyUrl(url));
  // A host URL parsing refuses (`^`, `|`, `<`): no name server knows it, so the AWS CLI cannot
  // connect to the proxy.
  if (!URL.canParse(url)) return new TransportFailure('proxy', 'proxy host that cannot be resolved', undefined, maskProxyUrl(url));
  return undefined;
}

/** Where a usable proxy (proxyUrlFailure found nothing) is reached, and the credentials it is sent. */
export interface ProxyRoute {
  readonly protocol: 'http:' | 'https:';
  /** Without IPv6 brackets. */
  readonly hostname: string;
  /** urllib3's default for a missing or zero port: 80 for http, 443 for https. */
  readonly port: number;
  readonly authorization: string | undefined;
}

export function proxyRoute(url: string): ProxyRoute {
  const parsed = new URL(url);
  const protocol = parsed.protocol === 'https:' ? 'https:' : 'http:';
  const auth = proxyAuthorization(url);
  return {
    protocol,
    hostname: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: Number(parsed.port) || (protocol === 'https:' ? 443 : 80),
    authorization: 'header' in auth ? auth.header : undefined,
  };
}

/**
 * The proxy URL as botocore shows it in errors: user name and password each replaced by `***`
 * (`http://***:***@proxy:3128`). botocore replaces the first occurrence of each anywhere in the
 * URL, which can leave a short password visible (`http://u:h@…` masks the `h` of `http`); here
 * the user-info part itself is masked, which gives the same text for every other URL.
 */
export function maskProxyUrl(url: string): string {
  // The user-info ends at the authority's last `@`, as urlparse reads it: a password holding a
  // raw `@` is hidden whole.
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i.exec(url);
  if (m === null) return url;
  const userinfo = m[2] as string;
  const colon = userinfo.indexOf(':');
  const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
  const password = colon < 0 ? undefined : userinfo.slice(colon + 1);
  const masked = `${user === '' ? '' : '***'}${password === undefined ? '' : `:${password === '' ? '' : '***'}`}`;
  return `${m[1] as string}${masked}@${url.slice(m[0].length)}`;
}
