// `--output json`: json.dump(indent=4, ensure_ascii=False) plus a newline, except that the exact
// value {} (what most commands, this one included, return) prints nothing at all.
import { dumpJson } from './json-dump.js';
import { PyDict, type PyValue } from './value.js';

export function formatJson(value: PyValue): string {
  if (value instanceof PyDict && value.size === 0) return '';
  return `${dumpJson(value, { indent: 4, ensureAscii: false })}\n`;
}
