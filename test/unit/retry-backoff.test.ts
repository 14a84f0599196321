// botocore's standard-mode backoff (retries/standard.py ExponentialBackoff): the jitter is taken
// of the capped base, random() × min(2^(attempt-1), 20) s, so from the sixth attempt on the wait
// is spread over 0 to 20 s rather than piled up at 20 s.
import { describe, expect, it } from 'vitest';
import type { RetryToken, SdkError } from '@smithy/types';
import { BotocoreRetryStrategy } from '../../src/transport/retry.js';

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
