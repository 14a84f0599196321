// Which URL the request goes to, and the AWS CLI's checks on it. --endpoint-url must have a
// scheme (argument check, 252); any endpoint, given or configured, must have a valid host
// (botocore's check, 255). Configured endpoints come from the environment and the profile.
import { GeneralError, ParamValidationError } from '../errors/errors.js';
import type { Settings } from '../config/settings.js';
import { isTrue } from '../config/settings.js';
import { strRepr } from '../python/builtins.js';
import { isIP } from 'node:net';
import type { DebugLog } from '../diagnostics/debug-log.js';
import { urlPasswordsIn } from '../diagnostics/redact.js';

/** The service's id as botocore derives it for AWS_ENDPOINT_URL_<ID> and `services` sections. */
const SERVICE_ENV_ID = 'COGNITO_IDENTITY_PROVIDER';
const SERVICE_CONFIG_ID = 'cognito_identity_provider';

interface SplitUrl { scheme: string; netloc: string; hostname: string | undefined }

/**
 * urlsplit's ValueErrors for a netloc's brackets (uncaught in the AWS CLI, so 255 with Python's
 * text, whichever setting the URL came from): one without the other, anything before `[` or
 * between `]` and the port, or a host that is not an IP address (nor an IPvFuture `v1.x`).
 * Python's _check_bracketed_netloc and _check_bracketed_host, step by step.
 */
function checkBrackets(netloc: string): void {
  const open = netloc.includes('[');
  if (open !== netloc.includes(']')) throw new GeneralError('Invalid IPv6 URL');
  if (!open) return;
  const hostAndPort = netloc.slice(netloc.lastIndexOf('@') + 1);
  const at = hostAndPort.indexOf('[');
  let host: string;
  if (at >= 0) {
    if (at > 0) throw new GeneralError('Invalid IPv6 URL');
    const bracketed = hostAndPort.slice(at + 1);
    const close = bracketed.indexOf(']');
    host = close < 0 ? bracketed : bracketed.slice(0, close);
    const port = close < 0 ? '' : bracketed.slice(close + 1);
    if (port !== '' && !port.startsWith(':')) throw new GeneralError('Invalid IPv6 URL');
  } else {
    host = hostAndPort.split(':')[0] as string;
  }
  if (host.startsWith('v')) {
    if (!/^v[a-fA-F0-9]+\..+$/s.test(host)) throw new GeneralError('IPvFuture address is invalid');
    return;
  }
  if (isIP(host) === 4) throw new GeneralError('An IPv4 address cannot be in brackets');
  // ipaddress.ip_address: an IPv6 address may end with a scope id (`%` and anything but `%`).
  const percent = host.indexOf('%');
  const scope = percent < 0 ? undefined : host.slice(percent + 1);
  const address = percent < 0 ? host : host.slice(0, percent);
  if (isIP(address) !== 6 || scope === '' || scope?.includes('%')) {
    throw new GeneralError(`${strRepr(host)} does not appear to be an IPv4 or IPv6 address`);
  }
}


/** The parts of Python's urllib.parse.urlsplit that the checks use (and its ValueErrors). */
export function urlsplit(url: string): SplitUrl {
  // WHATWG's leading C0 controls and spaces go, and tabs and line breaks anywhere, as in Python.
  let rest = url.replace(/^[\x00-\x20]+/, '').replace(/[\t\r\n]/g, '');
  let scheme = '';
  const colon = rest.indexOf(':');
  if (colon > 0 && /^[A-Za-z]/.test(rest) && /^[A-Za-z0-9+\-.]*$/.test(rest.slice(0, colon))) {
    scheme = rest.slice(0, colon).toLowerCase();
    rest = rest.slice(colon + 1);
  }
  let netloc = '';
  if (rest.startsWith('//')) {
    const m = /^\/\/([^/?#]*)/.exec(rest);
    netloc = m ? (m[1] as string) : '';
    checkBrackets(netloc);
  }
  let host = netloc.slice(netloc.lastIndexOf('@') + 1);
  let hostname: string | undefined;
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    hostname = end > 0 ? host.slice(1, end).toLowerCase() : undefined;
  } else {
    const c = host.indexOf(':');
    if (c >= 0) host = host.slice(0, c);
    hostname = host === '' ? undefined : host.toLowerCase();
  }
  return { scheme, netloc, hostname };
}

const LABELS = /^((?!-)[A-Z\d-]{1,63}(?<!-)\.)*((?!-)[A-Z\d-]{1,63}(?<!-))$/i;
const IPV6 = /^[0-9a-f:.%a-z]+$/i;

/** botocore's is_valid_endpoint_url / is_valid_ipv6_endpoint_url. */
export function isValidEndpointUrl(url: string): boolean {
  // botocore refuses these before urlsplit (which would drop them).
  if (/[\t\r\n]/.test(url)) return false;
  const { hostname, netloc } = urlsplit(url);
  if (hostname === undefined) return false;
  if (netloc.includes('[')) return IPV6.test(hostname);
  if (hostname.length > 255) return false;
  const h = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  return LABELS.test(h);
}

/** The regional endpoint the SDK's rules give without FIPS or dual-stack (for messages and proxies). */
export function regionalEndpoint(region: string): string {
  return `https://cognito-idp.${region || 'us-east-1'}.amazonaws.com`;
}

/** The argument check of --endpoint-url (the AWS CLI's, before anything is sent). */
export function checkEndpointFlag(url: string): void {
  if (urlsplit(url).scheme === '') {
    throw new ParamValidationError(
      `Bad value for --endpoint-url "${url}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`);
  }
}

/** botocore checks the host of the endpoint when it creates the client's endpoint (255). */
export function checkEndpointValid(url: string | undefined): void {
  if (url !== undefined && !isValidEndpointUrl(url)) throw new GeneralError(`Invalid endpoint: ${url}`);
}

/** The settings' lookups an endpoint is configured from (a Settings is one). */
type EndpointLookups = Pick<Settings, 'env' | 'envOrProfile' | 'profileValue' | 'configFiles'>;

/**
 * The endpoint to use, or undefined for the SDK's own rules-based endpoint:
 * --endpoint-url → AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER → AWS_ENDPOINT_URL → the profile's
 * `services` section → the profile's endpoint_url (all but the flag can be switched off).
 * Resolution alone (a missing `services` section fails here); checkEndpointValid comes later.
 */
export function configuredEndpoint(flag: string | undefined, settings: EndpointLookups, log?: DebugLog): string | undefined {
  if (flag !== undefined) return flag;
  if (isTrue(settings.envOrProfile('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'ignore_configured_endpoint_urls'))) {
    log?.log('botocore.args', 'Ignoring configured endpoint URLs.');
    return undefined;
  }
  // botocore's ConfiguredEndpointProvider, place by place; an empty value counts as none (it
  // tests the value, not its presence).
  const places: ReadonlyArray<readonly [string, () => string | undefined]> = [
    ['environment_service', () => settings.env[`AWS_ENDPOINT_URL_${SERVICE_ENV_ID}`]],
    ['environment_global', () => settings.env.AWS_ENDPOINT_URL],
    ['config_service', () => fromServicesSection(settings)],
    ['config_global', () => settings.profileValue('endpoint_url')],
  ];
  for (const [place, lookUp] of places) {
    log?.log('botocore.configprovider', `Looking for endpoint for cognito-idp via: ${place}`);
    const url = lookUp();
    if (url !== undefined && url !== '') {
      for (const password of urlPasswordsIn(url)) log?.secret(password);
      log?.log('botocore.configprovider', `Found endpoint for cognito-idp via: ${place}.`, 'INFO');
      return url;
    }
  }
  log?.log('botocore.configprovider', 'No configured endpoint found.');
  return undefined;
}

function fromServicesSection(settings: EndpointLookups): string | undefined {
  const servicesName = settings.profileValue('services');
  if (servicesName === undefined) return undefined;
  const section = settings.configFiles().services.get(servicesName);
  if (!section) {
    throw new GeneralError(`The profile is configured to use the services section but the "${servicesName}" services configuration does not exist.`);
  }
  const nested = section.get(SERVICE_CONFIG_ID);
  return nested !== undefined && typeof nested !== 'string' ? nested.endpoint_url : undefined;
}

/**
 * The query of an endpoint URL, which botocore keeps in every request's URL (and signs), in the
 * form the SDK's requests hold one; undefined without a query.
 */
export function endpointQuery(url: string): Record<string, string | string[] | null> | undefined {
  const search = /^[^?#]*\?([^#]*)/.exec(url)?.[1];
  if (search === undefined || search === '') return undefined;
  const query: Record<string, string | string[] | null> = {};
  const decode = (s: string): string => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  for (const part of search.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? null : decode(part.slice(eq + 1));
    const prev = query[key];
    if (prev === undefined) query[key] = value;
    else query[key] = [...(Array.isArray(prev) ? prev : [prev ?? '']), value ?? ''];
  }
  return query;
}

/**
 * Python's SplitResult.port, which SigV4 signing reads for the Host header: a port that is not
 * ASCII digits, or is out of range, fails the signed call with its ValueError. What passes it
 * (or is not signed) reaches urllib3 1.26, whose parser refuses a port of more than five digits
 * (`:000080` included), one out of range, and an IPvFuture host (`[v1.x]`).
 */
export function checkEndpointPort(url: string, signed: boolean): void {
  const { netloc } = urlsplit(url);
  const hostinfo = netloc.slice(netloc.lastIndexOf('@') + 1);
  const open = hostinfo.indexOf('[');
  const afterHost = open >= 0 ? hostinfo.slice(open + 1).split(']').slice(1).join(']') : hostinfo;
  const colon = afterHost.indexOf(':');
  const port = colon < 0 ? '' : afterHost.slice(colon + 1);
  const digits = /^[0-9]+$/.test(port);
  if (signed && port !== '') {
    if (!digits) throw new GeneralError(`Port could not be cast to integer value as ${strRepr(port)}`);
    if (Number(port) > 65535) throw new GeneralError('Port out of range 0-65535');
  }
  const future = open >= 0 && /^v/i.test(hostinfo.slice(open + 1));
  const badPort = port !== '' && (!digits || port.length > 5 || Number(port) > 65535);
  if (!future && !badPort) return;
  // botocore's URL has a path: `/` where the endpoint has none.
  throw new GeneralError(`An HTTP Client raised an unhandled exception: Failed to parse: ${/^[^:]*:\/\/[^/?#]*$/.test(url) ? `${url}/` : url}`, 'HTTPClientError');
}

/**
 * An endpoint's path as botocore sends it: percent-encoded as the URL parser does, but with its
 * `.` and `..` segments kept (botocore joins the operation's path to it without resolving them).
 */
export function endpointPath(endpoint: string): string {
  const raw = endpoint.replace(/^[^:]*:(\/\/[^/?#]*)?/, '').replace(/[?#].*$/s, '');
  const dots: string[] = [];
  const marked = raw.split('/').map((seg) => (/^(?:\.|%2e)+$/i.test(seg) ? `q\u0000${dots.push(seg) - 1}\u0000q` : seg)).join('/');
  // Parsed under a host of its own: a path that starts with `//` is no host here. The markers
  // are letters outside, as the parser strips controls at the ends.
  const parsed = new URL(`http://h${marked.startsWith('/') ? marked : `/${marked}`}`).pathname;
  return parsed.replace(/q%00(\d+)%00q/g, (_m, i: string) => dots[Number(i)] as string);
}

/**
 * The URL botocore builds from an endpoint of one's own for the operation's `/` (its _urljoin),
 * which its connection errors name: the netloc as written, the path or `/`, query and fragment.
 */
export function botocoreRequestUrl(endpoint: string): string {
  const { scheme, netloc } = urlsplit(endpoint);
  const afterNetloc = endpoint.replace(/^[^:]*:(\/\/[^/?#]*)?/, '');
  const m = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(afterNetloc);
  const path = m?.[1] ?? '';
  return `${scheme}://${netloc}${path === '' ? '/' : path}${m?.[2] ?? ''}${m?.[3] ?? ''}`;
}
