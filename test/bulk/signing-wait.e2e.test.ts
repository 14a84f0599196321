// A request waits for the rate limiter before it is signed, not after: with many workers at a
// low rate a request can wait minutes for its turn, and the service refuses a signature older
// than five minutes (InvalidSignatureException: Signature expired), which stopped the whole run.
// The run's wall clock is the virtual clock here (the signer reads `new Date()`), and so is the
// endpoint's, so that five minutes of waiting take no real time. A file of its own: Date is
// replaced for the whole process while it runs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * A credential_process whose first credentials expire `firstMs` after `base` and every later
 * one an hour after it, each with a key of its own (AKIDROT1, AKIDROT2, …).
 */
function rotatingCredentials(dir: string, base: number, firstMs: number): { keys: Array<{ accessKeyId: string; secretAccessKey: string; sessionToken: string }>; expiry: (key: string) => number } {
  const script = join(dir, 'creds.cjs');
  writeFileSync(script, `const fs = require('fs'); const f = ${JSON.stringify(join(dir, 'creds.count'))};
const n = (fs.existsSync(f) ? Number(fs.readFileSync(f, 'utf8')) : 0) + 1; fs.writeFileSync(f, String(n));
const expires = ${base} + (n === 1 ? ${firstMs} : 3600000);
process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'AKIDROT' + n, SecretAccessKey: 'rotating-secret', SessionToken: 'token-' + n, Expiration: new Date(expires).toISOString() }));
`);
  mkdirSync(join(dir, '.aws'), { recursive: true });
  writeFileSync(join(dir, '.aws', 'config'), `[default]\ncredential_process = ${process.execPath} ${script}\n`);
  const keys = [1, 2, 3].map((n) => ({ accessKeyId: `AKIDROT${n}`, secretAccessKey: 'rotating-secret', sessionToken: `token-${n}` }));
  return { keys, expiry: (key) => base + (key === 'AKIDROT1' ? firstMs : 3600000) };
}

// The credentials too: temporary ones taken as the run starts can expire while a request waits
// for its turn (the first key here expires after 320 s, and the last requests leave after
// 329 s). The signer asks for them as the request leaves, not when the SDK builds it, and they
// are renewed near their expiry, by one credential process for all the requests waiting.
it.skipIf(process.env.COGSO_TEST_SPAWN === '1')('330 workers at 1 per second: the last wait 329 s, and are signed, with credentials still valid, when they leave', async ({ onTestFinished }) => {
  const clock = new VirtualClock();
  const base = RealDate.now();
  const { dir, remove } = workDir();
  const creds = rotatingCredentials(dir, base, 320_000);
  const server = await startLocalCognito({ rateClock: () => clock.now(), now: () => base + clock.now(), keys: creds.keys });
  onTestFinished(async () => { await server.close(); remove(); });
  const users = names(330);
  const p = server.createUserPool('held');
  server.seedUsers(p, users.map((username) => ({ username })));
  writeFileSync(join(dir, 'users.txt'), `${users.join('\n')}\n`);
  globalThis.Date = virtualDate(clock, base);
  const r = await runBulk(dir, ['--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', 'users.txt', '--max-rps', '1', '--concurrency', '330'], {
    factory: clock.factory, env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' },
  });
  globalThis.Date = RealDate;
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: 'bulk-sign-out: finished: 330 users: 330 signed out, 0 failed, 0 skipped, 0 not attempted.\n' });
  expect(clock.now()).toBeGreaterThan(329_000);
  const counts = signOutCounts(server.stats().signOuts, p);
  expect(users.filter((u) => counts.get(u) !== 1)).toEqual([]);
  const signOuts = server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut');
  expect(signOuts.filter((q) => creds.expiry(q.accessKeyId ?? '') <= base + (q.at ?? 0))).toEqual([]);
  expect(readFileSync(join(dir, 'creds.count'), 'utf8')).toBe('2');
});
