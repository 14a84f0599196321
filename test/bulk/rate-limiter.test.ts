// The rate limiter on a fake clock, driven by a simulated service: the --max-rps promise (no
// one-second window ever holds more), and the controller's answer to the two kinds of
// throttling: our own excess over a quota (cut, and converge under it) and someone else's
// draining of a shared quota (random throttling: keep the rate, or the run collapses).
import { describe, expect, it } from 'vitest';
import { AimdRateLimiter, WINDOW_MARGIN_MS } from '../../src/bulk/rate-limiter.js';
import type { Clock } from '../../src/bulk/clock.js';
import { FakeClock } from './fake-clock.js';

/**
 * A fast fake clock for long simulations: timers in a heap, and pending continuations run by
 * draining microtasks (everything simulated here is promises, no I/O), not by setImmediate.
 */
class SimClock implements Clock {
  private t = 0;
  private seq = 0;
  private heap: Array<{ at: number; seq: number; resolve: () => void; wake: () => void; cancelled: boolean }> = [];
  now(): number { return this.t; }
  /** The sleeps each signal would end, with one listener per signal (one per sleep costs more than the rest of a sleep). */
  private bySignal = new WeakMap<AbortSignal, Set<SimClock['heap'][number]>>();
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) { resolve(); return; }
      let sleeping = signal === undefined ? undefined : this.bySignal.get(signal);
      if (signal !== undefined && sleeping === undefined) {
        const set = new Set<SimClock['heap'][number]>();
        sleeping = set;
        this.bySignal.set(signal, set);
        signal.addEventListener('abort', () => {
          for (const timer of set) { timer.cancelled = true; timer.wake(); }
          set.clear();
        }, { once: true });
      }
      const timer = { at: this.t + Math.max(0, ms), seq: this.seq++, wake: resolve, resolve: () => { sleeping?.delete(timer); resolve(); }, cancelled: false };
      sleeping?.add(timer);
      this.push(timer);
    });
  }
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await drain();
      const top = this.heap[0];
      if (!top || top.at > end) break;
      // Every timer due at this instant wakes before the continuations run: the callers woken
      // together (16 workers waiting for the same slot) then take one drain, not one each.
      this.t = Math.max(this.t, top.at);
      while (this.heap[0] !== undefined && this.heap[0].at <= this.t) {
        const due = this.heap[0];
        this.pop();
        if (!due.cancelled) due.resolve();
      }
    }
    this.t = end;
    await drain();
  }
  private less(a: { at: number; seq: number }, b: { at: number; seq: number }): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
  private push(x: SimClock['heap'][number]): void {
    const h = this.heap;
    h.push(x);
    for (let i = h.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  private pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

async function drain(): Promise<void> {
  for (let i = 0; i < 6; i++) await Promise.resolve();
}

/** A deterministic random sequence (tests must not depend on luck). */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A token bucket in fake time, like the service's quota. */
function quota(clock: Clock, rps: number): () => boolean {
  let tokens = rps;
  let at = 0;
  return () => {
    tokens = Math.min(rps, tokens + ((clock.now() - at) / 1000) * rps);
    at = clock.now();
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

interface Simulation {
  readonly grants: number[];
  readonly ok: number[];
  throttled: number;
}

/**
 * `workers` callers acquire, "send" (20 ms), and report the answer: throttled when `admit`
 * says no. Runs for `seconds` of fake time.
 */
async function simulate(maxRps: number, workers: number, seconds: number, admit: (clock: Clock) => () => boolean): Promise<Simulation> {
  const clock = new SimClock();
  const limiter = new AimdRateLimiter({ maxRps, clock });
  const isAdmitted = admit(clock);
  const stop = new AbortController();
  const sim: Simulation = { grants: [], ok: [], throttled: 0 };
  const worker = async (): Promise<void> => {
    while (!stop.signal.aborted) {
      const at = await limiter.acquire(stop.signal);
      if (at === undefined) return;
      sim.grants.push(at);
      await clock.sleep(20, stop.signal);
      if (stop.signal.aborted) return;
      if (isAdmitted()) {
        sim.ok.push(clock.now());
        limiter.succeeded(at);
      } else {
        sim.throttled += 1;
        limiter.throttled(at);
      }
    }
  };
  const runs = Array.from({ length: workers }, worker);
  await clock.advance(seconds * 1000);
  stop.abort();
  await Promise.all(runs);
  return sim;
}

/** The most grants in any one-second window [t, t + 1000). */
function busiestSecond(times: readonly number[]): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= 1000) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

const perSecond = (times: readonly number[], from: number, to: number): number => times.filter((t) => t >= from && t < to).length / ((to - from) / 1000);

describe('the --max-rps promise', () => {
  for (const maxRps of [1, 20, 50, 333]) {
    it(`never more than ${maxRps} requests start in any one-second window, and the rate is kept`, async () => {
      const sim = await simulate(maxRps, 32, 10, () => () => true);
      expect(busiestSecond(sim.grants)).toBe(maxRps);
      // Every second of the margin's worth is lost at most.
      expect(sim.grants.length).toBeGreaterThanOrEqual(Math.floor(maxRps * 10 * 1000 / (1000 + WINDOW_MARGIN_MS)) - 1);
    });
  }

  it('evenly spaced: 10 per second, one every 100 ms', async () => {
    const sim = await simulate(10, 4, 3, () => () => true);
    expect(sim.grants.slice(0, 4)).toEqual([0, 100, 200, 300]);
  });

  it('0 means no limit until the service throttles', async () => {
    const clock = new FakeClock();
    const limiter = new AimdRateLimiter({ maxRps: 0, clock });
    for (let i = 0; i < 1000; i++) expect(await limiter.acquire()).toBe(0);
    expect(limiter.rate()).toBe(Number.POSITIVE_INFINITY);
  });

  it('under a throttling storm (90 % of calls throttled) the window still holds', async () => {
    const random = seeded(7);
    const sim = await simulate(25, 16, 60, () => () => random() >= 0.9);
    expect(busiestSecond(sim.grants)).toBeLessThanOrEqual(25);
  });
});

describe('throttling by someone else (random, whatever our rate)', () => {
  for (const share of [0.5, 0.75, 0.9]) {
    it(`at ${share * 100} % throttling the rate does not collapse: at least 85 % of the ideal`, async () => {
      const random = seeded(42);
      const sim = await simulate(20, 16, 300, () => () => random() >= share);
      const ideal = 20 * (1 - share);
      const achieved = sim.ok.length / 300;
      expect(achieved).toBeGreaterThanOrEqual(0.85 * ideal);
      expect(busiestSecond(sim.grants)).toBeLessThanOrEqual(20);
    });
  }
});

describe('throttling of our own making (a quota below our rate)', () => {
  it('without a ceiling, converges under a 25 per second quota: most requests admitted', async () => {
    const sim = await simulate(0, 16, 120, (clock) => quota(clock, 25));
    // After the first minute: the quota is used, and throttled requests are a small share.
    const good = perSecond(sim.ok, 60_000, 120_000);
    const sent = perSecond(sim.grants, 60_000, 120_000);
    expect(good).toBeGreaterThanOrEqual(0.85 * 25);
    expect(sent).toBeLessThanOrEqual(1.3 * 25);
  });

  it('with a ceiling above the quota (40 against 25), the same', async () => {
    const sim = await simulate(40, 16, 120, (clock) => quota(clock, 25));
    const good = perSecond(sim.ok, 60_000, 120_000);
    const sent = perSecond(sim.grants, 60_000, 120_000);
    expect(good).toBeGreaterThanOrEqual(0.85 * 25);
    expect(sent).toBeLessThanOrEqual(1.3 * 25);
  });
});

describe('interrupts', () => {
  it('an interrupt ends a wait with undefined', async () => {
    const clock = new FakeClock();
    const limiter = new AimdRateLimiter({ maxRps: 1, clock });
    const controller = new AbortController();
    expect(await limiter.acquire(controller.signal)).toBe(0);
    const waiting = limiter.acquire(controller.signal);
    await clock.advance(100);
    controller.abort();
    expect(await waiting).toBeUndefined();
    expect(await limiter.acquire(controller.signal)).toBeUndefined();
    expect(clock.pending).toBe(0);
  });
});
