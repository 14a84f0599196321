// Python's repr() of an input value, for "Invalid type for parameter X, value: ..." messages,
// bounded: a YAML document of a few lines can alias one list into billions of elements, which
// Python shares in memory but prints in full (the AWS CLI grows by gigabytes and dies). Past
// REPR_LIMIT characters the repr stops with ReprTooLongError. Recursive values print as
// Python prints them (`[[...]]`, `{'a': {...}}`).
import { bytesRepr, floatRepr, strRepr } from './builtins.js';
import { isPrintable } from './unicode.js';
import { PyDict, PyFloat, PyObject } from './value.js';

/** Far above the repr of anything a 128 KiB document holds without aliases. */
export const REPR_LIMIT = 4 * 1024 * 1024;

export class ReprTooLongError extends Error {
  override readonly name = 'ReprTooLongError';
}

/** Set by the YAML loader: how a key that is not a str prints. */
let keyReprHook: ((key: string) => string | undefined) | undefined;
export function setKeyRepr(hook: (key: string) => string | undefined): void {
  keyReprHook = hook;
}

/** Values longer than this are written piece by piece (the shared repr functions build ropes). */
const LONG = 4096;
const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

class Writer {
  private readonly joined: string[] = [];
  private parts: string[] = [];
  private length = 0;
  private readonly open = new Set<object>();

  constructor(private readonly limit: number) {}

  private put(s: string): void {
    this.length += s.length;
    if (this.length > this.limit) throw new ReprTooLongError();
    this.parts.push(s);
    // Joined a few thousand at a time: millions of tiny pieces would cost more than the text.
    if (this.parts.length >= 4096) { this.joined.push(this.parts.join('')); this.parts = []; }
  }

  text(): string {
    this.joined.push(this.parts.join(''));
    return this.joined.join('');
  }

  /** strRepr of a long str (a file:// value), with the same quote choice and escapes. */
  private longStr(s: string): void {
    const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
    this.put(quote);
    let run = '';
    for (const ch of s) {
      const cp = ch.codePointAt(0) as number;
      let piece: string;
      if (ch === quote || ch === '\\') piece = `\\${ch}`;
      else if (ch === '\t') piece = '\\t';
      else if (ch === '\n') piece = '\\n';
      else if (ch === '\r') piece = '\\r';
      else if (cp < 0x20 || cp === 0x7f) piece = `\\x${hex(cp, 2)}`;
      else if (cp < 0x7f || isPrintable(ch)) piece = ch;
      else if (cp <= 0xff) piece = `\\x${hex(cp, 2)}`;
      else if (cp <= 0xffff) piece = `\\u${hex(cp, 4)}`;
      else piece = `\\U${hex(cp, 8)}`;
      run += piece;
      if (run.length >= LONG) { this.put(run); run = ''; }
    }
    this.put(run + quote);
  }

  /** bytesRepr of long bytes (a fileb:// value). */
  private longBytes(b: Uint8Array): void {
    const quote = b.includes(0x27) && !b.includes(0x22) ? 0x22 : 0x27;
    this.put(`b${String.fromCharCode(quote)}`);
    const pieces: string[] = [];
    for (const c of b) {
      if (c === quote || c === 0x5c) pieces.push(`\\${String.fromCharCode(c)}`);
      else if (c === 0x09) pieces.push('\\t');
      else if (c === 0x0a) pieces.push('\\n');
      else if (c === 0x0d) pieces.push('\\r');
      else if (c < 0x20 || c >= 0x7f) pieces.push(`\\x${hex(c, 2)}`);
      else pieces.push(String.fromCharCode(c));
      if (pieces.length >= LONG) this.put(pieces.splice(0).join(''));
    }
    this.put(pieces.join('') + String.fromCharCode(quote));
  }

  write(v: unknown): void {
    if (v === null || v === undefined) return this.put('None');
    if (typeof v === 'boolean') return this.put(v ? 'True' : 'False');
    if (typeof v === 'bigint') return this.put(v.toString());
    if (typeof v === 'number') return this.put(Number.isInteger(v) && !Object.is(v, -0) ? BigInt(v).toString() : floatRepr(v));
    if (typeof v === 'string') return v.length > LONG ? this.longStr(v) : this.put(strRepr(v));
    if (v instanceof PyFloat) return this.put(floatRepr(v.value));
    if (v instanceof Uint8Array) return v.length > LONG ? this.longBytes(v) : this.put(bytesRepr(v));
    if (v instanceof PyObject) return this.put(v.text?.repr ?? `<${v.qualifiedName} object>`);
    if (Array.isArray(v)) {
      if (this.open.has(v)) return this.put('[...]');
      this.open.add(v);
      this.put('[');
      v.forEach((item, i) => { if (i > 0) this.put(', '); this.write(item); });
      this.put(']');
      this.open.delete(v);
      return;
    }
    if (v instanceof PyDict) {
      if (this.open.has(v)) return this.put('{...}');
      this.open.add(v);
      this.put('{');
      let first = true;
      for (const [k, x] of v) {
        if (!first) this.put(', ');
        first = false;
        this.put(keyReprHook?.(k) ?? strRepr(k));
        this.put(': ');
        this.write(x);
      }
      this.put('}');
      this.open.delete(v);
      return;
    }
    this.put(String(v));
  }
}

/** repr(v), or ReprTooLongError past `limit` characters. */
export function inputRepr(v: unknown, limit = REPR_LIMIT): string {
  const w = new Writer(limit);
  w.write(v);
  return w.text();
}

/** str(v): a str is itself, a datetime its own str, everything else its repr. */
export function inputStr(v: unknown, limit = REPR_LIMIT): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyObject && v.text) return v.text.str;
  return inputRepr(v, limit);
}
