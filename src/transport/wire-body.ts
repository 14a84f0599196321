// The request body exactly as botocore writes it: Python's json.dumps with its default
// separators (", " and ": ") and ASCII escaping, keys in the order the parameters were merged.
// The service accepts the SDK's compact body too, but byte-level comparisons with the AWS CLI
// (and anyone diffing captured traffic) see the difference.
import { dumpJson } from '../python/json-dump.js';
import type { PyValue } from '../python/value.js';

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function escapeString(s: string): string {
  // Runs of plain characters are copied as slices, and pieces are joined a few thousand at a
  // time: appending one character at a time builds a rope of millions of pieces for a
  // multi-megabyte value (a file:// username), tens of bytes apiece.
  const joined: string[] = [];
  let parts: string[] = ['"'];
  const push = (piece: string): void => {
    parts.push(piece);
    if (parts.length >= 4096) { joined.push(parts.join('')); parts = []; }
  };
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) continue;
    if (i > start) push(s.slice(start, i));
    const ch = s[i] as string;
    push(SHORT_ESCAPES[ch] ?? `\\u${c.toString(16).padStart(4, '0')}`);
    start = i + 1;
  }
  if (s.length > start) push(s.slice(start));
  push('"');
  joined.push(parts.join(''));
  return joined.join('');
}

/**
 * json.dumps of the operation's input: strings (what validation lets through); any other JSON or
 * YAML value only when parameter validation is off (`parameter_validation = false`), as the
 * value model writes it (checked serializable first: see validate.ts).
 */
export function pythonJsonDumps(params: Readonly<Record<string, unknown>>): string {
  const value = (v: unknown): string => (typeof v === 'string' ? escapeString(v) : dumpJson(v as PyValue, { ensureAscii: true }));
  return `{${Object.entries(params).map(([k, v]) => `${escapeString(k)}: ${value(v)}`).join(', ')}}`;
}
