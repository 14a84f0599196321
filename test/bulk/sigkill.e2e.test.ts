// The journal against the worst ending: SIGKILL at random moments (no handler runs, the lock
// stays behind, a batch of records may be lost, a line may be cut), 10 times over, each kill
// followed by a resume on the same journal, and a last resume at full speed. Nobody may be lost: at the end every user is
// signed out, and no user was ever journaled as signed out without the endpoint having done it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { journalLines, names, runBulk, signOutCounts, startBulk, workDir } from './support.js';

let server: LocalCognito;
let work: ReturnType<typeof workDir>;
beforeAll(async () => { server = await startLocalCognito(); work = workDir(); });
afterAll(async () => { await server.close(); work.remove(); });

const TRIALS = 10;

it(`${TRIALS} SIGKILLs at random moments, each followed by a resume: 0 users lost`, async () => {
  const users = names(800);
  const pool = server.createUserPool('sigkill');
  server.seedUsers(pool, users.map((username) => ({ username })));
  writeFileSync(join(work.dir, 'users.txt'), `${users.join('\n')}\n`);
  const args = ['--endpoint-url', server.url, '--user-pool-id', pool, '--usernames-file', 'users.txt', '--journal', 'j', '--max-rps', '100', '--concurrency', '8'];
  const journaled = (): Set<string> => new Set(journalLines(join(work.dir, 'j')).filter((l) => l.outcome === 'signed-out').map((l) => l.username as string));
  let killedMidRun = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    const before = journaled().size;
    const run = startBulk(work.dir, args);
    // Anywhere from start-up to well into the run.
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 500));
    run.child.kill('SIGKILL');
    const r = await run.done;
    // 800 users at 100 per second outlast every kill (a trial signs out 60 at most, ten of them
    // 600): each trial is a real SIGKILL.
    expect(r.signal).toBe('SIGKILL');
    if (journaled().size > before) killedMidRun += 1;
    // Never a sign-out journaled that the endpoint did not do.
    const counts = signOutCounts(server.stats().signOuts, pool);
    for (const u of journaled()) expect(counts.get(u) ?? 0).toBeGreaterThanOrEqual(1);
  }
  // The last resume unthrottled: what it must show is that nobody was lost, not the rate.
  const last = await runBulk(work.dir, [...args.slice(0, -4), '--max-rps', '0', '--concurrency', '32']);
  expect(last.code).toBe(0);
  const summary = JSON.parse(last.stdout) as { Users: number; Succeeded: number; Skipped: number; NotAttempted: number };
  expect(summary.Users).toBe(users.length);
  expect(summary.Succeeded + summary.Skipped).toBe(users.length);
  expect(summary.NotAttempted).toBe(0);
  const counts = signOutCounts(server.stats().signOuts, pool);
  expect(users.filter((u) => (counts.get(u) ?? 0) === 0)).toEqual([]);
  expect(journaled().size).toBe(users.length);
  // The trials did test something: some kills landed while users were being signed out.
  expect(killedMidRun).toBeGreaterThan(0);
}, 600_000);
