// `--output json`: json.dump(indent=4, ensure_ascii=False) plus a newline, except that the exact
// value {} (what most commands, this one included, return) prints nothing at all.
import { writeJsonValue } from '../python/json-dump.js';
import { collect } from './stream.js';
import { PyDict, type PyValue } from '../python/value.js';

export function formatJson(value: PyValue): string {
  const { chunks, error } = collect((out) => writeJson(value, out));
  if (error) throw error;
  return chunks.join('');
}

/** The pieces json.dump writes, then the newline (a write of its own). */
export function writeJson(value: PyValue, out: string[]): void {
  if (value instanceof PyDict && value.size === 0) return;
  writeJsonValue(value, { indent: 4, ensureAscii: false, awscliEncoder: true }, out);
  out.push('\n');
}
