// The outside world beyond Io's streams, as lazy providers a command obtains through its Io (the
// way the GitHub CLI's command factory hands out its HTTP client and config): the real ones by
// default, each made on first use, so that nothing a run does not need is loaded; a test runs the
// whole program in its own process and swaps a provider only where a test is about that provider.
import { loadNetwork, type NetworkModule } from '../net/load.js';
import { systemClock, type Clock } from '../bulk/clock.js';
import type { Timer } from '../transport/http-send.js';

export interface Factory {
  /** The SDK-backed service client module (dist/net.cjs in the built CLI), loaded on first call. */
  readonly network: () => Promise<NetworkModule>;
  /** Wall-clock time. */
  readonly now: () => Date;
  /** The waits between retries of a call (the credential providers' own loops). */
  readonly sleep: (ms: number) => Promise<void>;
  /** Retry jitter in [0, 1): botocore's backoff is random × 2^(attempt-1) s. */
  readonly random: () => number;
  /** The HTTP calls' connect and read timeouts; undefined: real time (http-send.ts's own). */
  readonly timer: Timer | undefined;
  /**
   * bulk-sign-out's monotonic clock: its pacing, backoffs, grace and progress line. A seam so
   * that a test can run a rate-limited run in virtual time, judged by an endpoint on the same
   * clock, instead of waiting the seconds out.
   */
  readonly clock: Clock;
}

const DEFAULTS: Factory = {
  network: loadNetwork,
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  timer: undefined,
  clock: systemClock,
};

/** The providers of a run: the Io's own where it has them, else the real ones. */
export function factoryOf(io: { readonly factory?: Partial<Factory> | undefined }): Factory {
  return io.factory === undefined ? DEFAULTS : { ...DEFAULTS, ...io.factory };
}
