// Python's json.dumps() of the value model, with the options the AWS CLI and jmespath.py use:
// the output formatter (indent=4, ensure_ascii=False) and to_string() (compact separators,
// ensure_ascii=True, default=str).
import { floatRepr, PythonError, pyStr } from './builtins.js';
import { PyDict, PyFloat, PyObject, isContainer, type PyValue } from './value.js';

export interface JsonDumpOptions {
  /** Spaces per level; undefined for a single line. */
  readonly indent?: number;
  readonly ensureAscii: boolean;
  /** [item, key] separators; Python's default is [', ', ': '] and [',', ': '] with an indent. */
  readonly separators?: readonly [string, string];
  /** Serialize unknown objects as str(obj) (json.dumps(default=str)); otherwise a TypeError. */
  readonly defaultStr?: boolean;
  /**
   * The AWS CLI's json_encoder (awscli/utils.py) as `default`: it knows datetimes and bytes, which
   * never reach this command's output, and rejects anything else in its own words.
   */
  readonly awscliEncoder?: boolean;
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
  const out: string[] = [];
  writeJsonValue(value, options, out);
  return out.join('');
}

/**
 * json.dump(value, stream, ...) as the pieces it writes: with an indent, Python's pure encoder
 * yields a separator and a scalar together, a key, `: ` and a container's brackets apart. On a
 * TypeError what came before has been written.
 */
export function writeJsonValue(value: PyValue, options: JsonDumpOptions, out: string[]): void {
  const { indent, ensureAscii, defaultStr } = options;
  const [itemSep, keySep] = options.separators ?? (indent === undefined ? [', ', ': '] : [',', ': ']);
  const newline = (level: number): string => (indent === undefined ? '' : `\n${' '.repeat(indent * level)}`);

  const scalar = (v: PyValue): string | undefined => {
    if (v === null) return 'null';
    if (v === true) return 'true';
    if (v === false) return 'false';
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'string') return jsonString(v, ensureAscii);
    if (v instanceof PyFloat) return floatJson(v.value);
    if (v instanceof PyObject) {
      if (defaultStr) return jsonString(pyStr(v), ensureAscii);
      if (options.awscliEncoder === true) throw new PythonError('TypeError', 'Encountered unrecognized type in JSON encoder.');
      throw new PythonError('TypeError', `Object of type ${v.className} is not JSON serializable`);
    }
    return undefined;
  };

  const emit = (v: PyValue, level: number): void => {
    const text = scalar(v);
    if (text !== undefined) out.push(text);
    else if (Array.isArray(v)) {
      if (v.length === 0) {
        out.push('[]');
        return;
      }
      let buf = `[${newline(level + 1)}`;
      v.forEach((item, i) => {
        if (i > 0) buf = itemSep + newline(level + 1);
        const itemText = isContainer(item) || item instanceof PyObject ? undefined : scalar(item);
        if (itemText !== undefined) out.push(buf + itemText);
        else {
          out.push(buf);
          emit(item, level + 1);
        }
      });
      if (indent !== undefined) out.push(newline(level));
      out.push(']');
    } else {
      const d = v as PyDict;
      if (d.size === 0) {
        out.push('{}');
        return;
      }
      out.push('{');
      if (indent !== undefined) out.push(newline(level + 1));
      let first = true;
      for (const [k, item] of d) {
        if (!first) out.push(itemSep + newline(level + 1));
        first = false;
        out.push(jsonString(k, ensureAscii), keySep);
        emit(item, level + 1);
      }
      if (indent !== undefined) out.push(newline(level));
      out.push('}');
    }
  };

  emit(value, 0);
}
