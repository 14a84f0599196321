// The INI dialect of the AWS config and credentials files, as botocore reads them: Python's
// configparser (RawConfigParser, strict) plus botocore's one level of nested sub-sections. A file
// configparser rejects makes the AWS CLI fail with "Unable to parse config file", so the same
// files must be rejected here: no section header, a line that is not `key = value`, duplicate
// sections or keys, an empty key, bytes that are not UTF-8.

export type IniValue = string | Record<string, string>;
export type IniSections = Map<string, Map<string, IniValue>>;

export class IniParseError extends Error {
  override readonly name = 'IniParseError';
}

const SECTION = /^\[(.+)\]/;
// Python's str.isspace() set: unlike JavaScript's trim(), it keeps U+FEFF (a byte-order mark
// makes the first line no section header) and takes \x1c-\x1f and \x85.
const PY_SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const LEADING = new RegExp(`^${PY_SPACE}+`);
const SPACE_CHAR = new RegExp(`^${PY_SPACE}$`);
const OPTION = new RegExp(`^(.*?)${PY_SPACE}*[=:]${PY_SPACE}*(.*)$`, 's');

export const pyLstrip = (s: string): string => s.replace(LEADING, '');
// A loop, not /\s+$/: that regex retries every run of spaces, quadratic on a long blank-filled value.
export const pyRstrip = (s: string): string => {
  let end = s.length;
  while (end > 0 && SPACE_CHAR.test(s[end - 1] as string)) end--;
  return end === s.length ? s : s.slice(0, end);
};
export const pyStrip = (s: string): string => pyRstrip(pyLstrip(s));

/** `nested: false` is botocore's parse_subsections=False (the alias file): indented blocks stay text. */
export function parseIni(text: string, opts: { nested?: boolean } = {}): IniSections {
  const sections: IniSections = new Map();
  const defaults = new Map<string, string[]>();
  const raw = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  let optionName: string | undefined;
  let indentLevel = 0;
  let failed = false;

  // Lines one at a time, not text.split(): an array of every line costs more than the file.
  const LINE_END = /\r\n|\n|\r/g;
  let pos = 0;
  while (pos < text.length) {
    LINE_END.lastIndex = pos;
    const m = LINE_END.exec(text);
    const line = text.slice(pos, m ? m.index : text.length);
    pos = m ? m.index + m[0].length : text.length;
    const stripped = pyStrip(line);
    const isComment = stripped.startsWith('#') || stripped.startsWith(';');
    const value = isComment ? '' : stripped;
    if (value === '') {
      // configparser keeps blank lines inside multi-line values (trimmed at the end).
      if (!isComment && current && optionName !== undefined) current.get(optionName)?.push('');
      continue;
    }
    const indent = line.length - pyLstrip(line).length;
    if (current && optionName !== undefined && indent > indentLevel) {
      current.get(optionName)?.push(value);
      continue;
    }
    indentLevel = indent;
    const header = SECTION.exec(value);
    if (header) {
      const name = header[1] as string;
      if (name === 'DEFAULT') {
        current = defaults;
      } else if (raw.has(name)) {
        throw new IniParseError(`duplicate section ${name}`);
      } else {
        current = new Map();
        raw.set(name, current);
      }
      optionName = undefined;
      continue;
    }
    if (!current) throw new IniParseError('file contains no section headers');
    const opt = OPTION.exec(value);
    if (!opt || (opt[1] as string) === '') {
      // configparser records the bad line, keeps reading, and raises at the end.
      failed = true;
      optionName = undefined;
      continue;
    }
    const key = pyRstrip(opt[1] as string).toLowerCase();
    // A section cannot be entered twice (except DEFAULT, whose map holds all its blocks' keys),
    // so the current map alone tells a duplicate key, as configparser's elements_added does.
    if (current.has(key)) throw new IniParseError(`duplicate option ${key}`);
    current.set(key, [pyStrip(opt[2] as string)]);
    optionName = key;
  }
  if (failed) throw new IniParseError('source contains parsing errors');

  const join = (parts: string[]): string => pyRstrip(parts.join('\n'));
  for (const [name, options] of raw) {
    // Thousands of empty sections share one empty map (sections are only read).
    if (options.size === 0 && defaults.size === 0) {
      sections.set(name, EMPTY);
      continue;
    }
    const out = new Map<string, IniValue>();
    for (const [k, v] of defaults) out.set(k, join(v));
    for (const [k, v] of options) out.set(k, join(v));
    for (const [k, v] of out) {
      if (opts.nested !== false && typeof v === 'string' && v.startsWith('\n')) out.set(k, parseNested(v));
    }
    sections.set(name, out);
  }
  return sections;
}

const EMPTY: Map<string, IniValue> = new Map();

function parseNested(value: string): Record<string, string> {
  const nested: Record<string, string> = {};
  for (const line of value.split('\n')) {
    if (pyStrip(line) === '') continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw new IniParseError('nested value without =');
    nested[pyStrip(line.slice(0, eq))] = pyStrip(line.slice(eq + 1));
  }
  return nested;
}
