// Temporary credentials with an expiry, refreshed as botocore's RefreshableCredentials refreshes
// them when they are about to be used: within 15 minutes of expiry a refresh is tried (its
// failure ignored), within 10 minutes it is required, and credentials still expired after a
// refresh are an error. Expiry times are read the way dateutil's parser reads ISO 8601.
import { PythonError, pyClassName } from '../python/builtins.js';
import type { Credentials } from './types.js';

const ADVISORY_SECONDS = 15 * 60;
const MANDATORY_SECONDS = 10 * 60;

const ISO = /^\s*(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$/i;

/** dateutil.parser.parse for the forms credential sources print; epoch ms, or a Python error. */
export function parseExpiry(value: unknown): number {
  if (typeof value !== 'string') {
    throw new PythonError('TypeError', `Parser must be a string or character stream, not ${pyClassName(value)}`);
  }
  const m = ISO.exec(value);
  if (!m) throw new PythonError('ParserError', `Unknown string format: ${value}`);
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  // A time without a zone cannot be compared with botocore's aware "now".
  if (zone === undefined) throw new PythonError('TypeError', "can't subtract offset-naive and offset-aware datetimes");
  let offsetMinutes = 0;
  if (/^[+-]/.test(zone)) {
    const digits = zone.replace(':', '');
    offsetMinutes = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0')) * (zone.startsWith('-') ? -1 : 1);
  }
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(`0.${frac || '0'}`) * 1000);
  if (Number.isNaN(ms) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw new PythonError('ParserError', `Unknown string format: ${value}`);
  }
  return ms - offsetMinutes * 60_000;
}

export interface Expiring {
  readonly credentials: Credentials;
  /** Epoch ms; undefined for credentials that do not expire. */
  readonly expiresAt: number | undefined;
}

/** The credentials to sign with now: `current`, or refreshed ones when they are (nearly) expired. */
export async function freshCredentials(current: Expiring, refresh: () => Promise<Expiring>, now: () => number = Date.now): Promise<Credentials> {
  if (current.expiresAt === undefined) return current.credentials;
  const remaining = (current.expiresAt - now()) / 1000;
  if (remaining >= ADVISORY_SECONDS) return current.credentials;
  const mandatory = remaining < MANDATORY_SECONDS;
  let next: Expiring;
  try {
    next = await refresh();
  } catch (e) {
    if (mandatory) throw e;
    return current.credentials;
  }
  if (next.expiresAt !== undefined && next.expiresAt - now() <= 0) {
    throw new PythonError('RuntimeError', 'Credentials were refreshed, but the refreshed credentials are still expired.');
  }
  return next.credentials;
}
