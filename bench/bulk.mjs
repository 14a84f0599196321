// Benchmark of bulk-sign-out against the local Cognito endpoint (run after `npm run build`):
//   node bench/bulk.mjs            the rate check and the 10,000 and 100,000 user runs
//   node bench/bulk.mjs --quick    the rate check and 10,000 users only
//   node bench/bulk.mjs --storm    the rate check, then someone else's throttling at 50/75/90 %
// 1. Rate: the endpoint admits 25 AdminUserGlobalSignOut per second and the CLI runs with
//    --max-rps 25; the achieved rate (from the journal's timestamps, so process start-up does not
//    count) should be at least 95 % of 25, with no failed user.
// 2. Throughput and peak memory with no limit on either side, from a username file, with and
//    without a journal (the journal's index is the one thing allowed to grow with the users).
// The endpoint runs in this process; the CLI is a child whose peak RSS it reports on exit.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const quick = process.argv.includes('--quick');
const storm = process.argv.includes('--storm');
const work = mkdtempSync(join(tmpdir(), 'cogso-bench-'));

// The endpoint is TypeScript test code; bundle it once for this run.
await build({
  entryPoints: [join(repo, 'local-cognito/server.ts')],
  outfile: join(work, 'server.mjs'),
  bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning',
});
const { startLocalCognito, TEST_CREDENTIALS } = await import(join(work, 'server.mjs'));

const server = await startLocalCognito();
const env = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: work,
  AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
  AWS_REGION: 'us-east-1',
  AWS_PAGER: '',
  AWS_EC2_METADATA_DISABLED: 'true',
};

function usersFile(name, count) {
  const usernames = Array.from({ length: count }, (_, i) => `${name}-${String(i).padStart(7, '0')}`);
  const pool = server.createUserPool(name);
  server.seedUsers(pool, usernames.map((username) => ({ username })));
  const file = join(work, `${name}.txt`);
  writeFileSync(file, `${usernames.join('\n')}\n`);
  return { pool, file };
}

function runCli(args) {
  const rusageFile = join(work, `rusage-${Date.now()}.json`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', join(here, 'bulk-child.mjs'), 'bulk-sign-out', '--endpoint-url', server.url, ...args], {
      cwd: work, env: { ...env, BENCH_RUSAGE_FILE: rusageFile }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      let usage = {};
      try { usage = JSON.parse(readFileSync(rusageFile, 'utf8')); } catch { /* no report: shown as n/a */ }
      if (code !== 0) reject(new Error(`bulk-sign-out exited ${code}: ${stderr}`));
      else resolve({ summary: JSON.parse(stdout), seconds, maxRssKb: usage.maxRSS, retainedKb: usage.retainedHeap === undefined ? undefined : usage.retainedHeap / 1024 });
    });
  });
}

function journalRate(path) {
  // The first line is the journal's header, not a record.
  const times = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((r) => r.at !== undefined).map((r) => Date.parse(r.at));
  const span = (times[times.length - 1] - times[0]) / 1000;
  return (times.length - 1) / span;
}

const rows = [];
const mb = (kb) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(1)} MB`);

try {
  // 1. The rate against a 25 rps quota: ~20 s of users.
  {
    const { pool, file } = usersFile('rate', 500);
    server.setRateLimit('AdminUserGlobalSignOut', 25);
    const journal = join(work, 'rate.journal');
    const r = await runCli(['--user-pool-id', pool, '--usernames-file', file, '--max-rps', '25', '--journal', journal]);
    server.setRateLimit('AdminUserGlobalSignOut', undefined);
    const rate = journalRate(journal);
    rows.push({
      run: '500 users, quota 25/s, --max-rps 25',
      succeeded: r.summary.Succeeded, failed: r.summary.Failed,
      seconds: r.seconds.toFixed(1),
      rate: `${rate.toFixed(2)}/s (${((rate / 25) * 100).toFixed(1)} % of 25)`,
      peakRss: mb(r.maxRssKb),
      retainedHeap: mb(r.retainedKb),
      throttled: server.stats().throttled,
    });
  }
  // 3. Someone else drains the shared quota: a share of the calls is throttled whatever our rate
  //    (the 25/s quota stays on). The ideal is the quota's part left for us: 25 × (1 − share).
  for (const share of storm ? [0.5, 0.75, 0.9] : []) {
    const count = Math.round(1000 * (1 - share));
    const { pool, file } = usersFile(`storm${share * 100}`, count);
    server.resetStats();
    server.setRateLimit('AdminUserGlobalSignOut', 25);
    server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'throttle', probability: share });
    const journal = join(work, `storm${share * 100}.journal`);
    const r = await runCli(['--user-pool-id', pool, '--usernames-file', file, '--max-rps', '25', '--journal', journal]);
    server.clearFaults();
    server.setRateLimit('AdminUserGlobalSignOut', undefined);
    const rate = journalRate(journal);
    const ideal = 25 * (1 - share);
    rows.push({
      run: `${count} users, ${share * 100} % throttled by others, quota 25/s, --max-rps 25`,
      succeeded: r.summary.Succeeded, failed: r.summary.Failed,
      seconds: r.seconds.toFixed(1),
      rate: `${rate.toFixed(2)}/s (${((rate / ideal) * 100).toFixed(1)} % of ${ideal.toFixed(2)})`,
      peakRss: mb(r.maxRssKb),
      retainedHeap: mb(r.retainedKb),
      throttled: server.stats().throttled,
    });
  }
  // 2. No limit: throughput and peak memory.
  for (const count of storm ? [] : quick ? [10_000] : [10_000, 100_000]) {
    const { pool, file } = usersFile(`n${count}`, count);
    for (const withJournal of [false, true]) {
      server.resetStats();
      const journal = join(work, `n${count}-${withJournal}.journal`);
      rmSync(journal, { force: true });
      // Each user needs signing out again for the second run: a fresh journal, the same pool.
      const args = ['--user-pool-id', pool, '--usernames-file', file, '--max-rps', '0', '--concurrency', '64'];
      if (withJournal) args.push('--journal', journal);
      const r = await runCli(args);
      rows.push({
        run: `${count.toLocaleString('en-US')} users, no limit${withJournal ? ', --journal' : ''}`,
        succeeded: r.summary.Succeeded, failed: r.summary.Failed,
        seconds: r.seconds.toFixed(1),
        rate: `${(count / r.seconds).toFixed(0)}/s`,
        peakRss: mb(r.maxRssKb),
        retainedHeap: mb(r.retainedKb),
        throttled: server.stats().throttled,
      });
    }
  }
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}

const cols = ['run', 'succeeded', 'failed', 'seconds', 'rate', 'peakRss', 'retainedHeap', 'throttled'];
const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(width[i])).join(' | ')} |`;
console.log(line(cols));
console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(cols.map((c) => r[c])));
console.log(`\nnode ${process.version}, ${(await import('node:os')).cpus().length} CPUs; the endpoint shares them with the CLI.`);
