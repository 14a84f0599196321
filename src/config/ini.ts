// The INI dialect of the AWS config and credentials files, as botocore reads them: Python's
// configparser (RawConfigParser, strict) plus botocore's one level of nested sub-sections. A file
// configparser rejects makes the AWS CLI fail with "Unable to parse config file", so the same
// files must be rejected here: no section header, a line that is not `key = value`, duplicate
// sections or keys, an empty key, bytes that are not UTF-8.
//
// A file may be 1 MiB of tiny sections, or of [DEFAULT] keys that apply to every section: built
// as one Map per section (as configparser builds its dicts) that cost hundreds of MiB. So the
// whole file is checked when read, but a section's values are built only when it is looked up,
// from its lines in the text, and [DEFAULT]'s are kept once, not copied into every section.
import { MapView } from './views.js';
import { byHash, firstOfHash, hasDuplicate, hashOf, hashRange, IniParseError, IntList, isPyLineBreak, isPySpace, keyHash, nestedLineOk, scan } from './ini-scan.js';

export { IniParseError } from './ini-scan.js';

export type IniValue = string | Record<string, string>;
export type IniSection = ReadonlyMap<string, IniValue>;
export type IniSections = ReadonlyMap<string, IniSection>;

// Python's str.isspace() set: unlike JavaScript's trim(), it keeps U+FEFF (a byte-order mark
// makes the first line no section header) and takes \x1c-\x1f and \x85.
const PY_SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const LEADING = new RegExp(`^${PY_SPACE}+`);
const SPACE_CHAR = new RegExp(`^${PY_SPACE}$`);

export const pyLstrip = (s: string): string => s.replace(LEADING, '');
// A loop, not /\s+$/: that regex retries every run of spaces, quadratic on a long blank-filled value.
export const pyRstrip = (s: string): string => {
  let end = s.length;
  while (end > 0 && SPACE_CHAR.test(s[end - 1] as string)) end--;
  return end === s.length ? s : s.slice(0, end);
};
export const pyStrip = (s: string): string => pyRstrip(pyLstrip(s));

const join = (parts: readonly string[]): string => pyRstrip(parts.length === 1 ? parts[0] as string : parts.join('\n'));

/** One section: its own keys (each value read from the text when first asked for), then [DEFAULT]'s. */
class Section extends MapView<string, IniValue> {
  private asked: Map<string, IniValue> | undefined;

  constructor(private readonly file: IniFile, private readonly index: number) {
    super();
  }

  get(key: string): IniValue | undefined {
    const known = this.asked?.get(key);
    if (known !== undefined) return known;
    const at = this.file.keyIndex(this.index, key);
    if (at < 0) return this.file.defaultValue(key);
    const value = this.file.valueAt(at);
    (this.asked ??= new Map()).set(key, value);
    return value;
  }

  has(key: string): boolean {
    return this.file.keyIndex(this.index, key) >= 0 || this.file.defaultIndex(key) >= 0;
  }

  // configparser's options(): the section's own keys, then the defaults it does not override.
  *entries(): MapIterator<[string, IniValue]> {
    const own = new Set<string>();
    for (const at of this.file.keyRange(this.index)) {
      const key = this.file.keyAt(at);
      own.add(key);
      yield [key, this.file.valueAt(at)];
    }
    for (const [key, value] of this.file.defaultEntries()) if (!own.has(key)) yield [key, value];
  }
}

const noop = (): void => {};

/**
 * A parsed file: its text, where each section and key is, and [DEFAULT]'s values. Every error
 * configparser and botocore raise is found when the file is read; a value is built only when
 * it is asked for.
 */
export class IniFile extends MapView<string, IniSection> {
  /** Per section: where its name starts and ends, and its first key. */
  private readonly sections: IntList;
  private readonly nameHashes: IntList;
  /** Per key of every section (not [DEFAULT]'s), in file order: its hash and its line. */
  private readonly keyHashes: IntList;
  private readonly keyLines: IntList;
  /** [DEFAULT]'s keys, all its blocks together: their hashes and lines. */
  private readonly defaultHashes = new IntList(16);
  private readonly defaultLines = new IntList(16);
  private readonly askedDefaults = new Map<string, IniValue>();
  private readonly order: Int32Array;
  private readonly kept = new Map<string, Section>();

  constructor(readonly text: string, private readonly nested: boolean) {
    super();
    // A header has a '[' and takes 4 bytes at least; an option has a '=' or ':' and 3 bytes.
    let brackets = 0;
    let delims = 0;
    for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) brackets++;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 61 || c === 58) delims++;
    }
    const sectionCap = Math.min(brackets, Math.ceil(text.length / 4));
    const keyCap = Math.min(delims, Math.ceil(text.length / 3));
    this.sections = new IntList(3 * sectionCap);
    this.nameHashes = new IntList(sectionCap);
    this.keyHashes = new IntList(keyCap);
    this.keyLines = new IntList(keyCap);
    let inDefault = false;
    let open = false;
    let nestedCandidate = false;
    let nestedBroken = false;
    // [DEFAULT] keys whose value is no valid nested block (by index).
    const broken: number[] = [];
    let failed = false;
    const keyName = (at: number): string => this.keyAt(at);
    const close = (): void => {
      if (!open) return;
      open = false;
      // A section cannot be entered twice, so its own keys alone tell a duplicate.
      if (hasDuplicate(this.keyHashes, this.sections.at(3 * (this.count - 1) + 2), this.keyHashes.length, keyName)) {
        throw new IniParseError('duplicate option');
      }
    };
    scan(text, 0, text.length, false, {
      header: (nameStart, nameEnd) => {
        close();
        nestedCandidate = false;
        if (nameEnd - nameStart === 7 && text.startsWith('DEFAULT', nameStart)) {
          inDefault = true;
          return;
        }
        inDefault = false;
        open = true;
        this.sections.push(nameStart);
        this.sections.push(nameEnd);
        this.sections.push(this.keyHashes.length);
        this.nameHashes.push(hashRange(text, nameStart, nameEnd));
      },
      option: (lineStart, keyStart, keyEnd, valueStart, valueEnd) => {
        nestedCandidate = nested && valueStart === valueEnd;
        nestedBroken = false;
        if (inDefault) {
          this.defaultHashes.push(keyHash(text, keyStart, keyEnd));
          this.defaultLines.push(lineStart);
          return;
        }
        this.keyHashes.push(keyHash(text, keyStart, keyEnd));
        this.keyLines.push(lineStart);
      },
      more: (start, end) => {
        if (!nestedCandidate || nestedBroken || nestedLineOk(text, start, end)) return;
        // A section's own block that is no valid nested block fails the file (botocore's
        // ConfigParseError), though its values are built only when read; a [DEFAULT] one
        // fails it only where a section does not override it (below).
        if (!inDefault) throw new IniParseError('nested value without =');
        nestedBroken = true;
        broken.push(this.defaultHashes.length - 1);
      },
      bad: () => {
        failed = true;
        nestedCandidate = false;
      },
    });
    close();
    if (failed) throw new IniParseError('source contains parsing errors');
    // Sections by the hash of their name: how a name is found, and how duplicates are told.
    this.order = byHash(this.nameHashes, 0, this.count);
    if (hasDuplicate(this.nameHashes, 0, this.count, (i) => this.nameAt(i), this.order)) {
      throw new IniParseError('duplicate section');
    }

    if (hasDuplicate(this.defaultHashes, 0, this.defaultHashes.length, (d) => this.keyOn(this.defaultLines.at(d)))) {
      throw new IniParseError('duplicate option');
    }
    // botocore nests each section's options, the defaults among them.
    const brokenKeys = broken.map((d) => this.keyOn(this.defaultLines.at(d)));
    for (let i = 0; i < this.count && brokenKeys.length > 0; i++) {
      if (brokenKeys.some((key) => this.keyIndex(i, key) < 0)) throw new IniParseError('nested value without =');
    }
  }

  /** How many sections ([DEFAULT] aside). */
  get count(): number {
    return this.nameHashes.length;
  }

  nameAt(index: number): string {
    return this.text.slice(this.sections.at(3 * index), this.sections.at(3 * index + 1));
  }

  /** Where the section's name starts in the text. */
  nameStart(index: number): number {
    return this.sections.at(3 * index);
  }

  /** Where it ends. */
  nameEnd(index: number): number {
    return this.sections.at(3 * index + 1);
  }

  indexOf(name: string): number {
    const h = hashOf(name);
    for (let k = firstOfHash(this.order, this.nameHashes, h); k < this.order.length; k++) {
      const i = this.order[k] as number;
      if (this.nameHashes.at(i) !== h) break;
      const start = this.sections.at(3 * i);
      if (this.sections.at(3 * i + 1) - start === name.length && this.text.startsWith(name, start)) return i;
    }
    return -1;
  }

  /** The section's view; one per name looked up. */
  sectionAt(index: number): IniSection {
    const name = this.nameAt(index);
    let s = this.kept.get(name);
    if (s === undefined) {
      s = new Section(this, index);
      this.kept.set(name, s);
    }
    return s;
  }

  /** Indices of the section's own keys. */
  *keyRange(index: number): Generator<number> {
    const end = this.keysEnd(index);
    for (let at = this.sections.at(3 * index + 2); at < end; at++) yield at;
  }

  private keysEnd(index: number): number {
    return index + 1 < this.count ? this.sections.at(3 * (index + 1) + 2) : this.keyHashes.length;
  }

  keyIndex(index: number, key: string): number {
    const h = hashOf(key);
    const end = this.keysEnd(index);
    for (let at = this.sections.at(3 * index + 2); at < end; at++) if (this.keyHashes.at(at) === h && this.keyAt(at) === key) return at;
    return -1;
  }

  /** A section key's name, lower-cased as configparser stores it. */
  keyAt(at: number): string {
    return this.keyOn(this.keyLines.at(at));
  }

  private keyOn(line: number): string {
    let out = '';
    scan(this.text, line, this.text.length, true, {
      header: noop, more: noop, bad: noop,
      option: (_line, keyStart, keyEnd) => { out = this.text.slice(keyStart, keyEnd).toLowerCase(); return true; },
    });
    return out;
  }

  /** A key's value, as configparser joins its lines and botocore nests it. */
  valueAt(at: number): IniValue {
    return this.valueOn(this.keyLines.at(at));
  }

  defaultIndex(key: string): number {
    const h = hashOf(key);
    for (let d = 0; d < this.defaultHashes.length; d++) {
      if (this.defaultHashes.at(d) === h && this.keyOn(this.defaultLines.at(d)) === key) return d;
    }
    return -1;
  }

  defaultValue(key: string): IniValue | undefined {
    let value = this.askedDefaults.get(key);
    if (value === undefined) {
      const d = this.defaultIndex(key);
      if (d < 0) return undefined;
      value = this.valueOn(this.defaultLines.at(d));
      this.askedDefaults.set(key, value);
    }
    return value;
  }

  *defaultEntries(): Generator<[string, IniValue]> {
    for (let d = 0; d < this.defaultHashes.length; d++) {
      const line = this.defaultLines.at(d);
      yield [this.keyOn(line), this.valueOn(line)];
    }
  }

  private valueOn(line: number): IniValue {
    // The value's lines (as offsets) end at the next option or header.
    const lines = new IntList(2);
    scan(this.text, line, this.text.length, true, {
      header: () => true, bad: noop,
      option: (_line, _keyStart, _keyEnd, valueStart, valueEnd) => {
        if (lines.length > 0) return true;
        lines.push(valueStart);
        lines.push(valueEnd);
        return false;
      },
      more: (start, end) => { lines.push(start); lines.push(end); },
    });
    let last = lines.length - 2;
    while (last > 0 && lines.at(last) === lines.at(last + 1)) last -= 2; // trailing blank lines
    const firstEmpty = lines.at(0) === lines.at(1);
    // A nested block is built from the text directly (checked when the file was read, so it
    // parses): its lines joined first would cost the block several times over.
    if (this.nested && firstEmpty && last > 0) return nestedFrom(this.text, lines, last + 2);
    const parts: string[] = [];
    for (let i = 0; i <= last; i += 2) parts.push(this.text.slice(lines.at(i), lines.at(i + 1)));
    return join(parts);
  }

  get(name: string): IniSection | undefined {
    const kept = this.kept.get(name);
    if (kept !== undefined) return kept;
    const index = this.indexOf(name);
    return index < 0 ? undefined : this.sectionAt(index);
  }

  /** The section's view without keeping it (for a walk over every profile). */
  peek(name: string): IniSection | undefined {
    const kept = this.kept.get(name);
    if (kept !== undefined) return kept;
    const index = this.indexOf(name);
    return index < 0 ? undefined : new Section(this, index);
  }

  /** The same by index. */
  peekAt(index: number): IniSection {
    return this.kept.get(this.nameAt(index)) ?? new Section(this, index);
  }

  has(name: string): boolean {
    return this.kept.has(name) || this.indexOf(name) >= 0;
  }

  override get size(): number {
    return this.count;
  }

  *entries(): MapIterator<[string, IniSection]> {
    for (let i = 0; i < this.count; i++) {
      const name = this.nameAt(i);
      yield [name, this.kept.get(name) ?? new Section(this, i)];
    }
  }
}

/**
 * botocore's raw_config_parse of `text`. `nested: false` is its parse_subsections=False (the
 * alias file): indented blocks stay text.
 */
export function parseIni(text: string, opts: { nested?: boolean } = {}): IniFile {
  return new IniFile(text, opts.nested !== false);
}

/** _parse_nested over the value's lines, text[lines[i], lines[i + 1]) for even i < end. */
function nestedFrom(text: string, lines: IntList, end: number): Record<string, string> {
  const nested: Record<string, string> = {};
  for (let i = 2; i < end; i += 2) {
    const lineEnd = lines.at(i + 1);
    // A line of the file may hold more than one of Python's lines (\v, \u2028...).
    for (let start = lines.at(i); start <= lineEnd;) {
      let stop = start;
      while (stop < lineEnd && !isPyLineBreak(text.charCodeAt(stop))) stop++;
      let eq = start;
      while (eq < stop && text.charCodeAt(eq) !== 61) eq++;
      if (eq < stop) nested[stripped(text, start, eq)] = stripped(text, eq + 1, stop);
      start = stop + 1;
    }
  }
  return nested;
}

function stripped(text: string, start: number, end: number): string {
  while (start < end && isPySpace(text.charCodeAt(start))) start++;
  while (end > start && isPySpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

