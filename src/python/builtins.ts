// Python's spellings of values, for messages and output that the AWS CLI builds with str(),
// repr() and type(). Accepts the output value model and also plain JS values (numbers are
// ints when integral, Uint8Array/Buffer are bytes, Map and plain objects are dicts).
import { GeneralError } from '../errors/errors.js';
import { isPrintable } from './unicode.js';
import { PyDict, PyFloat, PyObject } from './value.js';

/**
 * A Python exception that reaches the AWS CLI's last-resort handler: exit 255 and
 * `aws: [ERROR]: <str(exception)>`. `pyType` is the Python class name, for tests and --debug.
 */
export class PythonError extends GeneralError {
  constructor(
    readonly pyType: string,
    message: string,
  ) {
    super(message);
  }
}

/** repr() of a float: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // toExponential() without an argument yields the shortest digits that round-trip, the same
  // digit string Python's repr() is built from; only the layout differs.
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(x.toExponential());
  if (!m) return String(x);
  const sign = m[1] as string;
  const digits = (m[2] as string) + (m[3] ?? '');
  const exp = Number(m[4]);
  if (exp < -4 || exp >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** repr() of a str: quote choice and escapes as CPython does them. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x7f) out += ch;
    else if (isPrintable(ch)) out += ch;
    else if (cp <= 0xff) out += `\\x${hex(cp, 2)}`;
    else if (cp <= 0xffff) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return out + quote;
}

/** repr() of bytes. */
export function bytesRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 0x27) hasSingle = true;
    if (c === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 0x22 : 0x27;
  let out = `b${String.fromCharCode(quote)}`;
  for (const c of b) {
    if (c === quote || c === 0x5c) out += `\\${String.fromCharCode(c)}`;
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += `\\x${hex(c, 2)}`;
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(quote);
}

// Python shows an object's id(); the value only has to look like one (the conformance
// comparison masks memory addresses), but it stays stable per object.
const addresses = new WeakMap<object, string>();
let nextAddress = 0x7f3a5c1e2d90;

export function objectAddress(o: object): string {
  let a = addresses.get(o);
  if (a === undefined) {
    a = `0x${nextAddress.toString(16)}`;
    nextAddress += 0x60;
    addresses.set(o, a);
  }
  return a;
}

/** The Python class name (type(v).__name__) of a value. */
export function pyClassName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return Number.isInteger(v) && !Object.is(v, -0) ? 'int' : 'float';
  if (typeof v === 'string') return 'str';
  if (v instanceof PyFloat) return 'float';
  if (v instanceof PyObject) return v.className;
  if (v instanceof Uint8Array) return 'bytes';
  if (Array.isArray(v)) return 'list';
  return 'dict';
}

/** str(type(v)): `<class 'int'>`, `<class 'NoneType'>`, `<class 'bytes'>`, … */
export function pyTypeName(v: unknown): string {
  const name = v instanceof PyObject ? v.qualifiedName : pyClassName(v);
  return `<class '${name}'>`;
}

function dictEntries(v: object): Array<[string, unknown]> {
  if (v instanceof PyDict) return [...v.entries()];
  if (v instanceof Map) return [...v.entries()].map(([k, x]) => [String(k), x]);
  return Object.entries(v as Record<string, unknown>);
}

/** repr(v). */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isInteger(v) && !Object.is(v, -0) ? BigInt(v).toString() : floatRepr(v);
  if (typeof v === 'string') return strRepr(v);
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (v instanceof PyObject) return v.text?.repr ?? `<${v.qualifiedName} object at ${objectAddress(v)}>`;
  if (v instanceof Uint8Array) return bytesRepr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (typeof v === 'object') return `{${dictEntries(v).map(([k, x]) => `${strRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  return String(v);
}

/** str(v): a str is itself, everything else is its repr. */
export function pyStr(v: unknown): string {
  if (v instanceof PyObject && v.text) return v.text.str;
  return typeof v === 'string' ? v : pyRepr(v);
}
