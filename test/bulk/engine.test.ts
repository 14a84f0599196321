// The engine with every dependency faked: what it calls, in what numbers, what it records, and
// how it stops (end of input, an error every user would meet, Ctrl-C with and without calls
// that outlast the grace period).
import { describe, expect, it } from 'vitest';
import { runEngine, type EngineDeps, type Limiter } from '../../src/bulk/engine.js';
import { JournalError, type JournalRecord } from '../../src/bulk/journal.js';
import { MAX_LISTED_FAILURES, summaryDocument, Tally } from '../../src/bulk/summary.js';
import { systemClock } from '../../src/bulk/clock.js';
import { GeneralError, ServiceError } from '../../src/errors/errors.js';
import { FakeClock } from './fake-clock.js';

const OP = 'AdminUserGlobalSignOut';
const serviceError = (code: string, message: string, retryable = false): ServiceError => new ServiceError(code, message, OP, [['message', message]], retryable ? 0 : undefined);
const throttle = (): ServiceError => serviceError('TooManyRequestsException', 'Rate exceeded', true);

async function* list(usernames: readonly string[], pulled?: { n: number }): AsyncGenerator<string> {
  for (const u of usernames) {
    if (pulled) pulled.n += 1;
    yield u;
  }
}

const users = (n: number): string[] => Array.from({ length: n }, (_, i) => `u${i}`);

const CTX = { userPoolId: 'us-east-1_Pool', region: 'us-east-1', endpoint: undefined, journal: undefined, startedAt: 0, endedAt: 2000, stopped: undefined };
/** The summary of a run of CTX, with `over` replacing members. */
const expected = (over: Record<string, unknown>): Record<string, unknown> => ({
  Users: 0, Succeeded: 0, Failed: 0, Skipped: 0, NotAttempted: 0, Duplicates: 0, Finished: true,
  UserPoolId: 'us-east-1_Pool', Region: 'us-east-1', StartTime: '1970-01-01T00:00:00.000Z', EndTime: '1970-01-01T00:00:02.000Z',
  DurationSeconds: 2, RatePerSecond: 0, Throttled: 0, Failures: [], ...over,
});
const ordered = (doc: Record<string, unknown>): string[] => Object.keys(doc);

class CountingLimiter implements Limiter {
  throttles = 0;
  async acquire(signal?: AbortSignal): Promise<number | undefined> { return signal?.aborted ? undefined : 0; }
  throttled(): void { this.throttles += 1; }
}

function deps(over: Partial<EngineDeps>): EngineDeps {
  return {
    usernames: list([]),
    signedOut: undefined,
    signOut: async () => ({}),
    limiter: new CountingLimiter(),
    journal: undefined,
    userPoolId: 'us-east-1_Pool',
    concurrency: 4,
    maxAttempts: 3,
    dryRun: false,
    interrupt: new AbortController().signal,
    graceMs: 5000,
    clock: systemClock,
    now: () => new Date(0),
    random: () => 0,
    ...over,
  };
}

describe('runEngine', () => {
  it('signs every user out once, skips the journal\'s, journals each outcome, and bounds concurrency', async () => {
    const calls: string[] = [];
    let inFlight = 0;
    let peak = 0;
    const records: JournalRecord[] = [];
    // u7 signed out before u3: the summary tells when the first of the skipped users was.
    const done = new Map([['u3', '2026-01-12T11:00:00.000Z'], ['u7', '2026-01-12T10:00:00.000Z']]);
    const { tally, fatal } = await runEngine(deps({
      usernames: list(users(500)),
      signedOut: done,
      concurrency: 7,
      journal: { append: (r) => records.push(r) },
      signOut: async (u) => {
        calls.push(u);
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight -= 1;
      },
    }));
    expect(fatal).toBeUndefined();
    expect(calls).toHaveLength(498);
    expect(new Set(calls).size).toBe(498);
    expect(calls).not.toContain('u3');
    expect(peak).toBe(7);
    expect(tally).toMatchObject({ succeeded: 498, failed: 0, skipped: 2, skippedSince: '2026-01-12T10:00:00.000Z', interrupted: false });
    expect(records[0]).toEqual({ username: 'u0', userPoolId: 'us-east-1_Pool', outcome: 'signed-out', at: '1970-01-01T00:00:00.000Z' });
    expect(done.size).toBe(500); // the index learns the users of this run (a duplicate later is skipped)
    expect(done.get('u0')).toBe('1970-01-01T00:00:00.000Z');
  });

  it('a username twice in the input is signed out once when there is a journal', async () => {
    const calls: string[] = [];
    const { tally } = await runEngine(deps({
      usernames: list(['a', 'b', 'a']), signedOut: new Map(), concurrency: 1, signOut: async (u) => { calls.push(u); },
    }));
    expect(calls).toEqual(['a', 'b']);
    expect(tally).toMatchObject({ succeeded: 2, skipped: 1 });
  });

  it('reads ahead of the workers by a bounded amount', async () => {
    const pulled = { n: 0 };
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const run = runEngine(deps({ usernames: list(users(100_000), pulled), concurrency: 4, signOut: () => gate }));
    await new Promise((r) => setTimeout(r, 50));
    expect(pulled.n).toBeLessThanOrEqual(120 + 4 + 1);
    release();
    expect((await run).tally.succeeded).toBe(100_000);
  });

  it('retries throttled users without limit and never drops one', async () => {
    const limiter = new CountingLimiter();
    const attempts = new Map<string, number>();
    const { tally } = await runEngine(deps({
      usernames: list(users(50)),
      limiter,
      signOut: async (u) => {
        const n = (attempts.get(u) ?? 0) + 1;
        attempts.set(u, n);
        if (n <= 5) throw throttle(); // far beyond max_attempts
      },
    }));
    expect(tally).toMatchObject({ succeeded: 50, failed: 0 });
    expect(limiter.throttles).toBe(250);
  });

  it('retries a transient error up to max_attempts, then records it as that user\'s failure', async () => {
    const attempts = new Map<string, number>();
    const { tally } = await runEngine(deps({
      usernames: list(['flaky', 'broken', 'fine']),
      signOut: async (u) => {
        const n = (attempts.get(u) ?? 0) + 1;
        attempts.set(u, n);
        if (u === 'flaky' && n < 3) throw serviceError('InternalErrorException', 'Internal server error', true);
        if (u === 'broken') throw serviceError('InternalErrorException', 'Internal server error', true);
      },
    }));
    expect(Object.fromEntries(attempts)).toEqual({ flaky: 3, broken: 3, fine: 1 });
    expect(summaryDocument(tally, false, CTX)).toEqual(expected({
      Users: 3, Succeeded: 2, Failed: 1, RatePerSecond: 1.5,
      Failures: [{ Username: 'broken', Code: 'InternalErrorException', Message: 'Internal server error' }],
    }));
  });

  it('records a user\'s own error and goes on', async () => {
    const records: JournalRecord[] = [];
    const { tally, fatal } = await runEngine(deps({
      usernames: list(['alice', 'ghost', 'bob']),
      journal: { append: (r) => records.push(r) },
      signOut: async (u) => { if (u === 'ghost') throw serviceError('UserNotFoundException', 'User does not exist.'); },
    }));
    expect(fatal).toBeUndefined();
    expect(tally).toMatchObject({ succeeded: 2, failed: 1 });
    expect(records.find((r) => r.username === 'ghost')).toEqual({
      username: 'ghost', userPoolId: 'us-east-1_Pool', outcome: 'failed', code: 'UserNotFoundException', message: 'User does not exist.', at: '1970-01-01T00:00:00.000Z',
    });
  });

  it('lists the first failures and counts the rest', async () => {
    const { tally } = await runEngine(deps({
      usernames: list(users(MAX_LISTED_FAILURES + 234)),
      signOut: async () => { throw serviceError('UserNotFoundException', 'User does not exist.'); },
    }));
    const doc = summaryDocument(tally, false, CTX);
    expect(doc.Failed).toBe(MAX_LISTED_FAILURES + 234);
    expect(doc.Failures).toHaveLength(MAX_LISTED_FAILURES);
    expect(doc.FailuresNotListed).toBe(234);
  });

  it('stops at an error every user would meet (a wrong pool), after the calls in flight', async () => {
    const calls: string[] = [];
    const { tally, fatal } = await runEngine(deps({
      usernames: list(users(1000)),
      concurrency: 2,
      signOut: async (u) => { calls.push(u); throw serviceError('ResourceNotFoundException', 'User pool us-east-1_Nope does not exist.'); },
    }));
    expect(fatal).toBeInstanceOf(ServiceError);
    expect((fatal as ServiceError).code).toBe('ResourceNotFoundException');
    expect(calls.length).toBeLessThanOrEqual(2);
    expect(tally.failed).toBe(0);
  });

  it('a connection failure that outlasts max_attempts stops the run with it', async () => {
    let calls = 0;
    const { fatal } = await runEngine(deps({
      usernames: list(users(10)),
      concurrency: 1,
      signOut: async () => { calls += 1; throw new GeneralError('Could not connect to the endpoint URL: "http://127.0.0.1:9/"'); },
    }));
    expect(fatal).toBeInstanceOf(GeneralError);
    expect(calls).toBe(3);
  });

  it('an error while reading the input stops the run with it', async () => {
    async function* broken(): AsyncGenerator<string> { yield 'a'; throw new GeneralError('Error reading --usernames-file: EIO'); }
    const { tally, fatal } = await runEngine(deps({ usernames: broken(), concurrency: 1 }));
    expect((fatal as Error).message).toBe('Error reading --usernames-file: EIO');
    expect(tally.succeeded).toBeLessThanOrEqual(1);
  });

  it('--dry-run counts and calls nothing', async () => {
    let calls = 0;
    const { tally } = await runEngine(deps({
      usernames: list(users(300)), signedOut: new Map([['u1', '2026-01-12T10:00:00.000Z']]), dryRun: true, signOut: async () => { calls += 1; },
    }));
    expect(calls).toBe(0);
    const doc = summaryDocument(tally, true, CTX);
    expect(doc).toEqual(expected({ Users: 300, Skipped: 1, WouldSignOut: 299, SkippedSince: '2026-01-12T10:00:00.000Z' }));
    expect(ordered(doc).slice(ordered(doc).indexOf('Region'), ordered(doc).indexOf('StartTime'))).toEqual(['Region', 'SkippedSince']);
  });

  it('Ctrl-C: takes no more users, lets the calls in flight finish and journals them', async () => {
    const interrupt = new AbortController();
    const pending: Array<() => void> = [];
    const records: JournalRecord[] = [];
    const run = runEngine(deps({
      usernames: list(users(1000)),
      concurrency: 3,
      interrupt: interrupt.signal,
      journal: { append: (r) => records.push(r) },
      signOut: (u) => new Promise<void>((resolve) => {
        // The first six answer at once, the next three hang until released.
        if (Number(u.slice(1)) < 6) resolve(); else pending.push(resolve);
      }),
    }));
    while (pending.length < 3) await new Promise((r) => setImmediate(r));
    interrupt.abort();
    for (const r of pending.splice(0)) r();
    const { tally, fatal } = await run;
    expect(fatal).toBeUndefined();
    expect(tally).toMatchObject({ succeeded: 9, interrupted: true, abandoned: 0 });
    expect(records.map((r) => r.username).sort()).toEqual(users(9).sort());
    // Users read ahead into the queue count as read, and as not attempted.
    expect(tally.users).toBeGreaterThanOrEqual(12);
    expect(summaryDocument(tally, false, CTX)).toEqual(expected({
      Users: tally.users, Succeeded: 9, NotAttempted: tally.users - 9, Finished: false, Interrupted: 'SIGINT', RatePerSecond: 4.5,
    }));
  });

  it('Ctrl-C: calls that outlast the grace period are abandoned, not journaled', async () => {
    const clock = new FakeClock();
    const interrupt = new AbortController();
    const records: JournalRecord[] = [];
    let started = 0;
    let release!: () => void;
    const hang = new Promise<void>((r) => { release = r; });
    const run = runEngine(deps({
      usernames: list(users(10)),
      concurrency: 2,
      clock,
      graceMs: 5000,
      interrupt: interrupt.signal,
      journal: { append: (r) => records.push(r) },
      signOut: () => { started += 1; return hang; },
    }));
    while (started < 2) await new Promise((r) => setImmediate(r));
    interrupt.abort();
    await clock.advance(5000);
    const { tally } = await run;
    release();
    await new Promise((r) => setImmediate(r));
    expect(tally).toMatchObject({ succeeded: 0, interrupted: true, abandoned: 2 });
    expect(records).toEqual([]);
    // The two abandoned calls are among the users not attempted (sent, and their answer never read).
    expect(summaryDocument(tally, false, CTX)).toEqual(expected({ Users: 10, NotAttempted: 10, Finished: false, Interrupted: 'SIGINT' }));
  });

  it('a throttled user waiting for the limiter at Ctrl-C is left for the next run', async () => {
    const interrupt = new AbortController();
    let calls = 0;
    const limiter: Limiter = {
      acquire: async (signal) => {
        if (calls > 0) await new Promise<void>((r) => signal?.addEventListener('abort', () => r(), { once: true }));
        return signal?.aborted ? undefined : 0;
      },
      throttled: () => {},
    };
    const run = runEngine(deps({
      usernames: list(['a']), concurrency: 1, limiter, interrupt: interrupt.signal,
      signOut: async () => { calls += 1; throw throttle(); },
    }));
    while (calls < 1) await new Promise((r) => setImmediate(r));
    interrupt.abort();
    const { tally } = await run;
    expect(tally).toMatchObject({ succeeded: 0, failed: 0, interrupted: true });
  });

  it('watches a caller-provided tally', async () => {
    const tally = new Tally();
    await runEngine(deps({ usernames: list(users(5)), tally }));
    expect(tally.succeeded).toBe(5);
  });

  it('a username file\'s known count: users never read by the workers are not attempted', async () => {
    const interrupt = new AbortController();
    interrupt.abort('SIGTERM');
    const { tally } = await runEngine(deps({ usernames: list(users(50)), knownUsers: 50, interrupt: interrupt.signal }));
    expect(summaryDocument(tally, false, CTX)).toEqual(expected({ Users: 50, NotAttempted: 50, Finished: false, Interrupted: 'SIGTERM' }));
  });

  it('from ListUsers (dedupe): a user listed twice is signed out once and reported as a duplicate', async () => {
    const calls: string[] = [];
    const { tally } = await runEngine(deps({
      usernames: list(['a', 'b', 'a', 'c', 'b', 'a']), dedupe: true, concurrency: 1,
      signOut: async (u) => { calls.push(u); },
    }));
    expect(calls).toEqual(['a', 'b', 'c']);
    expect(summaryDocument(tally, false, CTX)).toEqual(expected({ Users: 3, Succeeded: 3, Duplicates: 3, DuplicateUsernames: ['a', 'b'], RatePerSecond: 1.5 }));
  });

  it('failures are listed in input order, whatever order they were answered in', async () => {
    const { tally } = await runEngine(deps({
      usernames: list(users(6)), concurrency: 6,
      signOut: (u) => new Promise((_, reject) => setTimeout(() => reject(serviceError('UserNotFoundException', 'User does not exist.')), 60 - 10 * Number(u.slice(1)))),
    }));
    expect((summaryDocument(tally, false, CTX).Failures as Array<{ Username: string }>).map((f) => f.Username)).toEqual(users(6));
  });

  it('an answer that is no sign-out (SignOutAnswer.error) is that user\'s failure; request IDs are journaled', async () => {
    const records: JournalRecord[] = [];
    const { tally } = await runEngine(deps({
      usernames: list(['alice', 'bob']), concurrency: 1,
      journal: { append: (r) => records.push(r) },
      signOut: async (u) => (u === 'bob'
        ? { requestId: 'req-bob', error: serviceError('InvalidResponse', 'HTTP 200 (text/html) with 10 bytes') }
        : { requestId: 'req-alice' }),
    }));
    expect(tally).toMatchObject({ succeeded: 1, failed: 1 });
    expect(records).toEqual([
      { username: 'alice', userPoolId: 'us-east-1_Pool', outcome: 'signed-out', requestId: 'req-alice', at: '1970-01-01T00:00:00.000Z' },
      { username: 'bob', userPoolId: 'us-east-1_Pool', outcome: 'failed', code: 'InvalidResponse', message: 'HTTP 200 (text/html) with 10 bytes', requestId: 'req-bob', at: '1970-01-01T00:00:00.000Z' },
    ]);
  });

  it('a journal that cannot be written stops the run; the user it could not record still counts as signed out', async () => {
    let appended = 0;
    const { tally, fatal } = await runEngine(deps({
      usernames: list(users(100)), concurrency: 1,
      journal: { append: () => { appended += 1; if (appended === 3) throw new JournalError("[Errno 28] No space left on device: '/j'"); } },
    }));
    expect(fatal).toBeInstanceOf(JournalError);
    expect(tally.succeeded).toBe(3);
    expect(tally.succeeded + tally.notAttempted).toBe(tally.users);
  });

  it('counts throttling answers', async () => {
    let n = 0;
    const { tally } = await runEngine(deps({
      usernames: list(users(3)), concurrency: 1,
      signOut: async () => { n += 1; if (n % 2 === 1) throw throttle(); },
    }));
    expect(tally).toMatchObject({ succeeded: 3, throttled: 3 });
  });

  it('the summary\'s members in their documented order', async () => {
    const { tally } = await runEngine(deps({ usernames: list(['a']), dryRun: true }));
    expect(ordered(summaryDocument(tally, true, { ...CTX, endpoint: 'http://e', journal: '/j', stopped: 'X: y' }))).toEqual([
      'Users', 'Succeeded', 'Failed', 'Skipped', 'NotAttempted', 'WouldSignOut', 'Duplicates', 'Finished', 'Stopped',
      'UserPoolId', 'Region', 'Endpoint', 'Journal', 'StartTime', 'EndTime', 'DurationSeconds', 'RatePerSecond', 'Throttled', 'Failures',
    ]);
  });

  it('gated: the call takes the limiter\'s permission itself, and sends nothing once the run stops', async () => {
    const interrupt = new AbortController();
    const order: string[] = [];
    const limiter: Limiter = {
      acquire: async (signal) => { order.push('acquire'); return signal?.aborted ? undefined : 0; },
      throttled: () => {},
    };
    const { tally } = await runEngine(deps({
      usernames: list(['a', 'b', 'c']), concurrency: 1, gated: true, limiter, interrupt: interrupt.signal,
      signOut: async (u, gate) => {
        order.push(`before ${u}`);
        if (!(await gate())) return { notSent: true };
        order.push(`sent ${u}`);
        if (u === 'b') interrupt.abort();
        return {};
      },
    }));
    expect(order).toEqual(['before a', 'acquire', 'sent a', 'before b', 'acquire', 'sent b']);
    expect(tally).toMatchObject({ succeeded: 2, users: tally.users });
    expect(tally.notAttempted).toBe(tally.users - 2);
  });
});


describe('the summary of failures', () => {
  it("escapes the control characters of the service's words, which text and table would print raw", () => {
    const tally = new Tally();
    tally.users = 1;
    tally.recordFailure({ username: 'mallory', code: 'Bad\x1b[2J', message: 'line one\rline\x9b31m two\ttab\nnewline', index: 0 });
    const doc = summaryDocument(tally, false, CTX);
    expect(doc.Failures).toEqual([{ Username: 'mallory', Code: 'Bad\\x1b[2J', Message: 'line one\\rline\\x9b31m two\ttab\nnewline' }]);
  });
});
