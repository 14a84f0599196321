// botocore's standard retry mode (retries/standard.py) as BotocoreRetryStrategy: the backoff
// (ExponentialBackoff: the jitter is taken of the capped base, random() × min(2^(attempt-1), 20) s,
// so from the sixth attempt on the wait is spread over 0 to 20 s rather than piled up at 20 s) and
// the needs-retry handler's debug lines, in its order (AWS CLI 2.36.7's --debug, recorded).
import { describe, expect, it } from 'vitest';
import type { RetryToken, SdkError } from '@smithy/types';
import { BotocoreRetryStrategy } from '../../src/transport/retry.js';
import type { DebugLog } from '../../src/diagnostics/debug-log.js';

const refused: SdkError = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', cause: undefined });

async function delays(random: number, attempts: number): Promise<number[]> {
  const strategy = new BotocoreRetryStrategy(attempts, 'standard', undefined, () => random);
  let token: RetryToken = await strategy.acquireInitialRetryToken();
  const out: number[] = [];
  for (let i = 1; i < attempts; i++) {
    token = await strategy.refreshRetryTokenForRetry(token, { error: refused, errorType: 'TRANSIENT' });
    out.push(token.getRetryDelay());
  }
  return out;
}

describe('standard-mode backoff', () => {
  it('is random() × min(2^(attempt-1), 20) seconds', async () => {
    expect(await delays(0.5, 8)).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('never waits more than 20 s', async () => {
    expect(await delays(0.999, 7)).toEqual([999, 1998, 3996, 7992, 15984, 19980]);
  });
});

describe('the needs-retry debug lines', () => {
  const notFound = Object.assign(new Error('User does not exist.'), { name: 'UserNotFoundException', cause: undefined }) as SdkError;
  const logged = (): { log: DebugLog; lines: string[] } => {
    const lines: string[] = [];
    return { lines, log: { enabled: true, log: (logger: string, message: string) => { lines.push(`${logger} - ${message}`); } } as unknown as DebugLog };
  };

  it('a retried error: the delay, then the sleep; the last attempt: max attempts, then not retrying', async () => {
    const { log, lines } = logged();
    const strategy = new BotocoreRetryStrategy(2, 'standard', log, () => 0.25);
    const token = await strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(), { error: refused, errorType: 'TRANSIENT' });
    await expect(strategy.refreshRetryTokenForRetry(token, { error: refused, errorType: 'TRANSIENT' })).rejects.toBe(refused);
    expect(lines).toEqual([
      'botocore.retries.standard - Retry needed, retrying request after delay of: 0.25',
      'botocore.endpoint - Response received to retry, sleeping for 0.25 seconds',
      'botocore.retries.standard - Max attempts of 2 reached.',
      'botocore.retries.standard - Not retrying request.',
    ]);
  });

  it('an error not retried on the last attempt still notes the max attempts first', async () => {
    const { log, lines } = logged();
    const strategy = new BotocoreRetryStrategy(1, 'standard', log);
    await expect(strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(), { error: notFound, errorType: 'CLIENT_ERROR' })).rejects.toBe(notFound);
    expect(lines).toEqual(['botocore.retries.standard - Max attempts of 1 reached.', 'botocore.retries.standard - Not retrying request.']);
  });

  it('a success is not retried, and says so', async () => {
    const { log, lines } = logged();
    new BotocoreRetryStrategy(1, 'standard', log).recordSuccess(await new BotocoreRetryStrategy(1, 'standard').acquireInitialRetryToken());
    const three = logged();
    const strategy = new BotocoreRetryStrategy(3, 'standard', three.log);
    strategy.recordSuccess(await strategy.acquireInitialRetryToken());
    expect(lines).toEqual(['botocore.retries.standard - Max attempts of 1 reached.', 'botocore.retries.standard - Not retrying request.']);
    expect(three.lines).toEqual(['botocore.retries.standard - Not retrying request.']);
  });
});
