// botocore's adaptive retry mode's client-side rate limiter (botocore/retries/adaptive.py,
// throttling.py, bucket.py): every answer is clocked (RateClocker) and adjusts a send rate
// (CubicCalculator); from the first throttling answer on, each send waits for a token of a bucket
// filled at that rate (TokenBucket, at least 0.5 tokens a second). Here the sends it can delay are
// the retries: a run makes one call, whose first attempt no throttling answer can precede.
// Python's numbers print as Python prints them: the rates and capacity start as ints (`0`).
import { floatRepr } from '../python/builtins.js';

const SMOOTHING = 0.8;
const TIME_BUCKET_SCALE = 2; // 1 / 0.5 s
const SCALE_CONSTANT = 0.4;
const BETA = 0.7;
const MIN_FILL_RATE = 0.5;
const MAX_RATE_ADJUST_SCALE = 2;

/** A Python number: whether it is still an int decides its repr. */
interface PyNumber { readonly value: number; readonly int: boolean }
const pyNum = (n: PyNumber): string => (n.int ? String(n.value) : floatRepr(n.value));
/** Python's min(a, b): the first of two equal ones. */
const pyMin = (a: PyNumber, b: PyNumber): PyNumber => (b.value < a.value ? b : a);

export class AdaptiveRateLimiter {
  private enabled = false;
  // RateClocker
  private measured: PyNumber = { value: 0, int: true };
  private lastBucket: number;
  private count = 0;
  // CubicCalculator (starting_max_rate=0)
  private wMax = 0;
  private k = 0;
  private lastFail: number;
  // TokenBucket (max_rate=1)
  private fillRate: PyNumber = { value: 1, int: true };
  private maxCapacity: PyNumber = { value: 1, int: true };
  private capacity: PyNumber = { value: 0, int: true };
  private lastTimestamp: number;

  /** `now`: seconds, as time.time(); the limiter is made with the client. */
  constructor(private readonly now: () => number = () => Date.now() / 1000) {
    const t = now();
    this.lastBucket = Math.floor(t);
    this.lastFail = t;
    this.lastTimestamp = t;
  }

  /**
   * ClientRateLimiter.on_receiving_response, for every answer (after the retry handler's own
   * decision): the line --debug shows after a throttling answer, or undefined.
   */
  onResponse(throttling: boolean): string | undefined {
    const measured = this.record();
    const t = this.now();
    let newRate: number;
    let line: string | undefined;
    if (!throttling) {
      newRate = SCALE_CONSTANT * (t - this.lastFail - this.k) ** 3 + this.wMax;
    } else {
      const rate = this.enabled ? pyMin(measured, this.fillRate) : measured;
      this.wMax = rate.value;
      this.k = ((this.wMax * (1 - BETA)) / SCALE_CONSTANT) ** (1 / 3);
      this.lastFail = t;
      newRate = rate.value * BETA;
      line = `Throttling response received, new send rate: ${floatRepr(newRate)} measured rate: ${pyNum(measured)}, token bucket capacity available: ${pyNum(this.capacity)}`;
      this.enabled = true;
    }
    this.setMaxRate(pyMin({ value: newRate, int: false }, { value: MAX_RATE_ADJUST_SCALE * measured.value, int: measured.int }), t);
    return line;
  }

  /** The seconds a send made `after` seconds from now waits for its token (taken then). */
  tokenWait(after: number): number {
    if (!this.enabled) return 0;
    const at = this.now() + after;
    this.refill(at);
    let wait = 0;
    if (this.capacity.value < 1) {
      wait = (1 - this.capacity.value) / this.fillRate.value;
      // Refilled after the wait, to the token (Python's wait overshoots, so the bucket is full).
      this.lastTimestamp = at + wait;
      this.capacity = pyMin(this.maxCapacity, { value: 1, int: false });
    }
    this.capacity = { value: this.capacity.value - 1, int: this.capacity.int };
    return wait;
  }

  private record(): PyNumber {
    const t = this.now();
    const bucket = Math.floor(t * TIME_BUCKET_SCALE) / TIME_BUCKET_SCALE;
    this.count += 1;
    if (bucket > this.lastBucket) {
      const current = this.count / (bucket - this.lastBucket);
      this.measured = { value: current * SMOOTHING + this.measured.value * (1 - SMOOTHING), int: false };
      this.count = 0;
      this.lastBucket = bucket;
    }
    return this.measured;
  }

  private setMaxRate(value: PyNumber, t: number): void {
    this.refill(t);
    this.fillRate = value.value < MIN_FILL_RATE ? { value: MIN_FILL_RATE, int: false } : value;
    this.maxCapacity = value.value >= 1 ? value : { value: 1, int: true };
    this.capacity = pyMin(this.capacity, this.maxCapacity);
  }

  private refill(t: number): void {
    const filled = { value: this.capacity.value + (t - this.lastTimestamp) * this.fillRate.value, int: false };
    this.capacity = pyMin(this.maxCapacity, filled);
    this.lastTimestamp = t;
  }
}
