// Temporary credentials with an expiry, refreshed as botocore's RefreshableCredentials refreshes
// them when they are about to be used: within 15 minutes of expiry a refresh is tried (its
// failure ignored), within 10 minutes it is required, and credentials still expired after a
// refresh are an error. Expiry times are read the way dateutil's parser reads ISO 8601.
import { PythonError, pyClassName } from '../python/builtins.js';
import type { Credentials } from './types.js';

const ADVISORY_SECONDS = 15 * 60;
const MANDATORY_SECONDS = 10 * 60;

const ISO = /^\s*(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$/i;
/** YYYYMMDD, YYYYMMDDhhmm, YYYYMMDDhhmmss: dateutil splits one run of 8, 12 or 14 digits so. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/;

const NAIVE = "can't subtract offset-naive and offset-aware datetimes";
const C_INT_MAX = 2n ** 31n - 1n;
const C_LONG_MAX = 2n ** 63n - 1n;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** datetime.replace's checks, in its order, as dateutil reports them (`<reason>: <input>`). */
function checkFields(value: string, y: number, mo: number, d: number, h: number, mi: number, s: number): void {
  const fail = (reason: string): never => { throw new PythonError('ParserError', `${reason}: ${value}`); };
  if (y < 1 || y > 9999) fail(`year ${y} is out of range`);
  if (mo < 1 || mo > 12) fail('month must be in 1..12');
  if (d < 1 || d > daysIn(y, mo)) fail('day is out of range for month');
  if (h > 23) fail('hour must be in 0..23');
  if (mi > 59) fail('minute must be in 0..59');
  if (s > 59) fail('second must be in 0..59');
}

/**
 * One number alone (not 6, 8, 12 or 14 digits): dateutil takes it for a day of the current
 * month up to 31, a year above, and a year past datetime's range fails as large ints do in C.
 */
function loneNumber(value: string, digits: string): never {
  const n = BigInt(digits);
  if (n > 31n) {
    if (n <= 9999n) throw new PythonError('TypeError', NAIVE);
    if (n <= C_INT_MAX) throw new PythonError('ParserError', `year ${n} is out of range: ${value}`);
    throw new PythonError('OverflowError', n <= C_LONG_MAX ? 'signed integer is greater than maximum' : 'Python int too large to convert to C long');
  }
  // The default is today (local time); the process runs with the machine's zone.
  const today = new Date();
  if (n === 0n || Number(n) > daysIn(today.getFullYear(), today.getMonth() + 1)) {
    throw new PythonError('ParserError', `day is out of range for month: ${value}`);
  }
  throw new PythonError('TypeError', NAIVE);
}

/** dateutil.parser.parse for the forms credential sources print; epoch ms, or a Python error. */
export function parseExpiry(value: unknown): number {
  if (typeof value !== 'string') {
    throw new PythonError('TypeError', `Parser must be a string or character stream, not ${pyClassName(value)}`);
  }
  const trimmed = value.trim();
  if (trimmed === '') throw new PythonError('ParserError', `String does not contain a date: ${value}`);
  const compact = COMPACT.exec(trimmed);
  if (compact) {
    const [, y, mo, d, h = '00', mi = '00', s = '00'] = compact;
    checkFields(value, Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s));
    throw new PythonError('TypeError', NAIVE);
  }
  if (/^\d+$/.test(trimmed) && trimmed.length !== 6) loneNumber(value, trimmed);
  const m = ISO.exec(value);
  if (!m) throw new PythonError('ParserError', `Unknown string format: ${value}`);
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  checkFields(value, Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s));
  // A time without a zone cannot be compared with botocore's aware "now".
  if (zone === undefined) throw new PythonError('TypeError', NAIVE);
  let offsetMinutes = 0;
  if (/^[+-]/.test(zone)) {
    const digits = zone.replace(':', '');
    offsetMinutes = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0')) * (zone.startsWith('-') ? -1 : 1);
  }
  if (Math.abs(offsetMinutes) >= 24 * 60) {
    throw new PythonError('ValueError', 'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).');
  }
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(`0.${frac || '0'}`) * 1000) - offsetMinutes * 60_000;
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
