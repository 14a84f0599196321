// The terminal rendering of a help page, laid out the way `groff -man -Tascii` lays out the
// AWS CLI's pages: paragraphs filled greedily and justified on both sides, bold as `c\bc` and
// italic as `_\bc` overstrikes (which `less -R` shows as bold and underlined, and `col -b`
// removes), headings at column 0, text at column 7.
//
// Justification follows groff 1.22.4 (the version the AWS CLI's pages were rendered with):
// each filled line's extra spaces go one at a time to the gaps, and the side that gets the
// larger gaps alternates from line to line across the whole page. The alternation is what makes
// the page byte-identical to the AWS CLI's, so it is kept as page-wide state here too.
import type { Block, Inline, Page, Style } from './doc.js';

interface Cell {
  readonly ch: string;
  readonly style: Style;
}

type Word = readonly Cell[];

export interface TextLayout {
  /** Columns of text, header to footer (groff's line length: 78 in an 80-column terminal). */
  readonly lineLength: number;
  /** Words that may be hyphenated, with `-` at each break point (see pages.ts). */
  readonly hyphenation?: readonly string[];
  /** Plain text instead of overstrikes (what `col -b` would leave). */
  readonly plain?: boolean;
  /** Lay `aside` paragraphs out like any other (as groff does; the tests compare with groff). */
  readonly ignoreAsides?: boolean;
}

/** The body's indentation, as groff's man macros indent a section's text. */
const BODY_INDENT = 7;
/** How far nested blocks (admonitions, definitions, literal blocks) move in. */
const NEST = 3;
const BULLET: Cell = { ch: '\u2022', style: 'r' };

/**
 * The line length for a terminal `columns` wide: man-db's rule, which keeps groff's default 78
 * at 80 columns and leaves a small right margin elsewhere. Below 40 columns the page would be
 * mostly indentation, so it is laid out for 40 and the terminal wraps.
 */
export function lineLengthFor(columns: number): number {
  const cols = Math.max(40, Math.floor(columns));
  return Math.min(Math.floor((cols * 39) / 40), cols - 2);
}

function hyphenationTable(words: readonly string[]): Map<string, number[]> {
  const table = new Map<string, number[]>();
  for (const w of words) {
    const points: number[] = [];
    let offset = 0;
    for (const part of w.split('-').slice(0, -1)) {
      offset += part.length;
      points.push(offset);
    }
    table.set(w.replaceAll('-', '').toLowerCase(), points);
  }
  return table;
}

class Renderer {
  readonly lines: string[] = [];
  /** groff's alternating side for extra spaces (false: the left gaps get them). */
  private reverse = false;
  private readonly table: Map<string, number[]>;

  constructor(private readonly layout: TextLayout) {
    this.table = hyphenationTable(layout.hyphenation ?? []);
  }

  private cell(c: Cell): string {
    if (c === BULLET) return this.layout.plain ? 'o' : '+\bo';
    if (this.layout.plain || c.ch === ' ' || c.style === 'r') return c.ch;
    return c.style === 'b' ? `${c.ch}\b${c.ch}` : `_\b${c.ch}`;
  }

  private cells(cs: readonly Cell[]): string {
    return cs.map((c) => this.cell(c)).join('');
  }

  private styled(text: string, style: Style): string {
    return this.cells([...text].map((ch) => ({ ch, style })));
  }

  /** Break positions (cells before the break) of a word, from its alphabetic runs. */
  private breakPoints(word: Word): number[] {
    const text = word.map((c) => c.ch).join('');
    const points: number[] = [];
    for (const m of text.matchAll(/[A-Za-z]+/g)) {
      for (const p of this.table.get(m[0].toLowerCase()) ?? []) points.push((m.index ?? 0) + p);
    }
    return points.sort((a, b) => a - b);
  }

  private emit(indent: number, prefix: readonly Cell[], words: readonly Word[], extra: number): void {
    const gaps = new Array<number>(Math.max(0, words.length - 1)).fill(1);
    if (extra > 0 && gaps.length > 0) {
      // groff walks its node list (which runs right to left) giving each gap remaining/left.
      const order = gaps.map((_, i) => i);
      if (!this.reverse) order.reverse();
      let remaining = extra;
      order.forEach((gi, k) => {
        const share = Math.floor(remaining / (order.length - k));
        gaps[gi] = (gaps[gi] as number) + share;
        remaining -= share;
      });
    }
    let out = ' '.repeat(indent - prefix.length) + this.cells(prefix);
    words.forEach((w, i) => {
      out += this.cells(w);
      if (i < gaps.length) out += ' '.repeat(gaps[i] as number);
    });
    this.lines.push(out);
  }

  /** Fills and justifies a paragraph; `prefix` (a bullet) hangs left of the first line. */
  fill(text: Inline, indent: number, prefix: readonly Cell[] = []): void {
    const queue: Word[] = [];
    let current: Cell[] = [];
    for (const span of text) {
      for (const ch of span.text) {
        if (ch === ' ') {
          if (current.length > 0) queue.push(current);
          current = [];
        } else {
          current.push({ ch, style: span.style });
        }
      }
    }
    if (current.length > 0) queue.push(current);

    const width = Math.max(1, this.layout.lineLength - indent);
    let line: Word[] = [];
    let used = 0;
    let first = true;
    const breakLine = (): void => {
      // Every line broken inside a paragraph flips groff's side, even one with nothing to spread.
      this.emit(indent, first ? prefix : [], line, width - used);
      this.reverse = !this.reverse;
      first = false;
      line = [];
      used = 0;
    };
    while (queue.length > 0) {
      const word = queue.shift() as Word;
      const gap = line.length > 0 ? 1 : 0;
      if (used + gap + word.length <= width) {
        line.push(word);
        used += gap + word.length;
        continue;
      }
      const fits = this.breakPoints(word).filter((p) => used + gap + p + 1 <= width);
      if (fits.length > 0) {
        const p = fits[fits.length - 1] as number;
        const head = [...word.slice(0, p), { ch: '-', style: (word[p - 1] as Cell).style }];
        line.push(head);
        used += gap + head.length;
        queue.unshift(word.slice(p));
        breakLine();
      } else if (line.length === 0) {
        // A word longer than the line stands alone and overflows, as in groff.
        line.push(word);
        used = word.length;
        if (queue.length > 0) breakLine();
      } else {
        queue.unshift(word);
        breakLine();
      }
    }
    if (line.length > 0 || first) this.emit(indent, first ? prefix : [], line, 0);
  }

  blocks(blocks: readonly Block[], indent: number): void {
    blocks.forEach((b, i) => {
      const tight = b.kind === 'para' && b.tight === true;
      if (i > 0 && !tight) this.lines.push('');
      this.block(b, indent);
    });
  }

  private block(b: Block, indent: number): void {
    switch (b.kind) {
      case 'para': {
        const saved = this.reverse;
        this.fill(b.text, indent + (b.indent ?? 0));
        if (b.aside && !this.layout.ignoreAsides) this.reverse = saved;
        break;
      }
      case 'literal':
        for (const l of b.lines) this.lines.push(l === '' ? '' : ' '.repeat(indent + NEST) + l);
        break;
      case 'bullets':
        b.items.forEach((it, i) => {
          if (i > 0) this.lines.push('');
          this.fill(it, indent + 2, [BULLET, { ch: ' ', style: 'r' }]);
        });
        break;
      case 'note':
        this.lines.push(' '.repeat(indent) + this.styled(b.label, 'b'));
        this.blocks(b.body, indent + NEST);
        break;
      case 'item':
        this.fill(b.term, indent);
        this.blocks(b.body, indent + NEST);
        break;
    }
  }

  page(page: Page): void {
    const title = `${page.title}()`;
    const ll = this.layout.lineLength;
    this.lines.push(title + ' '.repeat(Math.max(1, ll - 2 * title.length)) + title, '', '', '');
    page.sections.forEach((s, i) => {
      if (i > 0) this.lines.push('');
      this.lines.push(this.styled(s.heading, 'b'));
      this.blocks(s.blocks, BODY_INDENT);
    });
    this.lines.push('', '', '', ' '.repeat(Math.max(0, ll - title.length)) + title);
  }
}

export function renderText(page: Page, layout: TextLayout): string {
  const r = new Renderer(layout);
  r.page(page);
  return `${r.lines.join('\n')}\n`;
}
