// Just enough of a terminal to read back what the prompt draws: it applies carriage returns,
// line feeds, cursor-up/-forward and erase-below, and drops styling. Tests assert on the
// resulting screen instead of on escape sequences, so they keep passing if the drawing changes
// but what the user sees does not.
export class VirtualTerminal {
  private lines: string[][] = [[]];
  row = 0;
  col = 0;

  write(text: string): void {
    let i = 0;
    while (i < text.length) {
      const ch = text[i] as string;
      if (ch === '\x1b') {
        const m = /^\x1b\[(\??)([0-9;]*)([A-Za-z])/.exec(text.slice(i));
        if (!m) throw new Error(`unexpected escape sequence at ${JSON.stringify(text.slice(i, i + 8))}`);
        this.csi(m[1] as string, m[2] as string, m[3] as string);
        i += m[0].length;
        continue;
      }
      if (ch === '\r') this.col = 0;
      else if (ch === '\n') {
        this.row++;
        while (this.lines.length <= this.row) this.lines.push([]);
      } else {
        const line = this.lines[this.row] as string[];
        while (line.length < this.col) line.push(' ');
        line[this.col] = ch;
        this.col++;
      }
      i++;
    }
  }

  private csi(priv: string, params: string, final: string): void {
    if (priv === '?') return; // cursor visibility
    const n = params === '' ? 1 : Number(params.split(';')[0]);
    if (final === 'A') this.row = Math.max(0, this.row - n);
    else if (final === 'C') this.col += n;
    else if (final === 'J') {
      const line = this.lines[this.row] as string[];
      line.length = Math.min(line.length, this.col);
      this.lines.length = this.row + 1;
    } else if (final !== 'm') throw new Error(`unsupported sequence ${params}${final}`);
  }

  /** The screen as text, trailing blanks trimmed. */
  screen(): string {
    return this.lines.map((l) => l.join('').trimEnd()).join('\n').replace(/\n+$/, '');
  }

  /** The line the cursor is on, and the text left of the cursor. */
  cursorLine(): { line: string; beforeCursor: string } {
    const line = (this.lines[this.row] ?? []).join('');
    return { line: line.trimEnd(), beforeCursor: line.slice(0, this.col) };
  }
}
