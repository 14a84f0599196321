// The bulk run: a producer feeds usernames into a bounded queue, `concurrency` workers take
// them, wait for the rate limiter, sign each out and record the outcome. Everything the engine
// touches comes in as a dependency (the call, the limiter, the journal, the clock, the interrupt
// signal), so the whole of it runs in tests without a network or a real Ctrl-C.
import { setMaxListeners } from 'node:events';
import { ServiceError } from '../errors/errors.js';
import { BoundedQueue } from './bounded-queue.js';
import type { Clock } from './clock.js';
import { backoffMs, classifyFailure, withAttempts } from './failures.js';
import type { JournalRecord } from './journal.js';
import { Tally } from './summary.js';

export interface Limiter {
  acquire(signal?: AbortSignal): Promise<number | undefined>;
  throttled(grantedAt: number): void;
}

export interface EngineDeps {
  readonly usernames: AsyncIterable<string>;
  /** The journal's signed-out users (skipped, and added to as users are signed out); none without a journal. */
  readonly signedOut: Set<string> | undefined;
  readonly signOut: (username: string) => Promise<unknown>;
  readonly limiter: Limiter;
  readonly journal: { append(record: JournalRecord): void } | undefined;
  readonly userPoolId: string;
  readonly concurrency: number;
  /** max_attempts for transient failures (throttling is retried without limit). */
  readonly maxAttempts: number;
  readonly dryRun: boolean;
  /** Ctrl-C: stop taking users, let those in flight finish for up to graceMs. */
  readonly interrupt: AbortSignal;
  readonly graceMs: number;
  readonly clock: Clock;
  readonly now?: () => Date;
  readonly random?: () => number;
  /** Counters the caller can watch while the run goes on (the progress line). */
  readonly tally?: Tally;
  /** --debug lines; never given a username. */
  readonly log?: (message: string) => void;
}

export interface EngineResult {
  readonly tally: Tally;
  /** The error that stopped the run early (a connection failure, a rejected signature, …). */
  readonly fatal?: unknown;
}

/** Items the producer may read ahead of the workers: a ListUsers page or two. */
export function queueCapacity(concurrency: number): number {
  return Math.max(120, 2 * concurrency);
}

export async function runEngine(deps: EngineDeps): Promise<EngineResult> {
  const tally = deps.tally ?? new Tally();
  const log = deps.log ?? (() => {});
  const now = deps.now ?? (() => new Date());
  const queue = new BoundedQueue<string>(queueCapacity(deps.concurrency));
  const stop = new AbortController();
  // Every worker waiting for the limiter or a backoff listens on it: as many as --concurrency.
  setMaxListeners(deps.concurrency + 10, stop.signal);
  let fatal: unknown;
  let finished = false;
  let inFlight = 0;

  const halt = (): void => {
    stop.abort();
    queue.abandon();
  };
  const onInterrupt = (): void => {
    tally.interrupted = true;
    log(`Interrupted: taking no more users; waiting up to ${deps.graceMs / 1000} s for ${inFlight} requests in flight`);
    halt();
  };
  const failRun = (e: unknown): void => {
    if (finished || fatal !== undefined) return;
    fatal = e;
    log('Stopping the run: an error that every user would meet');
    halt();
  };
  if (deps.interrupt.aborted) onInterrupt(); else deps.interrupt.addEventListener('abort', onInterrupt, { once: true });

  const record = (username: string, outcome: JournalRecord['outcome'], error?: { code: string; message: string }): void => {
    // A request abandoned after the grace period may still answer; the run is over by then.
    if (finished) return;
    deps.journal?.append({
      username, userPoolId: deps.userPoolId, outcome, ...(error ? { code: error.code, message: error.message } : {}), at: now().toISOString(),
    });
    if (outcome === 'signed-out') {
      tally.succeeded += 1;
      deps.signedOut?.add(username);
    } else {
      tally.recordFailure({ username, code: error?.code ?? '', message: error?.message ?? '' });
    }
  };

  const produce = async (): Promise<void> => {
    try {
      for await (const username of deps.usernames) {
        if (stop.signal.aborted) break;
        if (deps.signedOut?.has(username)) { tally.skipped += 1; continue; }
        if (deps.dryRun) { tally.wouldSignOut += 1; continue; }
        if (!(await queue.push(username))) break;
      }
    } catch (e) {
      failRun(e);
    } finally {
      queue.close();
    }
  };

  const signOutOne = async (username: string): Promise<void> => {
    let transient = 0;
    for (;;) {
      const grantedAt = await deps.limiter.acquire(stop.signal);
      // Stopped before the request left: nothing happened to this user, the next run takes it.
      if (grantedAt === undefined) return;
      try {
        await deps.signOut(username);
        record(username, 'signed-out');
        return;
      } catch (e) {
        const kind = classifyFailure(e);
        if (kind === 'throttled') {
          deps.limiter.throttled(grantedAt);
          continue;
        }
        if (kind === 'transient' && ++transient < deps.maxAttempts) {
          const delay = backoffMs(transient, deps.random);
          log(`Retrying a sign-out after ${e instanceof ServiceError ? e.code : 'a connection error'} in ${(delay / 1000).toFixed(3)} s (attempt ${transient + 1} of ${deps.maxAttempts})`);
          await deps.clock.sleep(delay, stop.signal);
          continue;
        }
        if (kind === 'user' || (kind === 'transient' && e instanceof ServiceError)) {
          const err = e as ServiceError;
          record(username, 'failed', { code: err.code, message: err.serviceMessage });
          return;
        }
        failRun(withAttempts(e, transient));
        return;
      }
    }
  };

  const work = async (): Promise<void> => {
    for (let username = await queue.pop(); username !== undefined; username = await queue.pop()) {
      inFlight += 1;
      try {
        await signOutOne(username);
      } catch (e) {
        failRun(e);
      } finally {
        inFlight -= 1;
      }
    }
  };

  const producer = produce();
  const workers = Promise.all(Array.from({ length: deps.concurrency }, work));
  const graceOver = new AbortController();
  const grace = new Promise<void>((resolve) => {
    const wait = (): void => { void deps.clock.sleep(deps.graceMs, graceOver.signal).then(resolve); };
    if (stop.signal.aborted) wait(); else stop.signal.addEventListener('abort', wait, { once: true });
  });
  try {
    await Promise.race([workers, grace]);
    if (inFlight > 0) {
      tally.abandoned = inFlight;
      log(`Abandoned ${inFlight} requests still in flight after ${deps.graceMs / 1000} s`);
    }
    // A stopped producer may still be waiting for a ListUsers page nobody needs any more.
    if (!stop.signal.aborted) await producer;
  } finally {
    finished = true;
    graceOver.abort();
    deps.interrupt.removeEventListener('abort', onInterrupt);
  }
  return fatal === undefined ? { tally } : { tally, fatal };
}
