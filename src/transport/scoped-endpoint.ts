// Endpoints with an IPv6 zone ID, which botocore (urllib3) connects to and the SDK cannot parse.
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
