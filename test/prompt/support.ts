// Fake streams for driving the prompt in-process: a keyboard that delivers keys synchronously
// and a screen that is a VirtualTerminal.
import { EventEmitter } from 'node:events';
import type { PromptInput, PromptIo } from '../../src/prompt/io.js';
import { VirtualTerminal } from './vt.js';

export const KEY = {
  enter: '\r',
  tab: '\t',
  shiftTab: '\x1b[Z',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  backspace: '\x7f',
  delete: '\x1b[3~',
  ctrlC: '\x03',
  ctrlD: '\x04',
  ctrlU: '\x15',
  ctrlW: '\x17',
  escape: '\x1b',
} as const;

export class FakeKeyboard extends EventEmitter implements PromptInput {
  isTTY = true;
  isRaw = false;
  readonly rawModes: boolean[] = [];
  flowing = false;

  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    this.rawModes.push(mode);
    return this;
  }

  resume(): this {
    this.flowing = true;
    return this;
  }

  pause(): this {
    this.flowing = false;
    return this;
  }

  /** Each argument is one chunk, as a terminal would deliver one key (or one paste). */
  press(...chunks: string[]): void {
    for (const c of chunks) this.emit('data', Buffer.from(c, 'utf8'));
  }
}

export interface FakeTerminal {
  readonly io: PromptIo;
  readonly keyboard: FakeKeyboard;
  readonly vt: VirtualTerminal;
  /** Everything written to stdout and stderr, raw. */
  readonly out: string[];
  readonly err: string[];
}

export function fakeTerminal(columns = 100, rows: number | undefined = 40): FakeTerminal {
  const keyboard = new FakeKeyboard();
  const vt = new VirtualTerminal();
  const out: string[] = [];
  const err: string[] = [];
  const io: PromptIo = {
    stdin: keyboard,
    stdout: { write: (s) => { out.push(s); vt.write(s); }, isTTY: true, columns, rows },
    stderr: { write: (s) => { err.push(s); } },
  };
  return { io, keyboard, vt, out, err };
}
