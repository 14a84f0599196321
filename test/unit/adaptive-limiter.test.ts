// botocore's adaptive-mode rate limiter (src/transport/adaptive-limiter.ts) on a clock of its own,
// against the AWS CLI 2.36.7's --debug lines of a run throttled three times (AWS_RETRY_MODE=
// adaptive; test/fixtures/leftovers-sweep-recordings.json `adaptiveDebug`): the rates it logged, and
// the waits that run's request times show (its retries about 2 s apart, where standard mode's
// backoff alone is 0.39 s and 0.8 s).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdaptiveRateLimiter } from '../../src/transport/adaptive-limiter.js';
import { REPO } from '../support/cli.js';

const RECORDED = (JSON.parse(readFileSync(join(REPO, 'test/fixtures/leftovers-sweep-recordings.json'), 'utf8')) as { adaptiveDebug: { lines: string[] } }).adaptiveDebug;

describe('AdaptiveRateLimiter', () => {
  it('logs what botocore logs for three throttling answers, and makes each retry wait for its token', () => {
    let t = 100.2; // the client is made
    const limiter = new AdaptiveRateLimiter(() => t);
    t = 100.3; // the first answer, in the second the client was made in: no rate measured yet
    const lines = [limiter.onResponse(true)];
    const first = limiter.tokenWait(0.39);
    t = 100.3 + 0.39 + first + 0.01; // the second answer, as soon as the retry is sent
    lines.push(limiter.onResponse(true));
    const second = limiter.tokenWait(0.8);
    t += 0.8 + second + 0.01;
    lines.push(limiter.onResponse(true));
    expect(lines).toEqual(RECORDED.lines);
    // The bucket fills at 0.5 a second: the retry goes about 2 s after the answer, backoff included.
    expect(first).toBeCloseTo((1 - 0.1 - 0.39 * 0.5) / 0.5, 10);
    expect(second).toBeCloseTo((1 - 0.01 * 0.5 - 0.8 * 0.5) / 0.5, 10);
  });

  it('lets a send through at once before any throttling answer, and after successes', () => {
    let t = 10;
    const limiter = new AdaptiveRateLimiter(() => t);
    t = 10.7;
    expect(limiter.onResponse(false)).toBeUndefined();
    expect(limiter.tokenWait(1)).toBe(0);
  });
});
