// configparser's line loop over a config file's text, by character codes and offsets (a string,
// a regex match or a Map entry per line or section is what made a 1 MiB file cost hundreds of
// MiB), and the small tools the parsed file is indexed with: Python's whitespace and line
// breaks, hashes names are found by, lists of integers, duplicate checks.

export class IniParseError extends Error {
  override readonly name = 'IniParseError';
}

/** Python's str.isspace(). */
export function isPySpace(c: number): boolean {
  return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20) || c === 0x85 || c === 0xa0 || c === 0x1680
    || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Python's str.splitlines() boundaries, where botocore splits a nested block into its lines. */
export function isPyLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 11 || c === 12 || c === 0x1c || c === 0x1d || c === 0x1e || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** FNV-1a over UTF-16 code units: names and keys are found by hash, then compared. */
export function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

export function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** The hash of a key as configparser stores it (lower-cased), without making the string if ASCII. */
export function keyHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return hashOf(text.slice(start, end).toLowerCase());
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0;
}

/** A growable list of 32-bit integers. */
export class IntList {
  data: Int32Array;
  length = 0;

  /** `capacity`: an upper bound where one is cheap to know (growing leaves garbage behind). */
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }

  at(i: number): number {
    return this.data[i] as number;
  }
}

/** Indices from..to-1 ordered by their hashes. */
export function byHash(hashes: { at(i: number): number }, from: number, to: number): Int32Array {
  const order = new Int32Array(to - from);
  for (let i = 0; i < order.length; i++) order[i] = from + i;
  return order.sort((a, b) => (hashes.at(a) < hashes.at(b) ? -1 : hashes.at(a) > hashes.at(b) ? 1 : 0));
}

/** The first position in `order` (sorted by hash) of hash `h`. */
export function firstOfHash(order: Int32Array, hashes: { at(i: number): number }, h: number): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hashes.at(order[mid] as number) < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether two of hashes[from, to) name the same thing (`nameOf` tells, for equal hashes). Names
 * of one hash are gathered in a set, so that even a file made of colliding names costs one pass.
 */
export function hasDuplicate(hashes: IntList, from: number, to: number, nameOf: (i: number) => string, sorted?: Int32Array): boolean {
  const n = to - from;
  if (n < 2) return false;
  if (n === 2) return hashes.at(from) === hashes.at(from + 1) && nameOf(from) === nameOf(from + 1);
  const order = sorted ?? byHash(hashes, from, to);
  for (let run = 0, end = 1; run < n; run = end, end = run + 1) {
    const h = hashes.at(order[run] as number);
    while (end < n && hashes.at(order[end] as number) === h) end++;
    if (end - run === 1) continue;
    const names = new Set<string>();
    for (let k = run; k < end; k++) names.add(nameOf(order[k] as number));
    if (names.size < end - run) return true;
  }
  return false;
}

export interface Visitor {
  /** The name is text[nameStart, nameEnd); `next` is where the section's first line starts. */
  header(nameStart: number, nameEnd: number, lineStart: number, next: number): boolean | void;
  /** The key (not yet lower-cased) and the stripped value; true stops the scan. */
  option(lineStart: number, keyStart: number, keyEnd: number, valueStart: number, valueEnd: number): boolean | void;
  /** A stripped continuation line of the current option (empty for a blank line inside its value). */
  more(start: number, end: number): void;
  bad(): void;
}

/**
 * configparser's line loop over text[from, to). A section's lines read alone give what they gave
 * in the whole file (a header resets the option state), and so do an option's from its line.
 */
export function scan(text: string, from: number, to: number, inSection: boolean, visit: Visitor): void {
  let hasOption = false;
  let indentLevel = 0;
  let section = inSection;
  let pos = from;
  while (pos < to) {
    const lineStart = pos;
    let end = pos;
    while (end < to) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    pos = end >= to ? to : text.charCodeAt(end) === 13 && end + 1 < to && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    let s = lineStart;
    while (s < end && isPySpace(text.charCodeAt(s))) s++;
    let t = end;
    while (t > s && isPySpace(text.charCodeAt(t - 1))) t--;
    if (s === t) {
      // configparser keeps blank lines inside multi-line values (trimmed at the end).
      if (section && hasOption) visit.more(s, s);
      continue;
    }
    const first = text.charCodeAt(s);
    if (first === 35 || first === 59) continue; // '#' or ';': a comment
    const indent = s - lineStart;
    if (section && hasOption && indent > indentLevel) {
      visit.more(s, t);
      continue;
    }
    indentLevel = indent;
    if (first === 91) {
      // configparser's `\[(?P<header>.+)\]`: up to the last ']' of the line.
      let close = t - 1;
      while (close >= s + 2 && text.charCodeAt(close) !== 93) close--;
      if (close >= s + 2) {
        section = true;
        hasOption = false;
        if (visit.header(s + 1, close, lineStart, pos) === true) return;
        continue;
      }
    }
    if (!section) throw new IniParseError('file contains no section headers');
    let delim = s;
    while (delim < t) {
      const c = text.charCodeAt(delim);
      if (c === 61 || c === 58) break; // '=' or ':'
      delim++;
    }
    if (delim === t || delim === s) {
      // configparser records the bad line, keeps reading, and raises at the end.
      visit.bad();
      hasOption = false;
      continue;
    }
    let keyEnd = delim;
    while (keyEnd > s && isPySpace(text.charCodeAt(keyEnd - 1))) keyEnd--;
    let valueStart = delim + 1;
    while (valueStart < t && isPySpace(text.charCodeAt(valueStart))) valueStart++;
    hasOption = true;
    if (visit.option(lineStart, s, keyEnd, valueStart, t) === true) return;
  }
}

/** Whether a line of a value that starts a nested block is what _parse_nested accepts. */
export function nestedLineOk(text: string, start: number, end: number): boolean {
  let blank = true;
  let eq = false;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 10;
    if (isPyLineBreak(c)) {
      if (!blank && !eq) return false;
      blank = true;
      eq = false;
    } else {
      if (!isPySpace(c)) blank = false;
      if (c === 61) eq = true;
    }
  }
  return true;
}
