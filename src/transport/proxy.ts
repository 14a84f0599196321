// Which proxy a request goes through, as the AWS CLI decides it from the environment (Python's
// urllib rules, which botocore uses): https_proxy/HTTPS_PROXY for https endpoints,
// http_proxy/HTTP_PROXY for http ones, the lowercase spelling winning; no_proxy/NO_PROXY lists
// hosts, domain suffixes, IP addresses or CIDR ranges (with optional ports) to reach directly,
// `*` meaning all. The SDK alone ignores every one of these variables.
import { isIP } from 'node:net';
import type { Env } from '../config/files.js';

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
  // Python accepts `host:port` without a scheme and means http.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

/**
 * The proxy URL as botocore shows it in errors: user name and password each replaced by `***`
 * (`http://***:***@proxy:3128`). botocore replaces the first occurrence of each anywhere in the
 * URL, which can leave a short password visible (`http://u:h@…` masks the `h` of `http`); here
 * the user-info part itself is masked, which gives the same text for every other URL.
 */
export function maskProxyUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i.exec(url);
  if (m === null) return url;
  const userinfo = m[2] as string;
  const colon = userinfo.indexOf(':');
  const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
  const password = colon < 0 ? undefined : userinfo.slice(colon + 1);
  const masked = `${user === '' ? '' : '***'}${password === undefined ? '' : `:${password === '' ? '' : '***'}`}`;
  return `${m[1] as string}${masked}@${url.slice(m[0].length)}`;
}
