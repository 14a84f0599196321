// Which proxy a request goes through, as the AWS CLI decides it from the environment (Python's
// urllib rules, which botocore uses): https_proxy/HTTPS_PROXY for https endpoints,
// http_proxy/HTTP_PROXY for http ones, the lowercase spelling winning; no_proxy/NO_PROXY lists
// hosts, domain suffixes, IP addresses or CIDR ranges (with optional ports) to reach directly,
// `*` meaning all. The SDK alone ignores every one of these variables.
import { isIP } from 'node:net';
import type { Env } from '../config/files.js';
import { GeneralError } from '../errors/errors.js';
import { urlsplit } from './endpoint.js';
import { TransportFailure } from './http-send.js';

function env(e: Env, name: string): string | undefined {
  const v = e[name.toLowerCase()] ?? e[name.toUpperCase()];
  return v === undefined || v === '' ? undefined : v;
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
}

function inCidr(host: string, cidr: string): boolean {
  const [net, bitsText] = cidr.split('/') as [string, string];
  const bits = Number(bitsText);
  if (isIP(host) !== 4 || isIP(net) !== 4 || !(bits >= 0 && bits <= 32)) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (ipv4ToInt(host) & mask) === (ipv4ToInt(net) & mask);
}

/** Whether NO_PROXY says to reach `host[:port]` directly. */
export function bypassesProxy(hostname: string, port: string, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  for (const raw of noProxy.split(',')) {
    let entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    let entryPort: string | undefined;
    const m = /^(.*):(\d+)$/.exec(entry);
    if (m && !entry.includes('/') && isIP(entry) !== 6) {
      entry = m[1] as string;
      entryPort = m[2];
    }
    if (entryPort !== undefined && entryPort !== port) continue;
    if (entry.includes('/')) {
      if (inCidr(host, entry)) return true;
      continue;
    }
    const bare = entry.replace(/^\./, '');
    if (host === bare || host.endsWith(`.${bare}`)) return true;
  }
  return false;
}

/** The proxy URL for requests to `target`, or undefined for a direct connection. */
export function proxyFor(target: URL, e: Env): string | undefined {
  const scheme = target.protocol.replace(/:$/, '');
  const proxy = env(e, `${scheme}_proxy`);
  if (proxy === undefined) return undefined;
  const port = target.port || (scheme === 'https' ? '443' : '80');
  if (bypassesProxy(target.hostname, port, env(e, 'no_proxy'))) return undefined;
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

/**
 * Why the AWS CLI cannot use `url` (as fixProxyUrl gives it) as a proxy, failing every attempt as
 * it does; undefined when it can. In its order: Python's urlsplit (reading the proxy's user name)
 * refuses an unbalanced `[` or `]` in the authority, or brackets around no IPv6 address; urllib3 cannot parse the host and port (or
 * the port is past 65535); there is no host; http.client refuses a host holding a space or a
 * control character, which urllib3 reports as a connection aborted (botocore: "Connection was
 * closed before we received a valid response"). The first three are botocore's HTTPClientError.
 */
export function proxyUrlFailure(url: string): TransportFailure | undefined {
  const unhandled = (message: string): TransportFailure => new TransportFailure('unhandled', message);
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
  if (!host) return unhandled('No host specified.');
  if (/[\x00-\x20\x7f]/.test(host)) return new TransportFailure('closed', 'proxy host with a space or control character');
  // A host URL parsing refuses (`^`, `|`, `<`): no name server knows it, so the AWS CLI cannot
  // connect to the proxy.
  if (!URL.canParse(url)) return new TransportFailure('proxy', 'proxy host that cannot be resolved', undefined, maskProxyUrl(url));
  return undefined;
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
