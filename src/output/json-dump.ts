// Python's json.dumps() of the value model, with the options the AWS CLI and jmespath.py use:
// the output formatter (indent=4, ensure_ascii=False) and to_string() (compact separators,
// ensure_ascii=True, default=str).
import { floatRepr, PythonError, pyStr } from './python.js';
import { PyDict, PyFloat, PyObject, type PyValue } from './value.js';

export interface JsonDumpOptions {
  /** Spaces per level; undefined for a single line. */
  readonly indent?: number;
  readonly ensureAscii: boolean;
  /** [item, key] separators; Python's default is [', ', ': '] and [',', ': '] with an indent. */
  readonly separators?: readonly [string, string];
  /** Serialize unknown objects as str(obj) (json.dumps(default=str)); otherwise a TypeError. */
  readonly defaultStr?: boolean;
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A JSON string literal as Python's encoder writes it. */
export function jsonString(s: string, ensureAscii: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const code = s.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (code < 0x20) out += `\\u${hex4(code)}`;
    // With ensure_ascii every non-ASCII UTF-16 unit is escaped, which is exactly how Python
    // escapes astral characters (as a surrogate pair).
    else if (ensureAscii && code > 0x7e) out += `\\u${hex4(code)}`;
    else out += ch;
  }
  return `${out}"`;
}

function floatJson(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return floatRepr(x);
}

/** json.dumps(value, ...). */
export function dumpJson(value: PyValue, options: JsonDumpOptions): string {
  const { indent, ensureAscii, defaultStr } = options;
  const [itemSep, keySep] = options.separators ?? (indent === undefined ? [', ', ': '] : [',', ': ']);
  const out: string[] = [];

  const newline = (level: number): string => (indent === undefined ? '' : `\n${' '.repeat(indent * level)}`);

  const emit = (v: PyValue, level: number): void => {
    if (v === null) out.push('null');
    else if (v === true) out.push('true');
    else if (v === false) out.push('false');
    else if (typeof v === 'bigint') out.push(v.toString());
    else if (typeof v === 'string') out.push(jsonString(v, ensureAscii));
    else if (v instanceof PyFloat) out.push(floatJson(v.value));
    else if (Array.isArray(v)) {
      if (v.length === 0) {
        out.push('[]');
        return;
      }
      out.push('[');
      v.forEach((item, i) => {
        if (i > 0) out.push(itemSep);
        out.push(newline(level + 1));
        emit(item, level + 1);
      });
      out.push(newline(level), ']');
    } else if (v instanceof PyDict) {
      if (v.size === 0) {
        out.push('{}');
        return;
      }
      out.push('{');
      let first = true;
      for (const [k, item] of v) {
        if (!first) out.push(itemSep);
        first = false;
        out.push(newline(level + 1), jsonString(k, ensureAscii), keySep);
        emit(item, level + 1);
      }
      out.push(newline(level), '}');
    } else if (v instanceof PyObject && defaultStr) {
      out.push(jsonString(pyStr(v), ensureAscii));
    } else {
      throw new PythonError('TypeError', `Object of type ${v.className} is not JSON serializable`);
    }
  };

  emit(value, 0);
  return out.join('');
}
