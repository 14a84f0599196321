// What a server sends must not drive the user's terminal: an error message with ESC sequences
// could recolor, retitle or rewrite the screen (or a CI log viewer). The AWS CLI prints service
// messages raw; cogsignout shows every control character except newline and tab as a Python
// escape (`\x1b`, `\r`, `\x9b`), which reads the same in a log and cannot act on a terminal.

import { PyDict, type PyValue } from '../python/value.js';

// C0 controls but \t and \n, DEL, and the C1 controls (U+0080–U+009F, CSI among them).
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

const escape = (c: string): string => {
  if (c === '\r') return '\\r';
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
};

export function escapeControlChars(text: string): string {
  return text.replace(CONTROL, escape);
}

/** For JSON text: the same characters as \u escapes (the document's value is unchanged). */
export function escapeControlCharsInJson(json: string): string {
  return json.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A value with every string in it (dict keys too) escaped, for the text and table layouts. */
export function escapeControlCharsDeep(v: PyValue): PyValue {
  if (typeof v === 'string') return escapeControlChars(v);
  if (Array.isArray(v)) return v.map(escapeControlCharsDeep);
  if (v instanceof PyDict) return new PyDict([...v.entries()].map(([k, x]) => [escapeControlChars(k), escapeControlCharsDeep(x)] as const));
  return v;
}
