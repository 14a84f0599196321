// A request waits for the rate limiter before it is signed, not after: with many workers at a
// low rate a request can wait minutes for its turn, and the service refuses a signature older
// than five minutes (InvalidSignatureException: Signature expired), which stopped the whole run.
// The run's wall clock is the virtual clock here (the signer reads `new Date()`), and so is the
// endpoint's, so that five minutes of waiting take no real time. A file of its own: Date is
// replaced for the whole process while it runs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startLocalCognito } from '../../local-cognito/server.js';
import { names, runBulk, signOutCounts, workDir } from './support.js';
import { VirtualClock } from './virtual-clock.js';

const RealDate = Date;
afterEach(() => { globalThis.Date = RealDate; });

/** Date as `base` plus the clock's time, for the signer and the summary alike. */
function virtualDate(clock: VirtualClock, base: number): DateConstructor {
  class VirtualDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(base + clock.now());
      else super(...(args as [string | number]));
    }

    static override now(): number {
      return base + clock.now();
    }
  }
  return VirtualDate as DateConstructor;
}

it.skipIf(process.env.COGSO_TEST_SPAWN === '1')('310 workers at 1 per second: the last wait 309 s, and are signed when they leave', async ({ onTestFinished }) => {
  const clock = new VirtualClock();
  const base = RealDate.now();
  const server = await startLocalCognito({ rateClock: () => clock.now(), now: () => base + clock.now() });
  const { dir, remove } = workDir();
  onTestFinished(async () => { await server.close(); remove(); });
  const users = names(310);
  const p = server.createUserPool('held');
  server.seedUsers(p, users.map((username) => ({ username })));
  writeFileSync(join(dir, 'users.txt'), `${users.join('\n')}\n`);
  globalThis.Date = virtualDate(clock, base);
  const r = await runBulk(dir, ['--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', 'users.txt', '--max-rps', '1', '--concurrency', '310'], { factory: clock.factory });
  globalThis.Date = RealDate;
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: 'bulk-sign-out: finished: 310 users: 310 signed out, 0 failed, 0 skipped, 0 not attempted.\n' });
  expect(clock.now()).toBeGreaterThan(309_000);
  const counts = signOutCounts(server.stats().signOuts, p);
  expect(users.filter((u) => counts.get(u) !== 1)).toEqual([]);
});
