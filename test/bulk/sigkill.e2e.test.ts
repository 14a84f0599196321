// The journal against the worst ending: SIGKILL at random moments (no handler runs, the lock
// stays behind, a batch of records may be lost, a line may be cut), 10 times over, each kill
// followed by a resume on the same journal, and a last resume at full speed. Nobody may be lost: at the end every user is
// signed out, and no user was ever journaled as signed out without the endpoint having done it.
// The kills come in independent chains side by side (each its own endpoint, pool and journal),
// so that one chain's child starts while another's runs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startLocalCognito } from '../../local-cognito/server.js';
import { journalLines, names, runBulk, signOutCounts, startBulk, workDir } from './support.js';

const CHAINS = 5;
const KILLS_PER_CHAIN = 2;
/**
 * Far more than a chain's kills can sign out (each at most 43 at 50 per second, see below): every
 * kill is a real SIGKILL, even when the test process stalls for seconds on a loaded machine.
 */
const USERS = 250;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One chain: KILLS_PER_CHAIN runs killed, each resumed by the next, then a last resume. Resolves to the kills that landed mid-run. */
async function chain(index: number): Promise<number> {
  const server = await startLocalCognito();
  const work = workDir();
  try {
    const users = names(USERS);
    const pool = server.createUserPool(`sigkill-${index}`);
    server.seedUsers(pool, users.map((username) => ({ username })));
    writeFileSync(join(work.dir, 'users.txt'), `${users.join('\n')}\n`);
    const args = ['--endpoint-url', server.url, '--user-pool-id', pool, '--usernames-file', 'users.txt', '--journal', 'j', '--max-rps', '50', '--concurrency', '8'];
    const journaled = (): Set<string> => new Set(journalLines(join(work.dir, 'j')).filter((l) => l.outcome === 'signed-out').map((l) => l.username as string));
    const sent = (): number => server.stats().requests.AdminUserGlobalSignOut ?? 0;
    let killedMidRun = 0;
    for (let trial = 0; trial < KILLS_PER_CHAIN; trial++) {
      const before = journaled().size;
      const sentBefore = sent();
      const run = startBulk(work.dir, args);
      if ((index + trial) % 3 === 0) {
        // Anywhere in start-up (the lock, the journal, the SDK) or just after.
        await sleep(Math.random() * 400);
      } else {
        // Mid-run: after 8 to 20 requests of this run, and a little more (a batch of the journal
        // written or not, requests in flight): at 50 per second, 20 + 15 + 8 in flight at most.
        const after = 8 + Math.floor(Math.random() * 13);
        while (sent() - sentBefore < after && run.child.exitCode === null) await sleep(5);
        await sleep(Math.random() * 300);
      }
      run.child.kill('SIGKILL');
      const r = await run.done;
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
    return killedMidRun;
  } finally {
    await server.close();
    work.remove();
  }
}

it(`${CHAINS * KILLS_PER_CHAIN} SIGKILLs at random moments, each followed by a resume: 0 users lost`, async () => {
  const midRun = await Promise.all(Array.from({ length: CHAINS }, (_, i) => chain(i)));
  // The trials did test something: some kills landed while users were being signed out.
  expect(midRun.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
}, 600_000);
