// The AIMD token bucket, on a fake clock: the rate it holds, how it halves on throttling (once
// per congestion event), how it recovers, its floor, and its response to an interrupt.
import { describe, expect, it } from 'vitest';
import { AimdRateLimiter } from '../../src/bulk/rate-limiter.js';
import { FakeClock } from './fake-clock.js';

/** Acquires in a loop until `until` (fake ms), recording grant times. */
function consume(limiter: AimdRateLimiter, clock: FakeClock, until: number, signal?: AbortSignal): { grants: number[]; done: Promise<void> } {
  const grants: number[] = [];
  const done = (async () => {
    while (clock.now() < until) {
      const at = await limiter.acquire(signal);
      if (at === undefined) return;
      if (at < until) grants.push(at);
    }
  })();
  return { grants, done };
}

describe('AimdRateLimiter', () => {
  it('holds the configured rate: 10 per second, evenly spaced', async () => {
    const clock = new FakeClock();
    const limiter = new AimdRateLimiter({ maxRps: 10, clock });
    const { grants, done } = consume(limiter, clock, 10_000);
    await clock.advance(10_000);
    await done;
    expect(grants).toHaveLength(100);
    expect(grants.slice(0, 4)).toEqual([0, 100, 200, 300]);
  });

  it('shares the rate between concurrent callers', async () => {
    const clock = new FakeClock();
    const limiter = new AimdRateLimiter({ maxRps: 20, clock });
    const stop = new AbortController();
    const runs = Array.from({ length: 8 }, () => consume(limiter, clock, 5000, stop.signal));
    await clock.advance(5000);
    stop.abort();
    await Promise.all(runs.map((r) => r.done));
    expect(runs.reduce((n, r) => n + r.grants.length, 0)).toBe(100);
  });

  it('0 means no limit until the service throttles', async () => {
    const clock = new FakeClock();
    const limiter = new AimdRateLimiter({ maxRps: 0, clock });
    for (let i = 0; i < 1000; i++) expect(await limiter.acquire()).toBe(0);
    expect(limiter.rate()).toBe(Number.POSITIVE_INFINITY);
  });

  it('halves on throttling, once per congestion event, then recovers a tenth of the old rate per second', async () => {
    const clock = new FakeClock();
    const changes: number[] = [];
    const limiter = new AimdRateLimiter({ maxRps: 20, clock, onRateChange: (r) => changes.push(r) });
    const { done } = consume(limiter, clock, 1000);
    await clock.advance(1000);
    await done;
    const early = 500; // granted before the cut
    limiter.throttled(900);
    expect(limiter.rate()).toBe(10);
    limiter.throttled(early); // was in flight at the old rate: no second cut
    expect(limiter.rate()).toBe(10);
    await clock.advance(2500);
    expect(limiter.rate()).toBeCloseTo(15); // +2 per second
    await clock.advance(10_000);
    expect(limiter.rate()).toBe(20); // never above --max-rps
    expect(changes).toEqual([10]);
  });

  it('a second event after the cut halves again; never below 1 per second', async () => {
    const clock = new FakeClock();
    const limiter = new AimdRateLimiter({ maxRps: 8, clock });
    let at = (await limiter.acquire())!;
    limiter.throttled(at);
    expect(limiter.rate()).toBe(4);
    for (let i = 0; i < 10; i++) {
      const next = limiter.acquire();
      await clock.advance(2000);
      at = (await next)!;
      limiter.throttled(at);
    }
    expect(limiter.rate()).toBeGreaterThanOrEqual(1);
    expect(limiter.rate()).toBeLessThan(1.5);
  });

  it('backs off after a throttle: the next request waits an interval of the new rate', async () => {
    const clock = new FakeClock();
    const limiter = new AimdRateLimiter({ maxRps: 4, clock });
    const at = (await limiter.acquire())!;
    limiter.throttled(at);
    const grants: number[] = [];
    void limiter.acquire().then((t) => grants.push(t!));
    await clock.advance(499);
    expect(grants).toEqual([]);
    await clock.advance(1);
    expect(grants).toEqual([500]);
  });

  it('without a ceiling, the first throttle cuts to half the rate actually granted', async () => {
    const clock = new FakeClock();
    const limiter = new AimdRateLimiter({ maxRps: 0, clock });
    let last = 0;
    for (let i = 0; i < 100; i++) {
      last = (await limiter.acquire())!;
      await clock.advance(10); // 100 per second
    }
    limiter.throttled(last);
    expect(limiter.rate()).toBeGreaterThan(45);
    expect(limiter.rate()).toBeLessThan(55);
  });

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
