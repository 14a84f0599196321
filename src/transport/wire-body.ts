// The request body exactly as botocore writes it: Python's json.dumps with its default
// separators (", " and ": ") and ASCII escaping, keys in the order the parameters were merged.
// The service accepts the SDK's compact body too, but byte-level comparisons with the AWS CLI
// (and anyone diffing captured traffic) see the difference.

function escapeString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i] as string;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** json.dumps of a flat object of strings (the only shape this operation's input has). */
export function pythonJsonDumps(params: Readonly<Record<string, string>>): string {
  return `{${Object.entries(params).map(([k, v]) => `${escapeString(k)}: ${escapeString(v)}`).join(', ')}}`;
}
