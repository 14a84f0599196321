// The sign-out rate: a token bucket (in its GCRA form, one "theoretical arrival time" instead of a
// token count, so a changing rate needs no refill bookkeeping) whose rate follows AIMD. A
// throttling answer halves the rate; every second without one adds back a tenth of the rate in
// force before the cut, up to the configured ceiling. That converges on whatever the account's
// shared quota leaves for us, instead of a fixed guess that is either too slow or keeps
// tripping the quota.
import type { Clock } from './clock.js';

/** Burst allowance in seconds of the current rate (at least one request): smooths timer lateness. */
const BURST_SECONDS = 0.05;
/** The rate never drops below this, so a run always makes progress. */
const FLOOR_RPS = 1;
/** Fraction of the pre-cut rate recovered per second. */
const RECOVERY_PER_SECOND = 0.1;
/** The window over which the granted rate is measured (for a first cut when there is no ceiling). */
const WINDOW_MS = 1000;
const SLOTS = 10;

export interface RateLimiterOptions {
  /** Requests per second at most; 0 means no limit until the service throttles. */
  readonly maxRps: number;
  readonly clock: Clock;
  /** Told about each rate cut (for --debug). */
  readonly onRateChange?: (rps: number) => void;
}

export class AimdRateLimiter {
  private readonly ceiling: number;
  private readonly clock: Clock;
  private readonly onRateChange: (rps: number) => void;
  /** The rate just after the last cut (Infinity before any cut when unlimited). */
  private cutRate: number;
  private step = 0;
  private cutAt = Number.NEGATIVE_INFINITY;
  /** GCRA's theoretical arrival time of the next request. */
  private tat = Number.NEGATIVE_INFINITY;
  /** Grants per slot of the sliding window, for the granted rate. */
  private readonly slots = new Array<number>(SLOTS).fill(0);
  private slotIndex = 0;
  private slotStart: number;
  private readonly startedAt: number;

  constructor(options: RateLimiterOptions) {
    this.ceiling = options.maxRps === 0 ? Number.POSITIVE_INFINITY : options.maxRps;
    this.clock = options.clock;
    this.onRateChange = options.onRateChange ?? (() => {});
    this.cutRate = this.ceiling;
    this.slotStart = this.clock.now();
    this.startedAt = this.slotStart;
  }

  /** The rate in force now, in requests per second (Infinity: no limit). */
  rate(now = this.clock.now()): number {
    if (!Number.isFinite(this.cutRate) || this.step === 0) return this.cutRate;
    const recovered = this.cutRate + (this.step * Math.max(0, now - this.cutAt)) / 1000;
    return Math.min(this.ceiling, recovered);
  }

  /**
   * Waits for the right to send one request. Resolves to the grant time, which is handed back to
   * throttled(), or undefined when `signal` aborted first.
   */
  async acquire(signal?: AbortSignal): Promise<number | undefined> {
    for (;;) {
      if (signal?.aborted) return undefined;
      const now = this.clock.now();
      const rps = this.rate(now);
      if (!Number.isFinite(rps)) return this.grant(now);
      const interval = 1000 / rps;
      const tolerance = (Math.max(1, rps * BURST_SECONDS) - 1) * interval;
      const tat = Math.max(this.tat, now);
      if (tat - tolerance <= now) {
        this.tat = tat + interval;
        return this.grant(now);
      }
      // The rate may change while we sleep, so the slot is computed again on waking.
      await this.clock.sleep(tat - tolerance - now, signal);
    }
  }

  /**
   * The request granted at `grantedAt` was throttled. Only requests granted after the last cut
   * count: the others were already in flight at the old rate and say nothing new.
   */
  throttled(grantedAt: number): void {
    if (grantedAt < this.cutAt) return;
    const now = this.clock.now();
    const before = Math.min(this.rate(now), this.grantedRate(now));
    this.cutRate = Math.max(FLOOR_RPS, before / 2);
    this.step = Math.max(FLOOR_RPS, before) * RECOVERY_PER_SECOND;
    this.cutAt = now;
    // Backing off: the service's bucket is empty now, so nothing goes out for an interval of the new rate.
    this.tat = Math.max(this.tat, now + 1000 / this.cutRate);
    this.onRateChange(this.cutRate);
  }

  /** Requests granted per second over the last window. */
  private grantedRate(now: number): number {
    this.advance(now);
    let total = 0;
    for (const n of this.slots) total += n;
    // The current slot is partly elapsed and a young limiter has no full window: measure over the
    // time actually covered, but never less than one slot (a first throttle can come at once).
    const full = (SLOTS - 1) * (WINDOW_MS / SLOTS) + (now - this.slotStart);
    const covered = Math.max(WINDOW_MS / SLOTS, Math.min(full, now - this.startedAt));
    return (total * 1000) / covered;
  }

  private grant(now: number): number {
    this.advance(now);
    this.slots[this.slotIndex] = (this.slots[this.slotIndex] ?? 0) + 1;
    return now;
  }

  private advance(now: number): void {
    const width = WINDOW_MS / SLOTS;
    let steps = Math.floor((now - this.slotStart) / width);
    if (steps <= 0) return;
    this.slotStart += steps * width;
    if (steps > SLOTS) steps = SLOTS;
    for (let i = 0; i < steps; i++) {
      this.slotIndex = (this.slotIndex + 1) % SLOTS;
      this.slots[this.slotIndex] = 0;
    }
  }
}
