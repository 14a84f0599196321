// Node's socket and TLS failures, worded as botocore words them (its exception texts are what
// scripts and operators know). All of them are retried like botocore's ConnectionError family.
import { GeneralError } from '../errors/errors.js';

const CANNOT_CONNECT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EAI_NONAME', 'EAI_FAIL']);
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

interface NodeLikeError { name?: string; code?: string; message?: string; cause?: unknown }

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

const HANDSHAKE_CLOSED = /before secure TLS connection was established/;

export type NetworkFailure = 'connect' | 'connect-timeout' | 'read-timeout' | 'closed' | 'tls' | 'other';

export function classifyNetworkError(e: unknown): NetworkFailure {
  const err = asNodeError(e);
  const code = err.code ?? '';
  // A peer that hangs up during the TLS handshake (an http server behind an https URL) is an
  // SSL failure to Python, not a closed connection.
  if (HANDSHAKE_CLOSED.test(err.message ?? '')) return 'tls';
  // The SDK's handler renames ECONNRESET and EPIPE to TimeoutError; the code tells the truth.
  if (CLOSED.has(code)) return 'closed';
  if (err.name === 'TimeoutError') {
    return /did not establish a connection/.test(err.message ?? '') ? 'connect-timeout' : 'read-timeout';
  }
  if (CANNOT_CONNECT.has(code)) return 'connect';
  if (code === 'ETIMEDOUT') return 'connect-timeout';
  if (CLOSED.has(code) || /socket hang up/.test(err.message ?? '')) return 'closed';
  if (code in TLS_REASONS || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code === 'EPROTO' || /certificate|wrong version number/i.test(err.message ?? '')) return 'tls';
  return 'other';
}

/** The AWS CLI's message for a failed connection to `url`. */
export function networkErrorToCliError(e: unknown, url: string): GeneralError {
  const err = asNodeError(e);
  switch (classifyNetworkError(e)) {
    case 'connect': return new GeneralError(`Could not connect to the endpoint URL: "${url}"`);
    case 'connect-timeout': return new GeneralError(`Connect timeout on endpoint URL: "${url}"`);
    case 'read-timeout': return new GeneralError(`Read timeout on endpoint URL: "${url}"`);
    case 'closed': return new GeneralError(`Connection was closed before we received a valid response from endpoint URL: "${url}".`);
    case 'tls': {
      const code = /wrong version number/i.test(err.message ?? '') ? 'ERR_SSL_WRONG_VERSION_NUMBER' : err.code ?? '';
      const reason = HANDSHAKE_CLOSED.test(err.message ?? '')
        ? 'TLS/SSL connection has been closed (EOF) (_ssl.c:992)'
        : TLS_REASONS[code] ?? `[SSL] ${err.message ?? code}`;
      return new GeneralError(`SSL validation failed for ${url} ${reason}`);
    }
    default: return new GeneralError(`An HTTP Client raised an unhandled exception: ${err.message ?? String(e)}`);
  }
}
