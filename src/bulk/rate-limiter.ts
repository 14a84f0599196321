// The sign-out rate. Two jobs:
//
// 1. A promise: never more than --max-rps requests start in any one-second window. Requests are
//    paced evenly (no bursts), and a record of the last --max-rps grant times refuses any grant
//    that would make --max-rps + 1 fall within one second plus a small margin for network jitter
//    (so the service, which sees the requests a little later and less evenly, counts no more).
//
// 2. Throttling: Cognito's quota is shared by the account, so a throttling answer means either
//    "you are too fast" (cutting the rate helps) or "someone else drains the quota" (cutting only
//    slows us down: at 90 % random throttling a cut-on-every-throttle controller sinks to its
//    floor). The controller tells them apart by trying: once per window with throttling it cuts
//    the rate towards the answered rate, then looks at the next window. If the share of
//    throttled answers fell, the cut was right and stays; if not, the throttling is not ours to
//    fix: the rate goes back to where it was and is held there for a while (longer each time)
//    before a cut is tried again. Without throttling the rate climbs back by a tenth of the
//    ceiling per window. A throttled user is retried (engine.ts), never dropped.
import type { Clock } from './clock.js';

/** The rate never drops below this, so a run always makes progress. */
const FLOOR_RPS = 1;
/** Added to the one-second window of the --max-rps promise, for jitter between us and the service. */
export const WINDOW_MARGIN_MS = 50;
/** The strict window is kept for ceilings up to this (beyond, even pacing alone keeps within 0.1 %). */
const MAX_TRACKED = 10_000;
/** A control window closes after this long with at least MIN_ANSWERS answers, or after MAX_WINDOW_MS. */
const WINDOW_MS = 1000;
const MAX_WINDOW_MS = 10_000;
const MIN_ANSWERS = 10;
/** With throttling, a window also waits for this many admitted answers (their rate is the signal). */
const MIN_ADMITTED = 20;
/** Throttled shares up to this are tolerated (the rate still climbs, nothing is cut). */
const TOLERATED = 0.05;
/** A cut "helped" when the throttled share fell to at most this fraction of what it was… */
const HELPED = 0.5;
/** How long a rate found to be throttled by others is held before a cut is tried again. */
const HOLD_MS = 30_000;
const MAX_HOLD_MS = 120_000;

export interface RateLimiterOptions {
  /** Requests per second at most; 0 means no limit until the service throttles. */
  readonly maxRps: number;
  readonly clock: Clock;
  /** Told about each rate change (for --debug). */
  readonly onRateChange?: (rps: number) => void;
  /** Told when the limiter starts and stops holding requests back because of throttling. */
  readonly onBackoff?: (backingOff: boolean) => void;
}

export class AimdRateLimiter {
  private readonly ceiling: number;
  private readonly clock: Clock;
  private readonly onRateChange: (rps: number) => void;
  private readonly onBackoff: (on: boolean) => void;
  /** The target rate (Infinity: no limit yet). */
  private current: number;
  /** Theoretical arrival time of the next request (even pacing). */
  private tat = Number.NEGATIVE_INFINITY;
  /** The last grant times, oldest first at `ringHead`, for the --max-rps window. */
  private readonly ring: number[] | undefined;
  private ringHead = 0;
  private ringSize = 0;
  // The control window.
  private windowStart: number;
  private granted = 0;
  private answered = 0;
  private throttledCount = 0;
  private probe: { readonly from: number; readonly share: number; readonly admitted: number; readonly rateRatio: number } | undefined;
  /** The rate before the first cut of the current run of cuts (undefined when none is going on). */
  private descentFrom: number | undefined;
  private holdUntil = Number.NEGATIVE_INFINITY;
  private holdMs = HOLD_MS;
  private backingOff = false;

  constructor(options: RateLimiterOptions) {
    this.ceiling = options.maxRps === 0 ? Number.POSITIVE_INFINITY : options.maxRps;
    this.clock = options.clock;
    this.onRateChange = options.onRateChange ?? (() => {});
    this.onBackoff = options.onBackoff ?? (() => {});
    this.current = this.ceiling;
    this.windowStart = this.clock.now();
    this.ring = Number.isFinite(this.ceiling) && this.ceiling <= MAX_TRACKED ? new Array<number>(this.ceiling).fill(0) : undefined;
  }

  /** The rate in force now, in requests per second (Infinity: no limit). */
  rate(): number {
    return this.current;
  }

  /**
   * Waits for the right to send one request. Resolves to the grant time, which is handed back to
   * throttled() or succeeded(), or undefined when `signal` aborted first.
   */
  async acquire(signal?: AbortSignal): Promise<number | undefined> {
    for (;;) {
      if (signal?.aborted) return undefined;
      const now = this.clock.now();
      this.maybeCloseWindow(now);
      let at = Number.isFinite(this.current) ? Math.max(this.tat, now) : now;
      if (this.ring !== undefined && this.ringSize === this.ring.length) {
        at = Math.max(at, (this.ring[this.ringHead] as number) + 1000 + WINDOW_MARGIN_MS);
      }
      if (at <= now) return this.grant(now);
      // The rate may change while we sleep, so the slot is computed again on waking.
      await this.clock.sleep(at - now, signal);
    }
  }

  /** The request granted at `grantedAt` was throttled (it will be asked for again). */
  throttled(grantedAt: number): void {
    const now = this.clock.now();
    if (grantedAt >= this.windowStart) {
      this.answered += 1;
      this.throttledCount += 1;
    }
    this.maybeCloseWindow(now);
  }

  /** The request granted at `grantedAt` was answered without throttling. */
  succeeded(grantedAt: number): void {
    if (grantedAt >= this.windowStart) this.answered += 1;
    this.maybeCloseWindow(this.clock.now());
  }

  private grant(now: number): number {
    if (Number.isFinite(this.current)) this.tat = Math.max(this.tat, now) + 1000 / this.current;
    if (this.ring !== undefined) {
      if (this.ringSize < this.ring.length) {
        this.ring[(this.ringHead + this.ringSize) % this.ring.length] = now;
        this.ringSize += 1;
      } else {
        this.ring[this.ringHead] = now;
        this.ringHead = (this.ringHead + 1) % this.ring.length;
      }
    }
    this.granted += 1;
    return now;
  }

  private setRate(rps: number): void {
    if (rps === this.current) return;
    this.current = rps;
    // A new rate applies from now on (a cut must not wait out the old interval, nor a raise).
    this.tat = Number.NEGATIVE_INFINITY;
    this.onRateChange(rps);
  }

  private setBackoff(on: boolean): void {
    if (on === this.backingOff) return;
    this.backingOff = on;
    this.onBackoff(on);
  }

  private maybeCloseWindow(now: number): void {
    const elapsed = now - this.windowStart;
    if (elapsed < WINDOW_MS) return;
    const admittedCount = this.answered - this.throttledCount;
    if (elapsed < MAX_WINDOW_MS && (this.answered < MIN_ANSWERS || (this.throttledCount > 0 && admittedCount < MIN_ADMITTED))) return;
    const answered = this.answered;
    const share = answered === 0 ? 0 : this.throttledCount / answered;
    const admitted = (admittedCount * 1000) / elapsed;
    const sentRate = (this.granted * 1000) / elapsed;
    this.windowStart = now;
    this.granted = 0;
    this.answered = 0;
    this.throttledCount = 0;
    if (answered === 0) return;
    this.decide(now, share, sentRate, admitted);
  }

  private decide(now: number, share: number, sentRate: number, admitted: number): void {
    const probe = this.probe;
    if (probe !== undefined) {
      this.probe = undefined;
      // …or when the admitted rate fell by less than 40 % as much as the rate did. Others'
      // throttling leaves a fixed share of our requests through, so it falls in proportion.
      const kept = probe.admitted > 0 ? admitted / probe.admitted : 1;
      const ours = share <= probe.share * HELPED || share <= TOLERATED || kept >= 1 - (1 - probe.rateRatio) * 0.4;
      if (!ours) {
        // Cutting did not lower the throttled share: others drain the quota. Going slower would
        // only cost us our part of it, so the rate goes back to where the cuts began (an earlier
        // cut may have been judged ours by chance) and is held.
        this.setRate(Math.max(probe.from, this.descentFrom ?? probe.from));
        this.descentFrom = undefined;
        this.holdUntil = now + this.holdMs;
        this.holdMs = Math.min(MAX_HOLD_MS, this.holdMs * 2);
        this.setBackoff(false);
        return;
      }
      this.holdMs = HOLD_MS;
    }
    if (share > TOLERATED) {
      if (now < this.holdUntil) return;
      const base = Math.min(this.current, sentRate);
      // Towards the rate the service admitted, by half at most per window.
      const target = Math.max(FLOOR_RPS, base * 0.5, Math.min(base * (1 - share) * 1.1, base * 0.9));
      this.probe = { from: this.current, share, admitted, rateRatio: base > 0 ? target / base : 1 };
      this.descentFrom ??= this.current;
      this.setRate(target);
      this.setBackoff(true);
      return;
    }
    this.setBackoff(false);
    this.descentFrom = undefined;
    if (this.current < this.ceiling) {
      const step = Number.isFinite(this.ceiling) ? this.ceiling / 10 : this.current / 10;
      this.setRate(Math.min(this.ceiling, this.current + Math.max(FLOOR_RPS, step)));
    }
  }
}
