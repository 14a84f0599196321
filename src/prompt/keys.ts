// Turns the bytes a terminal sends in raw mode into key names. Written out rather than borrowed
// from readline's keypress events because those wait on a timer after a lone Escape, which
// makes the prompt's behaviour depend on timing in tests; here a chunk is decoded completely,
// and only an escape sequence cut off at the very end of a chunk waits for the next one.

export type KeyName =
  | 'char' | 'enter' | 'tab' | 'shift-tab' | 'backspace' | 'delete'
  | 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'word-left' | 'word-right'
  | 'kill-start' | 'kill-end' | 'kill-word' | 'cancel' | 'eof' | 'redraw' | 'escape' | 'ignored';

export interface Key {
  readonly name: KeyName;
  /** The character typed, for `char`. */
  readonly ch?: string;
}

const CONTROL: Readonly<Record<string, KeyName>> = {
  '\r': 'enter',
  '\n': 'enter',
  '\t': 'tab',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x01': 'home',
  '\x05': 'end',
  '\x02': 'left',
  '\x06': 'right',
  '\x03': 'cancel',
  '\x04': 'eof',
  '\x0b': 'kill-end',
  '\x15': 'kill-start',
  '\x17': 'kill-word',
  '\x10': 'up',
  '\x0e': 'down',
  '\x0c': 'redraw',
};

const CSI_FINAL: Readonly<Record<string, KeyName>> = {
  A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'shift-tab',
};

const CSI_TILDE: Readonly<Record<string, KeyName>> = {
  1: 'home', 7: 'home', 4: 'end', 8: 'end', 3: 'delete',
};

export interface Decoded {
  readonly keys: Key[];
  /** An incomplete escape sequence to prepend to the next chunk. */
  readonly rest: string;
}

/** Decodes one chunk of terminal input (already UTF-8 decoded). */
export function decodeKeys(input: string): Decoded {
  const keys: Key[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (c === '\x1b') {
      const next = input[i + 1];
      if (next === undefined) {
        keys.push({ name: 'escape' });
        i += 1;
      } else if (next === '[') {
        // CSI: parameter bytes, then one final byte.
        let j = i + 2;
        while (j < input.length && /[0-9;?]/.test(input[j] as string)) j++;
        if (j >= input.length) return { keys, rest: input.slice(i) };
        const params = input.slice(i + 2, j);
        const final = input[j] as string;
        keys.push({ name: csiKey(params, final) });
        i = j + 1;
      } else if (next === 'O') {
        const final = input[i + 2];
        if (final === undefined) return { keys, rest: input.slice(i) };
        keys.push({ name: CSI_FINAL[final] ?? 'ignored' });
        i += 3;
      } else if (next === '\x7f' || next === '\b') {
        keys.push({ name: 'kill-word' });
        i += 2;
      } else if (next === 'b' || next === 'f') {
        keys.push({ name: next === 'b' ? 'word-left' : 'word-right' });
        i += 2;
      } else if (next === '\x1b') {
        keys.push({ name: 'escape' });
        i += 1;
      } else {
        // Alt with another key: nothing the prompt uses, and never text to insert.
        keys.push({ name: 'ignored' });
        i += 1 + (input.codePointAt(i + 1) as number > 0xffff ? 2 : 1);
      }
      continue;
    }
    const cp = input.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    const control = CONTROL[ch];
    if (control !== undefined) keys.push({ name: control });
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) keys.push({ name: 'ignored' });
    else keys.push({ name: 'char', ch });
  }
  return { keys, rest: '' };
}

function csiKey(params: string, final: string): KeyName {
  if (final === '~') return CSI_TILDE[params.split(';')[0] ?? ''] ?? 'ignored';
  const name = CSI_FINAL[final];
  if (name === undefined) return 'ignored';
  // Ctrl or Alt with an arrow (modifier 5 or 3): jump a word.
  const modifier = params.split(';')[1];
  if ((modifier === '5' || modifier === '3') && (name === 'left' || name === 'right')) {
    return name === 'left' ? 'word-left' : 'word-right';
  }
  return name;
}
