// Text measured in terminal cells, and command lines quoted for a POSIX shell. The prompt keeps
// every line it draws within the terminal's width so that one line is always one row: that is
// what lets it move back up and redraw (or erase) itself exactly.

/** Cells a code point takes in a terminal: 0 for combining marks, 2 for East Asian wide forms. */
export function cellWidth(cp: number): 0 | 1 | 2 {
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x1dc0 && cp <= 0x1dff)
    || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe20 && cp <= 0xfe2f) || (cp >= 0x200b && cp <= 0x200f)
    || (cp >= 0xfe00 && cp <= 0xfe0f)) {
    return 0;
  }
  if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff)
    || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf)
    || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f)
    || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f)
    || (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd)) {
    return 2;
  }
  return 1;
}

export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += cellWidth(ch.codePointAt(0) as number);
  return w;
}

/** The longest prefix of `s` that fits in `width` cells. */
export function takeWidth(s: string, width: number): string {
  let w = 0;
  let out = '';
  for (const ch of s) {
    const cw = cellWidth(ch.codePointAt(0) as number);
    if (w + cw > width) break;
    w += cw;
    out += ch;
  }
  return out;
}

/** `s` cut to `width` cells, ending in an ellipsis when something was cut. */
export function truncate(s: string, width: number): string {
  if (textWidth(s) <= width) return s;
  if (width <= 0) return '';
  return `${takeWidth(s, width - 1)}…`;
}

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One word quoted so that a POSIX shell reads it back unchanged (single quotes when needed). */
export function shellQuote(word: string): string {
  if (word === '') return "''";
  if (SAFE.test(word)) return word;
  return `'${word.replaceAll("'", `'"'"'`)}'`;
}

export function shellJoin(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

// The AWS CLI splits the edited line with Python's shlex, as the pagers' commands are split.
export { shellSplit } from '../util/shlex.js';
