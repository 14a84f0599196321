// The bulk run: a producer feeds usernames into a bounded queue, `concurrency` workers take
// them, wait for the rate limiter, sign each out and record the outcome. Everything the engine
// touches comes in as a dependency (the call, the limiter, the journal, the clock, the interrupt
// signal), so the whole of it runs in tests without a network or a real Ctrl-C.
import { setMaxListeners } from 'node:events';
import { ServiceError } from '../errors/errors.js';
import { BoundedQueue } from './bounded-queue.js';
import type { Clock } from './clock.js';
import { backoffMs, classifyFailure, withAttempts } from './failures.js';
import { stopReason } from './ending.js';
import { JournalError, recordedText, type JournalRecord } from './journal.js';
import { MAX_LISTED_FAILURES, Tally } from './summary.js';

export interface Limiter {
  acquire(signal?: AbortSignal): Promise<number | undefined>;
  throttled(grantedAt: number): void;
  /** The request granted at `grantedAt` was answered without throttling. */
  succeeded?(grantedAt: number): void;
}

/** A user on its way through the run, with its place in the input. */
interface Item {
  readonly username: string;
  readonly index: number;
}

/** What a sign-out call resolves to: the request ID, and the error when it was no sign-out. */
export interface SignOutAnswer {
  readonly requestId?: string | undefined;
  readonly error?: unknown;
  readonly notSent?: boolean;
}

export interface EngineDeps {
  readonly usernames: AsyncIterable<string>;
  /** Whether the usernames may repeat (ListUsers); a username file is made distinct beforehand. */
  readonly dedupe?: boolean;
  /** The number of distinct users, when known before the run (a username file); else counted as read. */
  readonly knownUsers?: number;
  /**
   * The journal's signed-out users and when each was signed out (skipped, and added to as users
   * are signed out); none without a journal.
   */
  readonly signedOut: Map<string, string> | undefined;
  /**
   * Resolves to a SignOutAnswer (or anything, for a plain success); may also reject. When
   * `gated`, it calls `gate` itself just before the request leaves (false: send nothing, and
   * answer { notSent: true }); otherwise the engine waits for the limiter before calling it.
   */
  readonly signOut: (username: string, gate: () => Promise<boolean>) => Promise<SignOutAnswer | unknown>;
  readonly gated?: boolean;
  readonly limiter: Limiter;
  /** append() throws when the journal cannot be written: the run stops then. */
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
  /** Each user a dry run would sign out, in input order (for --dry-run's list). */
  readonly onWouldSignOut?: (username: string) => void;
  /**
   * Whether the service answers at all (any answer, an error included), asked when a user's
   * request failed on the connection after its retries: yes, the failure is that user's (a
   * request the path to the service always resets) and is recorded; no (or no probe), the
   * connection is down and the run stops.
   */
  readonly probe?: () => Promise<boolean>;
  /** --debug lines; never given a username. */
  readonly log?: (message: string) => void;
}

/** The code a user's failure is recorded with when its request failed on the connection. */
export const CONNECTION_FAILURE = 'ConnectionError';
/** The code of a 2xx answer that was not the service's (transport/client.ts notJsonAnswer). */
const INVALID_RESPONSE = 'InvalidResponse';

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
  const queue = new BoundedQueue<Item>(queueCapacity(deps.concurrency));
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
  if (deps.knownUsers !== undefined) tally.users = deps.knownUsers;
  const onInterrupt = (): void => {
    tally.interrupted = true;
    const reason: unknown = deps.interrupt.reason;
    tally.signal = typeof reason === 'string' ? reason : 'SIGINT';
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

  /**
   * `retryable`: the failure was the service's or the connection's (a server error or a reset
   * after their retries, a 2xx that was no answer), not about the user: a rerun may sign them out.
   */
  const record = (user: Item, outcome: JournalRecord['outcome'], requestId: string | undefined, answered?: { code: string; message: string }, retryable = false): void => {
    // A request abandoned after the grace period may still answer; the run is over by then.
    if (finished) return;
    const { username } = user;
    // Whatever an endpoint answered, a record stays short enough to be read back (journal.ts).
    const error = answered === undefined ? undefined : { code: recordedText(answered.code), message: recordedText(answered.message) };
    const at = now().toISOString();
    // Counted before the journal is written: the service has answered, whatever the disk says.
    if (outcome === 'signed-out') {
      tally.succeeded += 1;
      deps.signedOut?.set(username, at);
    } else {
      tally.recordFailure({ username, code: error?.code ?? '', message: error?.message ?? '', index: user.index }, retryable);
    }
    deps.journal?.append({
      username, userPoolId: deps.userPoolId, outcome, ...(error ? { code: error.code, message: error.message } : {}),
      ...(requestId === undefined ? {} : { requestId }), at,
    });
  };

  const seen = deps.dedupe === true ? new Set<string>() : undefined;
  const produce = async (): Promise<void> => {
    let index = 0;
    try {
      for await (const username of deps.usernames) {
        if (stop.signal.aborted) break;
        if (seen !== undefined) {
          if (seen.has(username)) {
            tally.duplicates += 1;
            if (tally.duplicated.length < MAX_LISTED_FAILURES && !tally.duplicated.includes(username)) tally.duplicated.push(username);
            continue;
          }
          seen.add(username);
        }
        if (deps.knownUsers === undefined) tally.users += 1;
        const item = { username, index: index++ };
        const signedOutAt = deps.signedOut?.get(username);
        if (signedOutAt !== undefined) { tally.recordSkip(signedOutAt); continue; }
        if (deps.dryRun) { tally.wouldSignOut += 1; deps.onWouldSignOut?.(username); continue; }
        if (!(await queue.push(item))) break;
      }
    } catch (e) {
      failRun(e);
    } finally {
      queue.close();
    }
  };

  const signOutOne = async (user: Item): Promise<void> => {
    let transient = 0;
    for (;;) {
      let grantedAt: number | undefined;
      const gate = async (): Promise<boolean> => {
        grantedAt = await deps.limiter.acquire(stop.signal);
        return grantedAt !== undefined;
      };
      // Stopped before the request left: nothing happened to this user, the next run takes it.
      if (deps.gated !== true && !(await gate())) return;
      let requestId: string | undefined;
      try {
        const answer = await deps.signOut(user.username, gate) as SignOutAnswer | undefined;
        if (answer?.notSent === true) return;
        requestId = answer?.requestId;
        if (answer?.error !== undefined) throw answer.error;
        deps.limiter.succeeded?.(grantedAt ?? deps.clock.now());
        record(user, 'signed-out', requestId);
        return;
      } catch (e) {
        if (e instanceof JournalError) throw e;
        // An error before the gate (the credentials, say) was never sent; it is judged all the same.
        const at = grantedAt ?? deps.clock.now();
        const kind = classifyFailure(e);
        if (kind === 'throttled') {
          tally.throttled += 1;
          deps.limiter.throttled(at);
          continue;
        }
        // Any other answer was admitted by the service's quota, which is what the limiter watches.
        if (e instanceof ServiceError) deps.limiter.succeeded?.(at);
        if (kind === 'transient' && ++transient < deps.maxAttempts) {
          const delay = backoffMs(transient, deps.random);
          log(`Retrying a sign-out after ${e instanceof ServiceError ? e.code : 'a connection error'} in ${(delay / 1000).toFixed(3)} s (attempt ${transient + 1} of ${deps.maxAttempts})`);
          await deps.clock.sleep(delay, stop.signal);
          continue;
        }
        if (kind === 'user' || (kind === 'transient' && e instanceof ServiceError)) {
          const err = e as ServiceError;
          record(user, 'failed', requestId, { code: err.code, message: err.serviceMessage }, kind === 'transient' || err.code === INVALID_RESPONSE);
          return;
        }
        // Without this, one user whose request always resets the connection stopped every
        // resume at that user.
        if (kind === 'transient' && deps.probe !== undefined && !stop.signal.aborted) {
          log('A sign-out failed on the connection after its retries: checking that the service answers');
          let answers = false;
          try { answers = await deps.probe(); } catch { /* no answer */ }
          if (answers) {
            record(user, 'failed', requestId, { code: CONNECTION_FAILURE, message: stopReason(e) }, true);
            return;
          }
        }
        failRun(withAttempts(e, transient));
        return;
      }
    }
  };

  const work = async (): Promise<void> => {
    for (let user = await queue.pop(); user !== undefined; user = await queue.pop()) {
      inFlight += 1;
      try {
        await signOutOne(user);
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
