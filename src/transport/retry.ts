// botocore's standard retry mode as an SDK retry strategy: which failures are retried (its
// throttling and transient error codes, HTTP 500/502/503/504, every connection failure), the
// jittered exponential backoff (random × min(2^(attempt-1), 20) s) and the retry quota.
// The SDK's own classifier differs in places, and the AWS CLI's "(reached max retries: N)"
// suffix depends on the same decision, so both come from here.
import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken } from '@smithy/types';
import { classifyResponse, isErrorStatus, parseServiceError, type RetryClass } from './service-error.js';
import { rawResponseOf } from './buffering-handler.js';
import { classifyNetworkError } from './network-errors.js';
import { NO_DEBUG, type DebugLog } from '../diagnostics/debug-log.js';

const INITIAL_QUOTA = 500;
const RETRY_COST = 5;
const TIMEOUT_RETRY_COST = 10;
const MAX_BACKOFF_S = 20;

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
  ) {
    this.mode = mode;
  }

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return new Token(0, 0, undefined);
  }

  async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    const attempt = token.getRetryCount() + 1;
    // botocore's needs-retry handler, in its order: the attempts are checked first (and noted
    // even for an error that is not retried), then whether the error is retryable, then the quota.
    const give = (why: string): never => {
      this.log.log('botocore.retries.standard', why);
      throw errorInfo.error;
    };
    if (!this.underMaxAttempts(attempt) || retryClassOf(errorInfo.error) === 'no') give('Not retrying request.');
    const kind = rawResponseOf(errorInfo.error) ? undefined : classifyNetworkError(errorInfo.error);
    const cost = kind === 'read-timeout' || kind === 'connect-timeout' ? TIMEOUT_RETRY_COST : RETRY_COST;
    if (this.quota < cost) give('Retry needed but retry quota reached, not retrying request.');
    this.quota -= cost;
    // The jitter is of the capped base (ExponentialBackoff.delay_amount), in seconds as logged.
    const seconds = this.random() * Math.min(2 ** (attempt - 1), MAX_BACKOFF_S);
    this.log.log('botocore.retries.standard', `Retry needed, retrying request after delay of: ${seconds}`);
    this.log.log('botocore.endpoint', `Response received to retry, sleeping for ${seconds} seconds`);
    return new Token(attempt, seconds * 1000, cost);
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
    const cost = (token as Token).getRetryCost();
    this.quota = Math.min(INITIAL_QUOTA, this.quota + (cost ?? 1));
  }
}
