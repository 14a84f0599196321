// `--output table` (and `--cli-error-format table`): the AWS CLI's boxed tables. The value is
// cut into sections (a dict's scalar members form a row under a header of their keys, its
// list/dict members become nested sections one level in), every section is stretched to the
// widest one (column widths scaled with Python's round()), and a table wider than the terminal
// turns its single-row sections vertical. Widths are display widths: East Asian Wide, Fullwidth
// and Ambiguous characters count 2.
import { PythonError, pyClassName, pyStr } from '../python/builtins.js';
import { pyEquals, pySorted, pyTruthy } from '../python/ops.js';
import { checkSetSortable } from '../python/set-order.js';
import { collect } from './stream.js';
import { compareCodePoints, displayWidth } from '../python/unicode.js';
import { PyDict, isContainer, type PyValue } from '../python/value.js';

export interface TableContext {
  /** The first section's title: the operation name, or `error` for error tables. */
  readonly title: string;
  readonly color: boolean;
  /** Columns of the terminal stdout is (80 when stdout is not a terminal). */
  readonly terminalWidth: number;
  /**
   * Reproduce colorama's autoreset wrapper, which the AWS CLI installs on sys.stdout/sys.stderr
   * once color is on: every write() call is followed by ESC[0m. True (the default when color is
   * on) for bytes that go straight to stdout/stderr, false for bytes that go to a pager. The
   * extra ESC[0m the wrapper writes to a terminal at exit is not part of this string.
   */
  readonly autoreset?: boolean;
}

const RESET = '\x1b[0m';
const ROW_STYLE = '\x1b[1m\x1b[34m';
const INDENT_STYLE = '\x1b[2m\x1b[33m';

const spaces = (n: number): string => ' '.repeat(Math.max(0, n));
const dashes = (n: number): string => '-'.repeat(Math.max(0, n));
const floorDiv = (a: number, b: number): number => Math.floor(a / b);
const textWidth = (v: PyValue): number => displayWidth(pyStr(v));

/** Python's round() of a float to an int: ties go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

class Section {
  title: string | null = '';
  headers: PyValue[] = [];
  rows: string[][] = [];
  indentLevel = 0;
  private numCols: number | null = null;
  private maxWidths: number[] = [];

  addHeader(headers: PyValue[]): void {
    this.updateMaxWidths(headers);
    if (this.numCols === null) this.numCols = headers.length;
    this.headers = headers;
  }

  addRow(row: PyValue[]): void {
    if (this.numCols === null) this.numCols = row.length;
    if (row.length !== this.numCols) {
      throw new PythonError('ValueError', `Row should have ${this.numCols} elements, instead it has ${row.length}`);
    }
    const formatted = row.map(pyStr);
    this.rows.push(formatted);
    this.updateMaxWidths(formatted);
  }

  private updateMaxWidths(row: PyValue[]): void {
    if (this.maxWidths.length === 0) {
      this.maxWidths = row.map(textWidth);
      return;
    }
    row.forEach((el, i) => {
      const current = this.maxWidths[i];
      if (current === undefined) throw new PythonError('IndexError', 'list index out of range');
      this.maxWidths[i] = Math.max(textWidth(el), current);
    });
  }

  /** Column widths including padding; scaled so that they add up to maxWidth when given. */
  columnWidths(padding: number, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => roundHalfEven(scale * w));
    let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (offBy !== 0) {
      const order = scaled.map((_, i) => i);
      if (offBy < 0) order.reverse();
      for (const i of order) {
        if (offBy > 0) {
          scaled[i] = (scaled[i] as number) - 1;
          offBy--;
        } else {
          scaled[i] = (scaled[i] as number) + 1;
          offBy++;
        }
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(): number {
    const outer = this.indentLevel * 2;
    const columns = this.columnWidths(0).reduce((sum, w) => sum + w + 4, 0) + 2 + outer;
    // str(None) is what a title-less section measures.
    return Math.max(displayWidth(this.title ?? 'None') + 2 + outer, columns);
  }
}

/** TableFormatter._build_table and friends: the value cut into sections. */
class Builder {
  readonly sections: Section[] = [];
  private current: Section | null = null;

  private section(): Section {
    if (this.current === null) throw new PythonError('AttributeError', "'NoneType' object has no attribute 'add_row'");
    return this.current;
  }

  private newSection(title: string | null, indentLevel: number): void {
    const s = new Section();
    s.title = title;
    s.indentLevel = indentLevel;
    this.sections.push(s);
    this.current = s;
  }

  build(title: string | null, current: PyValue, indentLevel = 0): boolean {
    if (!pyTruthy(current)) return false;
    if (title !== null) this.newSection(title, indentLevel);
    if (Array.isArray(current)) {
      if (current[0] instanceof PyDict) this.fromListOfDicts(current, indentLevel, title);
      else {
        for (const item of current) {
          if (!isContainer(item)) this.section().addRow([item]);
          else if (item instanceof PyDict) this.section().addRow([...item.keys()]);
          else if (item.every((el) => !isContainer(el))) this.section().addRow(item);
          else this.build(null, item);
        }
      }
    }
    if (current instanceof PyDict) this.fromDict(current, indentLevel);
    return true;
  }

  private fromDict(current: PyDict, indentLevel: number): void {
    const [headers, more] = groupScalarKeys(current);
    if (headers.length === 1) {
      const key = headers[0] as string;
      this.section().addRow([key, current.get(key) as PyValue]);
    } else if (headers.length > 0) {
      this.section().addHeader(headers);
      this.section().addRow(headers.map((k) => current.get(k as string) as PyValue));
    }
    for (const key of more) this.build(key as string, current.get(key as string) as PyValue, indentLevel + 1);
  }

  private fromListOfDicts(current: PyValue[], indentLevel: number, title: string | null): void {
    const headerSet: PyValue[] = [];
    const moreSet: PyValue[] = [];
    const addUnique = (set: PyValue[], v: PyValue): void => {
      if (!set.some((x) => x === v || pyEquals(x, v))) set.push(v);
    };
    for (const item of current) {
      const [h, m] = groupScalarKeys(item);
      h.forEach((v) => addUnique(headerSet, v));
      m.forEach((v) => addUnique(moreSet, v));
    }
    // Python keeps these in set()s: a set that mixes str and int keys fails as Python's would.
    checkSetSortable(headerSet);
    const headers = sortKeys(headerSet);
    checkSetSortable(moreSet);
    const more = sortKeys(moreSet);
    this.section().addHeader(headers);
    let first = true;
    for (const element of current) {
      if (!first && more.length > 0) {
        this.newSection(title, indentLevel);
        this.section().addHeader(headers);
      }
      first = false;
      this.section().addRow(headers.map((h) => dictGet(element, h)));
      for (const key of more) {
        if (contains(element, key)) this.build(pyStr(key), getItem(element, key), indentLevel + 1);
      }
    }
  }
}

/** Sorting a set of keys the way Python does (strings by code point; mixed types fail). */
function sortKeys(keys: PyValue[]): PyValue[] {
  if (keys.every((k) => typeof k === 'string')) return [...(keys as string[])].sort(compareCodePoints);
  return pySorted(keys, (k) => k);
}

/**
 * TableFormatter._group_scalar_keys: iterate `current` as Python would (a dict's keys, a
 * list's items used as indexes into it, a string's characters) and split the keys by whether
 * their value is a scalar. Only dicts make sense; the rest fail like Python does.
 */
function groupScalarKeys(current: PyValue): [PyValue[], PyValue[]] {
  const headers: PyValue[] = [];
  const more: PyValue[] = [];
  if (current instanceof PyDict) {
    for (const [k, v] of current) (isContainer(v) ? more : headers).push(k);
  } else if (typeof current === 'string') {
    if (current !== '') throw new PythonError('TypeError', "string indices must be integers, not 'str'");
  } else if (Array.isArray(current)) {
    for (const element of current) {
      const value = getItem(current, element);
      (isContainer(value) ? more : headers).push(element);
    }
  } else {
    throw new PythonError('TypeError', `'${pyClassName(current)}' object is not iterable`);
  }
  return [sortKeys(headers), sortKeys(more)];
}

/** Python's container[key]. */
function getItem(container: PyValue, key: PyValue): PyValue {
  if (container instanceof PyDict) {
    if (typeof key === 'string' && container.has(key)) return container.get(key) as PyValue;
    throw new PythonError('KeyError', pyStr(key));
  }
  if (Array.isArray(container)) {
    if (typeof key !== 'bigint' && typeof key !== 'boolean') {
      throw new PythonError('TypeError', `list indices must be integers or slices, not ${pyClassName(key)}`);
    }
    // An index is a Py_ssize_t first: past 64 bits it cannot even be out of range.
    if (typeof key === 'bigint' && (key > 0x7fffffffffffffffn || key < -0x8000000000000000n)) {
      throw new PythonError('IndexError', "cannot fit 'int' into an index-sized integer");
    }
    const i = typeof key === 'boolean' ? (key ? 1 : 0) : Number(key);
    const at = i < 0 ? container.length + i : i;
    if (at < 0 || at >= container.length) throw new PythonError('IndexError', 'list index out of range');
    return container[at] as PyValue;
  }
  // `"" in ""` is true, so an empty string in a list of dicts is indexed with the key it "has".
  if (typeof container === 'string') {
    if (typeof key !== 'bigint' && typeof key !== 'boolean') throw new PythonError('TypeError', `string indices must be integers, not '${pyClassName(key)}'`);
    const chars = Array.from(container);
    const i = typeof key === 'boolean' ? (key ? 1 : 0) : Number(key);
    const at = i < 0 ? chars.length + i : i;
    if (at < 0 || at >= chars.length) throw new PythonError('IndexError', 'string index out of range');
    return chars[at] as string;
  }
  throw new PythonError('TypeError', `'${pyClassName(container)}' object is not subscriptable`);
}

/** dict.get(key, ''); anything else has no .get(). */
function dictGet(element: PyValue, key: PyValue): PyValue {
  if (element instanceof PyDict) return typeof key === 'string' && element.has(key) ? (element.get(key) as PyValue) : '';
  throw new PythonError('AttributeError', `'${pyClassName(element)}' object has no attribute 'get'`);
}

/** Python's `key in container`. */
function contains(container: PyValue, key: PyValue): boolean {
  if (container instanceof PyDict) return typeof key === 'string' && container.has(key);
  if (typeof container === 'string') {
    if (typeof key !== 'string') throw new PythonError('TypeError', `'in <string>' requires string as left operand, not ${pyClassName(key)}`);
    return container.includes(key);
  }
  if (Array.isArray(container)) return container.some((x) => x === key || pyEquals(x, key));
  throw new PythonError('TypeError', `argument of type '${pyClassName(container)}' is not iterable`);
}

/** Collects the bytes; with autoreset every write() is followed by a reset, like colorama. */
class Output {
  constructor(
    private readonly chunks: string[],
    private readonly autoreset: boolean,
  ) {}

  write(s: string): void {
    this.chunks.push(s);
    if (this.autoreset) this.chunks.push(RESET);
  }
}

function centerText(text: string, length: number, left: string, right: string, textLength: number): string {
  const charStart = floorDiv(length, 2) - floorDiv(textLength, 2) - 1;
  const soFar = displayWidth(left) + charStart + textLength;
  return left + spaces(charStart) + text + spaces(length - displayWidth(right) - soFar) + right;
}

function alignLeft(text: string, length: number, left: string, right: string, textLength: number): string {
  const padding = length - (textLength + 2 + displayWidth(left) + displayWidth(right)) >= 0 ? 2 : 0;
  const soFar = left.length + padding + textLength;
  return left + spaces(padding) + text + spaces(length - soFar - right.length) + right;
}

function render(sections: Section[], ctx: TableContext, chunks: string[]): void {
  const color = ctx.color;
  const out = new Output(chunks, ctx.autoreset ?? color);
  const styleRow = (t: string): string => (color ? `${ROW_STYLE}${t}${RESET}` : t);
  const bar = color ? `${INDENT_STYLE}|${RESET}` : '|';

  const maxWidthOf = (): number => sections.reduce((m, s) => Math.max(m, s.totalWidth()), -Infinity);
  let maxWidth = maxWidthOf();
  if (maxWidth > ctx.terminalWidth) {
    sections.forEach((s, i) => {
      if (s.rows.length === 1 && s.headers.length > 0) {
        const v = new Section();
        v.title = s.title;
        v.indentLevel = s.indentLevel;
        const row = s.rows[0] as string[];
        s.headers.slice(0, row.length).forEach((h, j) => v.addRow([h, row[j] as string]));
        sections[i] = v;
      }
    });
    maxWidth = maxWidthOf();
  }
  out.write(`${dashes(maxWidth)}\n`);

  for (const section of sections) {
    const edge = bar.repeat(section.indentLevel);
    // IndentedStream: the left bars, the line, the right bars and the newline are four writes.
    const writeLine = (line: string): void => {
      out.write(edge);
      out.write(line);
      out.write(edge);
      out.write('\n');
    };
    const width = maxWidth - section.indentLevel * 2;
    const ruleLine = (widths: number[]): string =>
      widths.map((w, i) => (i === 0 ? `+${dashes(w - 2)}+` : `${dashes(w - 1)}+`)).join('');

    if (section.title) {
      writeLine(centerText(section.title, width, '|', '|', displayWidth(section.title)));
      if (section.headers.length === 0 && section.rows.length === 0) writeLine(`+${dashes(width - 2)}+`);
    }
    if (section.headers.length > 0) {
      const widths = section.columnWidths(4, width);
      let line = '';
      widths.forEach((w, i) => {
        if (i >= section.headers.length) return;
        const header = section.headers[i] as PyValue;
        if (typeof header !== 'string') {
          throw new PythonError('TypeError', `can only concatenate str (not "${pyClassName(header)}") to str`);
        }
        line += centerText(header, w, i === 0 ? '|' : '', '|', displayWidth(header));
      });
      writeLine(ruleLine(widths));
      writeLine(line);
    }
    if (section.rows.length > 0) {
      const widths = section.columnWidths(4, width);
      if (widths.length > 0) {
        writeLine(ruleLine(widths));
        for (const row of section.rows) {
          let line = '';
          widths.forEach((w, i) => {
            if (i >= row.length) return;
            const cell = row[i] as string;
            line += alignLeft(styleRow(cell), w, i === 0 ? '|' : '', '|', displayWidth(cell));
          });
          writeLine(line);
        }
        writeLine(ruleLine(widths));
      }
    }
  }
}

/** The table for a value; '' when the AWS CLI prints nothing (a falsy value). */
export function formatTable(value: PyValue, ctx: TableContext): string {
  const { chunks, error } = collect((out) => writeTable(value, ctx, out));
  if (error) throw error;
  return chunks.join('');
}

/** The pieces the table formatter writes (each line is several writes; see IndentedStream). */
export function writeTable(value: PyValue, ctx: TableContext, out: string[]): void {
  const builder = new Builder();
  if (builder.build(ctx.title, value)) render(builder.sections, ctx, out);
}
