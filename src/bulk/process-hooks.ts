// What bulk-sign-out needs from the process beyond what every command uses: standard input as a
// stream of chunks (for `--usernames-file -`) and Ctrl-C as a signal instead of an immediate
// exit (Io's onInterrupt).
import type { Io } from '../cli/io.js';
import type { PromptInput } from '../prompt/io.js';

/** Standard input as chunks, pulled as the reader asks (a paused stream holds the rest back). */
export function stdinOf(io: Io): AsyncIterable<string | Uint8Array> {
  const input = io.stdin ?? process.stdin;
  if (Symbol.asyncIterator in input) return input as unknown as AsyncIterable<string | Uint8Array>;
  return chunksOf(input);
}

/** An event-only input (a test's stand-in for a terminal) as an async iterable. */
async function* chunksOf(input: PromptInput): AsyncGenerator<string | Uint8Array> {
  const queued: Array<string | Buffer> = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const onData = (chunk: Buffer | string): void => { queued.push(chunk); input.pause(); wake?.(); };
  const onEnd = (): void => { ended = true; wake?.(); };
  input.on('data', onData);
  input.on('end', onEnd);
  try {
    for (;;) {
      const chunk = queued.shift();
      if (chunk !== undefined) { yield chunk; continue; }
      if (ended) return;
      const next = new Promise<void>((resolve) => { wake = resolve; });
      input.resume();
      await next;
      wake = undefined;
    }
  } finally {
    input.removeListener('data', onData);
    input.removeListener('end', onEnd);
  }
}

export interface Interrupt {
  /** Aborts on the first signal, with the signal's name as its reason. */
  readonly signal: AbortSignal;
  /** Gives the signals back to whoever had them before. */
  release(): void;
}

/** Ended alike: Ctrl-C, a `kill` (SIGTERM) and a closed terminal (SIGHUP). */
export const STOP_SIGNALS = ['SIGTERM', 'SIGHUP'] as const;

export interface SignalSource {
  on(signal: string, handler: () => void): void;
  removeListener(signal: string, handler: () => void): void;
}

/**
 * Ctrl-C (through Io), SIGTERM and SIGHUP as an AbortSignal for the duration of a run (SIGTERM and
 * SIGHUP only when the Io offers Ctrl-C, i.e. in the real process). A second signal calls
 * `onSecond` (which writes what must not be lost: the journal's last records and the one line
 * saying how the run ended), then gives Ctrl-C back to the process, which exits at once (130).
 */
export function takeInterrupt(
  io: Io,
  onSecond: (signal: string) => void = () => {},
  raise: () => void = () => process.kill(process.pid, 'SIGINT'),
  signals: SignalSource = process,
): Interrupt {
  const controller = new AbortController();
  let releaseIo: () => void = () => {};
  const handlers: Array<[string, () => void]> = [];
  const release = (): void => {
    releaseIo();
    for (const [name, h] of handlers.splice(0)) signals.removeListener(name, h);
  };
  const on = (name: string): void => {
    if (!controller.signal.aborted) {
      controller.abort(name);
      return;
    }
    try {
      onSecond(name);
    } finally {
      release();
      raise();
    }
  };
  if (io.onInterrupt) {
    releaseIo = io.onInterrupt(() => on('SIGINT'));
    for (const name of STOP_SIGNALS) {
      const h = (): void => on(name);
      handlers.push([name, h]);
      signals.on(name, h);
    }
  }
  return { signal: controller.signal, release };
}

/**
 * After the run, while its summary is written (a module loaded, a pager shown, output waiting to
 * drain): a signal then no longer ends the process unheard. `onSignal` writes what must not be
 * lost (the line saying how the run ended), then the signal goes back to the process, which ends
 * as it asks. Ctrl-C in a pager stays the pager's (the latest taker of Io's Ctrl-C decides).
 * Returns the release.
 */
export function whileReporting(
  io: Io,
  onSignal: (signal: string) => void,
  raise: (signal: string) => void = (signal) => process.kill(process.pid, signal),
  signals: SignalSource = process,
): () => void {
  const taken = takeInterrupt(io, () => {}, () => {}, signals);
  const onAbort = (): void => {
    const signal = typeof taken.signal.reason === 'string' ? taken.signal.reason : 'SIGINT';
    try {
      onSignal(signal);
    } finally {
      taken.release();
      raise(signal);
    }
  };
  taken.signal.addEventListener('abort', onAbort, { once: true });
  return () => {
    taken.signal.removeEventListener('abort', onAbort);
    taken.release();
  };
}
