// Standard input and Ctrl-C as the bulk command takes them from Io.
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { stdinOf, takeInterrupt } from '../../src/bulk/process-hooks.js';

describe('stdinOf', () => {
  it('uses a stream as it is', () => {
    const stdin = Readable.from(['a\n']);
    expect(stdinOf({ stdin } as unknown as Io)).toBe(stdin);
  });

  it('turns an event-only input into chunks, pausing it between reads', async () => {
    class KeyboardLike extends EventEmitter {
      paused = true;
      pause(): void { this.paused = true; }
      resume(): void {
        this.paused = false;
        setImmediate(() => {
          const next = chunks.shift();
          if (next === undefined) this.emit('end'); else this.emit('data', next);
        });
      }
    }
    const input = new KeyboardLike();
    const chunks = ['alice\n', Buffer.from('bob\n')];
    const got: Array<string | Uint8Array> = [];
    for await (const c of stdinOf({ stdin: input } as unknown as Io)) {
      expect(input.paused).toBe(true);
      got.push(c);
    }
    expect(got.map(String)).toEqual(['alice\n', 'bob\n']);
    expect(input.listenerCount('data')).toBe(0);
  });
});

describe('takeInterrupt', () => {
  it('turns the Io hook into an AbortSignal and gives it back on release', () => {
    const handlers = new Set<() => void>();
    const io = { onInterrupt: (h: () => void) => { handlers.add(h); return () => { handlers.delete(h); }; } } as unknown as Io;
    const interrupt = takeInterrupt(io);
    expect(handlers.size).toBe(1);
    expect(interrupt.signal.aborted).toBe(false);
    for (const h of handlers) h();
    expect(interrupt.signal.aborted).toBe(true);
    interrupt.release();
    expect(handlers.size).toBe(0);
  });

  it('a second Ctrl-C gives Ctrl-C back and raises it again (the process then exits at once)', () => {
    const handlers: Array<() => void> = [];
    const io = { onInterrupt: (h: () => void) => { handlers.push(h); return () => { handlers.splice(handlers.indexOf(h), 1); }; } } as unknown as Io;
    let raised = 0;
    const interrupt = takeInterrupt(io, () => { raised += 1; });
    handlers[0]?.();
    expect(interrupt.signal.aborted).toBe(true);
    expect(raised).toBe(0);
    handlers[0]?.();
    expect(raised).toBe(1);
    expect(handlers).toHaveLength(0);
  });

  it('without the hook, Ctrl-C is left to the process (the signal never fires)', () => {
    const before = process.listeners('SIGINT');
    const interrupt = takeInterrupt({} as Io);
    expect(process.listeners('SIGINT')).toEqual(before);
    expect(interrupt.signal.aborted).toBe(false);
    interrupt.release();
  });
});
