// botocore's standard retry mode as an SDK retry strategy: which failures are retried (its
// throttling and transient error codes, HTTP 500/502/503/504, every connection failure), the
// jittered exponential backoff (random × min(2^(attempt-1), 20) s) and the retry quota.
// The SDK's own classifier differs in places, and the AWS CLI's "(reached max retries: N)"
// suffix depends on the same decision, so both come from here.
// AWS_NEW_RETRIES_2026=true (botocore reads it once, `.lower() == 'true'`) switches botocore to
// its coming retry behaviour: a non-throttling error backs off from 0.05 s instead of 1 s, an
// x-amz-retry-after header (milliseconds) is waited for (up to 5 s past the backoff), and a retry
// costs the quota 14 (5 when throttled) where it cost 5 (10 for a timeout).
import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken } from '@smithy/types';
import { classifyResponse, isErrorStatus, parseServiceError, type RetryClass } from './service-error.js';
import { rawResponseOf } from './buffering-handler.js';
import { classifyNetworkError } from './network-errors.js';
import { NO_DEBUG, type DebugLog } from '../diagnostics/debug-log.js';
import { floatRepr } from '../python/builtins.js';
import { pyBigInt } from '../python/int.js';
import { AdaptiveRateLimiter } from './adaptive-limiter.js';

const INITIAL_QUOTA = 500;
const RETRY_COST = 5;
const TIMEOUT_RETRY_COST = 10;
const MAX_BACKOFF_S = 20;
const NEW_RETRY_COST = 14;
const NEW_THROTTLING_RETRY_COST = 5;
const NEW_NON_THROTTLING_BASE_SCALE = 0.05;
const RETRY_AFTER_MAX_ADDITIONAL_S = 5;

/** How botocore's standard mode treats a failed attempt. */
export function retryClassOf(error: unknown): RetryClass {
  const raw = rawResponseOf(error);
  if (raw) return isErrorStatus(raw.statusCode) ? classifyResponse(raw, parseServiceError(raw)) : 'no';
  if (error !== null && typeof error === 'object' && 'exitCode' in error) return 'no'; // one of ours, final
  const kind = classifyNetworkError(error);
  return kind === 'other' ? 'no' : 'transient';
}

class Token implements StandardRetryToken {
  constructor(private readonly count: number, private readonly delay: number, private readonly cost: number | undefined) {}
  getRetryCount(): number { return this.count; }
  getRetryDelay(): number { return this.delay; }
  getRetryCost(): number | undefined { return this.cost; }
  getRetryTokenCount(): number { return 0; }
}

export class BotocoreRetryStrategy implements RetryStrategyV2 {
  readonly mode: string;
  private quota = INITIAL_QUOTA;

  constructor(
    readonly maxAttempts: number,
    mode: 'standard' | 'adaptive',
    private readonly log: DebugLog = NO_DEBUG,
    private readonly random: () => number = Math.random,
    private readonly newRetries = false,
    /** Waits the backoff itself (src/cli/factory.ts), the SDK then waits nothing; else the SDK waits. */
    private readonly sleep?: (ms: number) => Promise<void>,
  ) {
    this.mode = mode;
    // The adaptive mode's clock, in seconds (adaptive-limiter.ts).
    this.limiter = mode === 'adaptive' ? new AdaptiveRateLimiter(() => Date.now() / 1000 + this.skew) : undefined;
  }

  private readonly limiter: AdaptiveRateLimiter | undefined;
  /** Seconds of the waits asked for that the sleep did not take (a test's): the limiter's clock moves by them too. */
  private skew = 0;

  private async wait(sleep: (ms: number) => Promise<void>, ms: number): Promise<void> {
    const start = Date.now();
    await sleep(ms);
    this.skew += Math.max(0, ms - (Date.now() - start)) / 1000;
  }

  /** The adaptive mode's limiter hears every answer, after the retry handler has decided. */
  private adapt(throttling: boolean): void {
    const line = this.limiter?.onResponse(throttling);
    if (line !== undefined) this.log.log('botocore.retries.adaptive', line);
  }

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return new Token(0, 0, undefined);
  }

  async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    const attempt = token.getRetryCount() + 1;
    // botocore's needs-retry handler, in its order: the attempts are checked first (and noted
    // even for an error that is not retried), then whether the error is retryable, then the quota.
    const retryClass = retryClassOf(errorInfo.error);
    const throttling = retryClass === 'throttling';
    const give = (why: string): never => {
      this.log.log('botocore.retries.standard', why);
      this.adapt(throttling);
      throw errorInfo.error;
    };
    if (!this.underMaxAttempts(attempt) || retryClass === 'no') give('Not retrying request.');
    const raw = rawResponseOf(errorInfo.error);
    const kind = raw ? undefined : classifyNetworkError(errorInfo.error);
    const cost = this.newRetries
      ? (throttling ? NEW_THROTTLING_RETRY_COST : NEW_RETRY_COST)
      : kind === 'read-timeout' || kind === 'connect-timeout' ? TIMEOUT_RETRY_COST : RETRY_COST;
    if (this.quota < cost) give('Retry needed but retry quota reached, not retrying request.');
    this.quota -= cost;
    const seconds = this.newRetries ? this.newDelay(attempt, throttling, raw?.headers) : this.random() * Math.min(2 ** (attempt - 1), MAX_BACKOFF_S);
    const shown = this.newRetries ? floatRepr(seconds) : String(seconds);
    this.log.log('botocore.retries.standard', `Retry needed, retrying request after delay of: ${shown}`);
    this.adapt(throttling);
    this.log.log('botocore.endpoint', `Response received to retry, sleeping for ${shown} seconds`);
    // The adaptive mode's send then waits for its token, once the backoff is over.
    const waitMs = (seconds + (this.limiter?.tokenWait(seconds) ?? 0)) * 1000;
    if (this.sleep === undefined) return new Token(attempt, waitMs, cost);
    await this.wait(this.sleep, seconds * 1000);
    if (waitMs > seconds * 1000) await this.wait(this.sleep, waitMs - seconds * 1000);
    return new Token(attempt, 0, cost);
  }

  /** ExponentialBackoff.delay_amount under NEW_RETRIES_ENABLED, in seconds. */
  private newDelay(attempt: number, throttling: boolean, headers: Readonly<Record<string, string>> | undefined): number {
    const scale = throttling ? 1 : NEW_NON_THROTTLING_BASE_SCALE;
    const backoff = this.random() * Math.min(scale * 2 ** (attempt - 1), MAX_BACKOFF_S);
    const after = headers === undefined ? undefined : this.retryAfter(headers['x-amz-retry-after']);
    return after === undefined ? backoff : Math.max(backoff, Math.min(after, RETRY_AFTER_MAX_ADDITIONAL_S + backoff));
  }

  /** `int(value) / 1000.0`, or nothing (logged) when botocore ignores the header. */
  private retryAfter(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    let reason: string;
    try {
      const ms = Number(pyBigInt(value));
      if (!Number.isFinite(ms)) reason = 'int too large to convert to float';
      else if (ms < 0) reason = 'Negative retry-after value';
      else return ms / 1000;
    } catch (e) {
      reason = (e as Error).message;
    }
    this.log.log('botocore.retries.standard', `Invalid x-amz-retry-after header value: ${value}, ignoring. Error: ${reason}`);
    return undefined;
  }

  /** botocore's MaxAttemptsChecker, which says so when the attempts are used up. */
  private underMaxAttempts(attempt: number): boolean {
    if (attempt < this.maxAttempts) return true;
    this.log.log('botocore.retries.standard', `Max attempts of ${this.maxAttempts} reached.`);
    return false;
  }

  recordSuccess(token: RetryToken): void {
    // A success goes through the same handler, which does not retry it.
    this.underMaxAttempts(token.getRetryCount() + 1);
    this.log.log('botocore.retries.standard', 'Not retrying request.');
    this.adapt(false);
    const cost = (token as Token).getRetryCost();
    this.quota = Math.min(INITIAL_QUOTA, this.quota + (cost ?? 1));
  }
}
