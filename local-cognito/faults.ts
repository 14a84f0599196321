// Throttling and injected failures: the two ways tests make this server misbehave on purpose.
import { performance } from 'node:perf_hooks';

export type FaultKind = 'status500' | 'html502' | 'reset' | 'delay' | 'empty200' | 'malformed' | 'html200' | 'throttle' | 'answer';

/** An `answer` fault's response, as given: the error answers no real Cognito fault makes (an odd body, a namespaced type). */
export interface FaultAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
  /** The body sent compressed (the answer's headers say so, or not, as the case needs). */
  bodyEncoding?: 'gzip' | 'deflate';
  /** Sent in two chunks with no Content-Length. */
  chunked?: boolean;
}

export interface FaultSpec {
  operation?: string;
  username?: string;
  times?: number;
  kind: FaultKind;
  delayMs?: number;
  // The share of matching requests the fault hits (the others pass): random throttling, say.
  probability?: number;
  /** Kind `answer` only: the response sent. */
  answer?: FaultAnswer;
  /** Matching requests let through before the fault starts (a run's later pages, say). */
  after?: number;
}

const FAULT_KINDS: ReadonlySet<string> = new Set<FaultKind>(['status500', 'html502', 'reset', 'delay', 'empty200', 'malformed', 'html200', 'throttle', 'answer']);
export const DEFAULT_DELAY_MS = 1000;

interface ArmedFault {
  spec: FaultSpec;
  remaining: number;
  passing: number;
}

export class FaultInjector {
  private faults: ArmedFault[] = [];

  inject(spec: FaultSpec): void {
    if (!FAULT_KINDS.has(spec.kind)) throw new Error(`unknown fault kind: ${String(spec.kind)}`);
    const times = spec.times ?? Infinity;
    if (!(times > 0)) throw new Error(`fault times must be positive, got ${times}`);
    if ((spec.kind === 'answer') !== (spec.answer !== undefined)) throw new Error('a fault has an answer exactly when its kind is answer');
    this.faults.push({ spec: { ...spec }, remaining: times, passing: spec.after ?? 0 });
  }

  clear(): void {
    this.faults = [];
  }

  // Earliest-injected matching fault wins, so a test can stack a one-off fault on a standing one.
  take(operation: string, username: string | undefined): FaultSpec | undefined {
    for (let i = 0; i < this.faults.length; i++) {
      const armed = this.faults[i]!;
      const { spec } = armed;
      if (spec.operation !== undefined && spec.operation !== operation) continue;
      if (spec.username !== undefined && spec.username !== username) continue;
      if (spec.probability !== undefined && Math.random() >= spec.probability) continue;
      if (armed.passing > 0) {
        armed.passing -= 1;
        continue;
      }
      armed.remaining -= 1;
      if (armed.remaining <= 0) this.faults.splice(i, 1);
      return spec;
    }
    return undefined;
  }
}

interface Bucket {
  rate: number;
  capacity: number;
  tokens: number;
  refilledAt: number;
}

// Token buckets per operation plus one for '*', which every operation also draws from, the way
// Cognito's quotas are shared across an account.
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** `clock`: monotonic milliseconds (a test holds or moves it to see the buckets refill). */
  constructor(private readonly clock: () => number = () => performance.now()) {}

  set(key: string, rps: number | undefined): void {
    if (rps === undefined || rps === 0) {
      this.buckets.delete(key);
      return;
    }
    if (!(rps > 0) || !Number.isFinite(rps)) throw new Error(`rate limit must be a positive number, got ${rps}`);
    // A burst below one request would never admit anything, so the floor is one.
    const capacity = Math.max(1, rps);
    this.buckets.set(key, { rate: rps, capacity, tokens: capacity, refilledAt: this.clock() });
  }

  // Takes a token from every bucket that applies, or from none when any of them is empty.
  admit(operation: string): boolean {
    const now = this.clock();
    const specific = this.buckets.get(operation);
    const global = this.buckets.get('*');
    if (specific) this.refill(specific, now);
    if (global) this.refill(global, now);
    if ((specific && specific.tokens < 1) || (global && global.tokens < 1)) return false;
    if (specific) specific.tokens -= 1;
    if (global) global.tokens -= 1;
    return true;
  }

  private refill(bucket: Bucket, now: number): void {
    bucket.tokens = Math.min(bucket.capacity, bucket.tokens + ((now - bucket.refilledAt) / 1000) * bucket.rate);
    bucket.refilledAt = now;
  }
}
