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
  readonly signal: AbortSignal;
  /** Gives Ctrl-C back to whoever had it before. */
  release(): void;
}

/**
 * Ctrl-C as an AbortSignal for the duration of a run (never, when the Io offers no Ctrl-C). A
 * second Ctrl-C gives it back to the process, which exits at once (130).
 */
export function takeInterrupt(io: Io, raise: () => void = () => process.kill(process.pid, 'SIGINT')): Interrupt {
  const controller = new AbortController();
  const release = io.onInterrupt?.(() => {
    if (!controller.signal.aborted) {
      controller.abort();
      return;
    }
    release();
    raise();
  }) ?? (() => {});
  return { signal: controller.signal, release };
}
