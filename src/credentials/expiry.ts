// Temporary credentials with an expiry, refreshed as botocore's RefreshableCredentials refreshes
// them when they are about to be used: within 15 minutes of expiry a refresh is tried (its
// failure ignored), within 10 minutes it is required, and credentials still expired after a
// refresh are an error. Expiry times are read the way dateutil's parser reads the forms a source may print.
import { PythonError, pyClassName } from '../python/builtins.js';
import type { Credentials } from './types.js';

const ADVISORY_SECONDS = 15 * 60;
const MANDATORY_SECONDS = 10 * 60;

// dateutil's UTC names are case-sensitive ('utc' is not a zone); an offset needs a time before it.
const ZONE = String.raw`(Z|z|UTC|GMT|[+-](?:\d{4}|\d{1,2}(?::\d{1,2})?))`;
const TIME = String.raw`(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-?(\d{2})-?(\d{2})(?:[Tt ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*${ZONE}?$`);
/** 2999-1-1, 2999/01/01, 2999.01.01, with an hour alone or h:m[:s] after T or spaces. */
const SEPARATED = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:\s*[Tt ]\s*(\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?)?)?\s*${ZONE}?$`);
/** 01/13/2999: month first, unless the first number cannot be a month. */
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+${TIME})?\s*${ZONE}?$`);
/** Tue, 01 Jan 2999 00:00:00 GMT (RFC 1123), 01-Jan-2999 00:00 GMT. */
const DAY_MONTH = new RegExp(String.raw`^(?:([A-Za-z]+),?\s+)?(\d{1,2})(?:\s+|-)([A-Za-z]+)(?:\s+|-)(\d{4}),?(?:\s+${TIME}\s*${ZONE}?)?$`);
/** Jan 1 2999 00:00 UTC, Tuesday, January 1, 2999, 00:00 UTC. */
const MONTH_DAY = new RegExp(String.raw`^(?:([A-Za-z]+),?\s+)?([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4}),?(?:\s+${TIME}\s*${ZONE}?)?$`);
/** 2999 Jan 01 00:00 UTC. */
const YEAR_MONTH = new RegExp(String.raw`^(\d{4})\s+([A-Za-z]+)\s+(\d{1,2}),?(?:\s+${TIME}\s*${ZONE}?)?$`);

const MONTHS = ['jan january', 'feb february', 'mar march', 'apr april', 'may', 'jun june', 'jul july', 'aug august',
  'sep sept september', 'oct october', 'nov november', 'dec december'].map((names) => names.split(' '));
const WEEKDAYS = new Set('mon monday tue tuesday wed wednesday thu thursday fri friday sat saturday sun sunday'.split(' '));

/** dateutil's month number for a name (any case), or undefined. */
function monthNumber(name: string | undefined): string | undefined {
  const i = MONTHS.findIndex((names) => names.includes((name ?? '').toLowerCase()));
  return i < 0 ? undefined : String(i + 1);
}

interface Fields {
  readonly y: string; readonly mo: string; readonly d: string;
  readonly h?: string; readonly mi?: string; readonly s?: string; readonly frac?: string; readonly zone?: string;
}

/** The fields of the forms dateutil reads that credential sources may print, or undefined. */
function dateFields(text: string): Fields | undefined {
  const iso = ISO.exec(text) ?? SEPARATED.exec(text);
  if (iso) {
    // SEPARATED's second group is the separator.
    const [y = '', mo = '', d = '', h, mi, s, frac, zone] = [iso[1], ...iso.slice(iso.length === 10 ? 3 : 2)];
    // A zone after a date alone is a word dateutil does not know.
    if (zone !== undefined && h === undefined) return undefined;
    return { y, mo, d, h, mi, s, frac, zone };
  }
  const slashed = SLASHED.exec(text);
  if (slashed) {
    const [, a = '', b = '', y = '', h, mi, s, frac, zone] = slashed;
    if (zone !== undefined && h === undefined) return undefined;
    const [mo, d] = Number(a) > 12 ? [b, a] : [a, b];
    return { y, mo, d, h, mi, s, frac, zone };
  }
  const named = DAY_MONTH.exec(text);
  if (named) {
    const [, weekday, d = '', month, y = '', h, mi, s, frac, zone] = named;
    const mo = monthNumber(month);
    if (mo === undefined || (weekday !== undefined && !WEEKDAYS.has(weekday.toLowerCase()))) return undefined;
    return { y, mo, d, h, mi, s, frac, zone };
  }
  const monthFirst = MONTH_DAY.exec(text);
  if (monthFirst) {
    const [, weekday, month, d = '', y = '', h, mi, s, frac, zone] = monthFirst;
    const mo = monthNumber(month);
    if (mo === undefined || (weekday !== undefined && !WEEKDAYS.has(weekday.toLowerCase()))) return undefined;
    return { y, mo, d, h, mi, s, frac, zone };
  }
  const yearFirst = YEAR_MONTH.exec(text);
  if (yearFirst) {
    const [, y = '', month, d = '', h, mi, s, frac, zone] = yearFirst;
    const mo = monthNumber(month);
    return mo === undefined ? undefined : { y, mo, d, h, mi, s, frac, zone };
  }
  return undefined;
}
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

/** Two-digit years as dateutil completes them: the one within 50 years of this year. */
function fullYear(yy: number): number {
  const now = new Date().getFullYear();
  let year = yy + now - (now % 100);
  if (year >= now + 50) year -= 100;
  else if (year < now - 50) year += 100;
  return year;
}

/** YYMMDD, or DDMMYY / MMDDYY when the first pair cannot be a year or a month (resolve_ymd). */
function sixDigits(value: string, digits: string): never {
  const [a, b, c] = [0, 2, 4].map((i) => Number(digits.slice(i, i + 2))) as [number, number, number];
  const [yy, mo, d] = a > 31 ? [a, b, c] : a > 12 ? [c, b, a] : [c, a, b];
  checkFields(value, fullYear(yy), mo, d, 0, 0, 0);
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
  if (/^\d{6}$/.test(trimmed)) sixDigits(value, trimmed);
  // A decimal alone is the same number, its fraction dropped (dateutil's int(value)).
  const lone = /^(\d+)(?:\.\d*)?$/.exec(trimmed);
  if (lone) loneNumber(value, lone[1] ?? '');
  const m = dateFields(trimmed);
  if (!m) throw new PythonError('ParserError', `Unknown string format: ${value}`);
  const { y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone } = m;
  checkFields(value, Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s));
  // A time without a zone cannot be compared with botocore's aware "now".
  if (zone === undefined) throw new PythonError('TypeError', NAIVE);
  let offsetMinutes = 0;
  if (zone.startsWith('+') || zone.startsWith('-')) {
    // +HHMM, +HH:MM or +H[H]: dateutil reads four digits as hours and minutes.
    const body = zone.slice(1);
    const [hours = '0', minutes = '0'] = body.includes(':') ? body.split(':') : body.length === 4 ? [body.slice(0, 2), body.slice(2)] : [body];
    offsetMinutes = (Number(hours) * 60 + Number(minutes)) * (zone.startsWith('-') ? -1 : 1);
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
