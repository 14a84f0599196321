// Python's repr() of an input value, for "Invalid type for parameter X, value: ..." messages,
// bounded: a YAML document of a few lines can alias one list into billions of elements, which
// Python shares in memory but prints in full (the AWS CLI grows by gigabytes and dies). Past
// REPR_LIMIT characters the repr stops with ReprTooLongError. Recursive values print as
// Python prints them (`[[...]]`, `{'a': {...}}`).
import { bytesRepr, floatRepr, strRepr } from '../output/python.js';
import { PyDict, PyFloat, PyObject } from '../output/value.js';

/** Far above the repr of anything a 256 KiB document holds without aliases. */
export const REPR_LIMIT = 4 * 1024 * 1024;

export class ReprTooLongError extends Error {
  override readonly name = 'ReprTooLongError';
}

/** Set by the YAML loader: how a key that is not a str prints. */
let keyReprHook: ((key: string) => string | undefined) | undefined;
export function setKeyRepr(hook: (key: string) => string | undefined): void {
  keyReprHook = hook;
}

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

  write(v: unknown): void {
    if (v === null || v === undefined) return this.put('None');
    if (typeof v === 'boolean') return this.put(v ? 'True' : 'False');
    if (typeof v === 'bigint') return this.put(v.toString());
    if (typeof v === 'number') return this.put(Number.isInteger(v) && !Object.is(v, -0) ? BigInt(v).toString() : floatRepr(v));
    if (typeof v === 'string') return this.put(strRepr(v));
    if (v instanceof PyFloat) return this.put(floatRepr(v.value));
    if (v instanceof Uint8Array) return this.put(bytesRepr(v));
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
