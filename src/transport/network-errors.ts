// Node's socket and TLS failures, worded as botocore words them (its exception texts are what
// scripts and operators know). All of them are retried like botocore's ConnectionError family.
import { GeneralError } from '../errors/errors.js';
import { TLS_EOF, TransportFailure } from './http-send.js';
import { strRepr } from '../python/builtins.js';

const CANNOT_CONNECT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EAI_NONAME', 'EAI_FAIL']);
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

interface NodeLikeError { name?: string; code?: string; syscall?: string; message?: string; cause?: unknown }

function asNodeError(e: unknown): NodeLikeError {
  return e !== null && typeof e === 'object' ? e as NodeLikeError : { message: String(e) };
}

/** Python's ssl module wording for the certificate problems Node reports by code. */
const TLS_REASONS: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:992)',
  SELF_SIGNED_CERT_IN_CHAIN: '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:992)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:992)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:992)',
  CERT_HAS_EXPIRED: '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:992)',
  ERR_SSL_WRONG_VERSION_NUMBER: '[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:992)',
};

interface AltnameError { code?: string; host?: string; cert?: { subjectaltname?: string; subject?: { CN?: string | string[] } } }

/**
 * urllib3's match_hostname message: the names tried are the certificate's SANs, else its CN. The
 * host is the one checked (an https proxy's, for its own certificate), which Node's error names.
 */
function hostnameMismatch(e: AltnameError, url: string): string {
  let host: string;
  try { host = e.host ?? new URL(url).hostname.replace(/^\[|\]$/g, ''); } catch { host = ''; }
  const sans = (e.cert?.subjectaltname ?? '').split(', ').flatMap((entry) => {
    const m = /^(DNS|IP Address):(.*)$/.exec(entry);
    return m ? [m[2] as string] : [];
  });
  const cn = e.cert?.subject?.CN;
  const names = sans.length > 0 ? sans : cn === undefined ? [] : Array.isArray(cn) ? cn : [cn];
  if (names.length > 1) return `hostname ${strRepr(host)} doesn't match either of ${names.map(strRepr).join(', ')}`;
  if (names.length === 1) return `hostname ${strRepr(host)} doesn't match ${strRepr(names[0] as string)}`;
  return 'no appropriate commonName or subjectAltName fields were found';
}

/** Python's ssl wording for a TLS failure: `[SSL: REASON] reason (_ssl.c:992)`. */
function tlsReason(e: unknown, url: string): string {
  const err = asNodeError(e);
  const message = err.message ?? '';
  if (err.code === 'ERR_TLS_CERT_ALTNAME_INVALID') return hostnameMismatch(e as AltnameError, url);
  if (/wrong version number/i.test(message)) return TLS_REASONS.ERR_SSL_WRONG_VERSION_NUMBER as string;
  const known = TLS_REASONS[err.code ?? ''];
  if (known !== undefined) return known;
  if (TLS_EOF.test(message)) return 'TLS/SSL connection has been closed (EOF) (_ssl.c:992)';
  // OpenSSL's own text inside Node's: `…:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:…`
  const openssl = /error:[0-9A-F]+:SSL routines:[^:]*:([^:]+)/.exec(message);
  if (openssl) {
    const reason = openssl[1] as string;
    return `[SSL: ${reason.toUpperCase().replace(/ /g, '_')}] ${reason} (_ssl.c:992)`;
  }
  return `[SSL] ${message || err.code || 'TLS failure'} (_ssl.c:992)`;
}

export type NetworkFailure = 'connect' | 'connect-timeout' | 'read-timeout' | 'closed' | 'proxy' | 'unhandled' | 'tls' | 'other';

export function classifyNetworkError(e: unknown): NetworkFailure {
  if (e instanceof TransportFailure) return e.kind;
  const err = asNodeError(e);
  const code = err.code ?? '';
  if (TLS_EOF.test(err.message ?? '')) return 'tls';
  // The SDK's handler renames ECONNRESET and EPIPE to TimeoutError; the code tells the truth.
  if (CLOSED.has(code)) return 'closed';
  if (err.name === 'TimeoutError') {
    return /did not establish a connection/.test(err.message ?? '') ? 'connect-timeout' : 'read-timeout';
  }
  // urllib3 makes any OSError of connect() a NewConnectionError: EINVAL is a link-local address
  // whose zone names no interface (or none at all).
  if (CANNOT_CONNECT.has(code) || (code === 'EINVAL' && err.syscall === 'connect')) return 'connect';
  if (code === 'ETIMEDOUT') return 'connect-timeout';
  if (CLOSED.has(code) || /socket hang up/.test(err.message ?? '')) return 'closed';
  if (code in TLS_REASONS || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code === 'EPROTO' || /certificate|wrong version number/i.test(err.message ?? '')) return 'tls';
  return 'other';
}

/** The AWS CLI's message for a failed connection to `url`, with the botocore exception it words. */
export function networkErrorToCliError(e: unknown, url: string): GeneralError {
  const err = asNodeError(e);
  switch (classifyNetworkError(e)) {
    case 'connect': return new GeneralError(`Could not connect to the endpoint URL: "${url}"`, 'EndpointConnectionError');
    case 'connect-timeout': return new GeneralError(`Connect timeout on endpoint URL: "${url}"`, 'ConnectTimeoutError');
    case 'read-timeout': return new GeneralError(`Read timeout on endpoint URL: "${url}"`, 'ReadTimeoutError');
    case 'closed': return new GeneralError(`Connection was closed before we received a valid response from endpoint URL: "${url}".`, 'ConnectionClosedError');
    case 'proxy': return new GeneralError(`Failed to connect to proxy URL: "${e instanceof TransportFailure ? e.proxyUrl ?? '' : ''}"`, 'ProxyConnectionError');
    case 'tls': return new GeneralError(`SSL validation failed for ${url} ${tlsReason(e, url)}`, 'SSLError');
    case 'unhandled': return new GeneralError(`An HTTP Client raised an unhandled exception: ${err.message ?? ''}`, 'HTTPClientError');
    default: return new GeneralError(`An HTTP Client raised an unhandled exception: ${err.message ?? String(e)}`, 'HTTPClientError');
  }
}
