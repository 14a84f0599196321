// Endpoints with an IPv6 zone ID, which botocore (urllib3) connects to and the SDK cannot parse.
import { readdirSync, readFileSync } from 'node:fs';
/**
 * An endpoint whose bracketed IPv6 host has a zone ID (`http://[fe80::1%25eth0]:8080`, RFC 6874,
 * or `%eth0` as given). WHATWG's URL, which the SDK parses endpoints with, has no zone IDs: the
 * SDK gets the URL without it (`url`), and the connection is made to `connectTo`, the address
 * with the zone as urllib3 normalizes it (a leading `25` of `%25` dropped, unless it is all).
 */
export interface ScopedEndpoint {
  readonly url: string;
  /** The bracketed host of `url` as WHATWG's URL writes it (the request's hostname). */
  readonly hostname: string;
  /** The bracketed host as the endpoint gave it, zone and all. */
  readonly given: string;
  readonly connectTo: string;
}

export function scopedEndpoint(endpoint: string): ScopedEndpoint | undefined {
  const m = /^([a-z][a-z0-9+.-]*:\/\/(?:[^/?#]*@)?\[)([^\]%/?#@]*)(%[^\]/?#]*)(\].*)$/is.exec(endpoint);
  if (!m) return undefined;
  const [, before, address, zone, after] = m as unknown as [string, string, string, string, string];
  const url = `${before}${address}${after}`;
  let hostname: string;
  try { hostname = new URL(url).hostname; } catch { return undefined; }
  const id = zone.startsWith('%25') && zone !== '%25' ? zone.slice(3) : zone.slice(1);
  return { url, hostname, given: `[${address}${zone}]`, connectTo: `${address.toLowerCase()}%${id}` };
}

/**
 * Whether the machine has the interface a zone ID names: by name, or by index for a number (Linux:
 * /sys/class/net). getaddrinfo(3), which urllib3 asks first, fails for a zone that names none,
 * and the AWS CLI cannot connect; Node 22 and later would instead send the connection out of
 * some interface and wait out the connect timeout. Undefined where the system does not say.
 */
export function zoneNamesAnInterface(connectTo: string, sysNet = '/sys/class/net'): boolean | undefined {
  const zone = connectTo.slice(connectTo.indexOf('%') + 1);
  let names: string[];
  try {
    names = readdirSync(sysNet);
  } catch {
    return undefined;
  }
  if (!/^\d+$/.test(zone)) return names.includes(zone);
  return names.some((name) => {
    try {
      return Number(readFileSync(`${sysNet}/${name}/ifindex`, 'utf8')) === Number(zone);
    } catch {
      return false;
    }
  });
}
