// Standard input and Ctrl-C as the bulk command takes them from Io.
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { stdinOf, takeInterrupt, whileReporting, type SignalSource } from '../../src/bulk/process-hooks.js';

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
    const interrupt = takeInterrupt(io, () => {}, () => {}, fakeSignals());
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
    const events: string[] = [];
    const interrupt = takeInterrupt(io, (signal) => events.push(`second ${signal}`), () => events.push('raised'), fakeSignals());
    handlers[0]?.();
    expect(interrupt.signal.aborted).toBe(true);
    expect(interrupt.signal.reason).toBe('SIGINT');
    expect(events).toEqual([]);
    handlers[0]?.();
    // What must be written is written before the process is let go.
    expect(events).toEqual(['second SIGINT', 'raised']);
    expect(handlers).toHaveLength(0);
  });

  it('SIGTERM and SIGHUP end a run like Ctrl-C, and a second signal of any kind is the second', () => {
    const handlers: Array<() => void> = [];
    const io = { onInterrupt: (h: () => void) => { handlers.push(h); return () => { handlers.splice(handlers.indexOf(h), 1); }; } } as unknown as Io;
    const signals = fakeSignals();
    const events: string[] = [];
    const interrupt = takeInterrupt(io, (signal) => events.push(`second ${signal}`), () => events.push('raised'), signals);
    expect(signals.count()).toBe(2);
    signals.emit('SIGTERM');
    expect(interrupt.signal.reason).toBe('SIGTERM');
    signals.emit('SIGHUP');
    expect(events).toEqual(['second SIGHUP', 'raised']);
    expect(signals.count()).toBe(0);
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

describe('whileReporting', () => {
  it('a signal writes first, then is raised again; Ctrl-C taken later (a pager) is the later taker\'s; released, nothing is left', () => {
    const handlers: Array<() => void> = [];
    const io = { onInterrupt: (h: () => void) => { handlers.push(h); return () => { handlers.splice(handlers.indexOf(h), 1); }; } } as unknown as Io;
    const signals = fakeSignals();
    const events: string[] = [];
    const release = whileReporting(io, (signal) => events.push(`wrote ${signal}`), (signal) => events.push(`raised ${signal}`), signals);
    const pager = io.onInterrupt!(() => events.push('pager'));
    handlers[handlers.length - 1]?.();
    pager();
    signals.emit('SIGTERM');
    expect(events).toEqual(['pager', 'wrote SIGTERM', 'raised SIGTERM']);
    expect({ handlers: handlers.length, signals: signals.count() }).toEqual({ handlers: 0, signals: 0 });
    const again = whileReporting(io, () => events.push('never'), () => events.push('never'), signals);
    again();
    signals.emit('SIGHUP');
    expect({ handlers: handlers.length, signals: signals.count(), last: events.at(-1) }).toEqual({ handlers: 0, signals: 0, last: 'raised SIGTERM' });
  });
});

function fakeSignals(): SignalSource & { emit(name: string): void; count(): number } {
  const handlers = new Map<string, Array<() => void>>();
  return {
    on: (name, h) => { handlers.set(name, [...(handlers.get(name) ?? []), h]); },
    removeListener: (name, h) => { handlers.set(name, (handlers.get(name) ?? []).filter((x) => x !== h)); },
    emit: (name) => { for (const h of handlers.get(name) ?? []) h(); },
    count: () => [...handlers.values()].reduce((n, l) => n + l.length, 0),
  };
}
