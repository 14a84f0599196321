// bulk-sign-out end to end against the local Cognito endpoint with its rate limit and fault
// injection on, asserting exact output, exit codes, and what the endpoint saw (every user signed
// out exactly once: stats().signOuts counts each success). The built CLI as a child process where
// the process is the point (signals, a second run beside the first); the program in this process
// otherwise, in virtual time shared with the endpoint (virtual-clock.ts): its pacing and backoffs
// take no real time, and the rate the endpoint sees is judged in the time the client paced itself in.
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { refusedPort } from '../support/network.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { firstSignedOutAt, journalLines, names, runBulk, signOutCounts, skippedWords, startBulk, workDir } from './support.js';
import { VirtualClock } from './virtual-clock.js';

const USAGE = 'usage: cogsignout [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n  cogsignout help\n  cogsignout <command> help\n  cogsignout <command> <subcommand> help\n';
const paramError = (msg: string): string => `\ncogsignout: [ERROR]: An error occurred (ParamValidation): ${msg}\n`;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
/** The expected summary of a finished run against the test endpoint, with `over` replacing members. */
function doc(poolId: string, s: number, f: number, k: number, failures: Array<[string, string, string]> = [], over: Record<string, unknown> = {}): Record<string, unknown> {
  const counts = { Users: s + f + k + Number(over.NotAttempted ?? 0) + Number(over.WouldSignOut ?? 0), Succeeded: s, Failed: f, Skipped: k, NotAttempted: 0 };
  return {
    ...counts, Duplicates: 0, Finished: true, UserPoolId: poolId, Region: 'us-east-1', Endpoint: '<endpoint>',
    StartTime: '<time>', EndTime: '<time>', DurationSeconds: '<n>', RatePerSecond: '<n>', Throttled: 0,
    Failures: failures.map(([Username, Code, Message]) => ({ Username, Code, Message })), ...over,
  };
}
const finishedLine = (users: number, s: number, f: number, k: number, extra = '', since?: string): string =>
  `bulk-sign-out: finished: ${users} users: ${s} signed out, ${f} failed, ${since === undefined ? `${k} skipped` : skippedWords(k, since)}, 0 not attempted${extra}${f > 0 ? '; the failed users are listed in the summary' : ''}.\n`;

/** COGSO_TEST_SPAWN=1 makes the in-process runs child processes (test/support/cli.ts), which only real time reaches. */
const SPAWNED = process.env.COGSO_TEST_SPAWN === '1';

/**
 * Each case has an endpoint, a directory and a clock of its own (its stats, faults, rate limits
 * and time are its own), so that all cases can run side by side: the rate cases too, whose time
 * is virtual (no work beside them can make a second look shorter), while the cases whose child
 * processes mostly wait do so beside them. In-process runs take turns (test/support/cli.ts).
 * `exchangeMs`: the virtual time an exchange takes (virtual-clock.ts).
 */
async function setUp(onTestFinished: (fn: () => Promise<void>) => void, { exchangeMs }: { exchangeMs?: number } = {}) {
  const clock = SPAWNED ? undefined : new VirtualClock(exchangeMs);
  const server: LocalCognito = await startLocalCognito(clock === undefined ? {} : { rateClock: () => clock.now() });
  const { dir, remove } = workDir();
  onTestFinished(async () => { await server.close(); remove(); });

  /** The summary with what changes from run to run (times, rate, the endpoint's port) replaced, after checking its form. */
  function normalized(stdout: string): Record<string, unknown> {
    const doc = JSON.parse(stdout) as Record<string, unknown>;
    for (const k of ['StartTime', 'EndTime']) if (ISO.test(String(doc[k]))) doc[k] = '<time>';
    for (const k of ['DurationSeconds', 'RatePerSecond']) if (typeof doc[k] === 'number' && (doc[k] as number) >= 0) doc[k] = '<n>';
    if (doc.Endpoint === server.url) doc.Endpoint = '<endpoint>';
    if (typeof doc.Journal === 'string') doc.Journal = (doc.Journal as string).replace(dir, '<DIR>');
    return doc;
  }

  function pool(usernames: readonly string[], attributes?: (u: string, i: number) => Record<string, string>): string {
    const id = server.createUserPool(`bulk-${Math.random().toString(36).slice(2, 8)}`);
    server.seedUsers(id, usernames.map((username, i) => ({ username, ...(attributes ? { attributes: attributes(username, i) } : {}) })));
    return id;
  }

  function file(name: string, lines: readonly string[]): string {
    writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
    return name;
  }

  const bulk = (poolId: string, args: readonly string[], opts: { stdin?: string; env?: Record<string, string> } = {}) =>
    runBulk(dir, ['--endpoint-url', server.url, '--user-pool-id', poolId, ...args], { ...opts, factory: clock?.factory });

  /** Asserts the endpoint signed out exactly `expected`, each once. */
  function expectSignedOutOnce(poolId: string, expected: readonly string[]): void {
    const counts = signOutCounts(server.stats().signOuts, poolId);
    expect(counts.size).toBe(expected.length);
    const twice = [...counts].filter(([, n]) => n !== 1);
    expect(twice).toEqual([]);
    for (const u of expected) if (!counts.has(u)) throw new Error(`not signed out: ${u}`);
  }

  return { server, dir, clock, normalized, pool, file, bulk, expectSignedOutOnce };
}

/** The most requests in any one-second window [t, t + 1000) of arrival times (ms). */
function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= 1000) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

// Every case runs side by side with the others (vitest starts them in file order, five at a
// time); in-process runs take turns. The cases with a child process come early, between the
// in-process ones, so that the children run while this process works on its turns.
describe.concurrent('interrupted and resumed', () => {
  it('Ctrl-C halfway: summary and 130; the rerun with the journal skips the done and signs out the rest, each once', async ({ onTestFinished }) => {
    const { server, dir, normalized, pool, file, bulk, expectSignedOutOnce } = await setUp(onTestFinished);
    // 3 s at 100 per second: the interrupt comes well before the end, even when the test
    // process stalls on a loaded machine.
    const N = 300;
    const users = names(N);
    const p = pool(users);
    const list = file('users.txt', users);
    const journal = join(dir, 'run.journal');
    const first = startBulk(dir, ['--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', list, '--journal', 'run.journal', '--max-rps', '100', '--concurrency', '8']);
    // Some 40 users in (journal.ts writes its records in batches, at least every FLUSH_MS: 200 ms).
    while (journalLines(journal).length < 41) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGINT');
    const r1 = await first.done;
    expect(r1.code).toBe(130);
    const done = journalLines(journal).slice(1);
    const resume = `cogsignout bulk-sign-out --endpoint-url ${server.url} --user-pool-id ${p} --usernames-file users.txt --journal run.journal --max-rps 100 --concurrency 8`;
    expect(r1.stderr).toBe(`bulk-sign-out: interrupted (SIGINT): ${N} users: ${done.length} signed out, 0 failed, 0 skipped, ${N - done.length} not attempted; to resume: ${resume}\n`);
    expect(normalized(r1.stdout)).toEqual(doc(p, done.length, 0, 0, [], { NotAttempted: N - done.length, Finished: false, Interrupted: 'SIGINT', Journal: '<DIR>/run.journal' }));
    expect(done.length).toBeLessThan(N);
    // Everything the endpoint did is in the journal: nothing in flight was lost.
    expect(signOutCounts(server.stats().signOuts, p).size).toBe(done.length);

    const r2 = await bulk(p, ['--usernames-file', list, '--journal', 'run.journal', '--max-rps', '0', '--concurrency', '32']);
    // The skipped users are told with when the first of them was signed out: a journal kept from
    // an older incident would skip users who may have signed in again since.
    const since = firstSignedOutAt(done);
    expect(r2).toMatchObject({ code: 0, stderr: finishedLine(N, N - done.length, 0, done.length, '', since) });
    expect(normalized(r2.stdout)).toEqual(doc(p, N - done.length, 0, done.length, [], { Journal: '<DIR>/run.journal', SkippedSince: since }));
    expectSignedOutOnce(p, users);
    const all = journalLines(journal).slice(1);
    expect(all).toHaveLength(N);
    expect(new Set(all.map((l) => l.username)).size).toBe(N);
    expect(all.every((l) => l.outcome === 'signed-out' && l.userPoolId === p && typeof l.at === 'string' && typeof l.requestId === 'string')).toBe(true);
  });

  it('a second Ctrl-C exits at once, leaving calls in flight behind, and still says what happened', async ({ onTestFinished }) => {

    const { server, dir, pool, file, bulk } = await setUp(onTestFinished);
    const users = names(20);
    const p = pool(users);
    server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'delay', delayMs: 20_000 });
    const run = startBulk(dir, ['--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', file('users.txt', users), '--journal', 'j', '--concurrency', '4']);
    while ((server.stats().requests.AdminUserGlobalSignOut ?? 0) < 4) await new Promise((r) => setTimeout(r, 20));
    run.child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 200));
    run.child.kill('SIGINT');
    const r = await run.done;
    // No summary (which the first Ctrl-C would print after its grace) and nothing journaled:
    // the second Ctrl-C ended the run while the calls were still held by the endpoint.
    const resume = `cogsignout bulk-sign-out --endpoint-url ${server.url} --user-pool-id ${p} --usernames-file users.txt --journal j --concurrency 4`;
    expect(r).toMatchObject({ code: 130, stdout: '\n', stderr: `bulk-sign-out: interrupted (SIGINT, twice): 20 users: 0 signed out, 0 failed, 0 skipped, 20 not attempted; to resume: ${resume}\n` });
    expect(journalLines(join(dir, 'j')).slice(1)).toEqual([]);
    // The lock went with it: the resume is not refused.
    server.clearFaults();
    const again = await bulk(p, ['--usernames-file', 'users.txt', '--journal', 'j']);
    expect(again).toMatchObject({ code: 0, stderr: finishedLine(20, 20, 0, 0) });
  });
});

// Many more users than the workers, the queue between the reader and them (engine.ts's
// queueCapacity: 120) and a ListUsers page: all of them, once.
describe.concurrent('many users at full speed', () => {
  it('from a file, with the endpoint throttling: all signed out, none twice', async ({ onTestFinished }) => {
    const { server, normalized, pool, file, bulk, expectSignedOutOnce } = await setUp(onTestFinished);
    const users = names(200);
    const p = pool(users);
    // Below what 32 workers at full speed send (an exchange takes 2 ms of virtual time: 500 per
    // second), so that the last users meet throttling (some 70 answers).
    server.setRateLimit('AdminUserGlobalSignOut', 135);
    const r = await bulk(p, ['--usernames-file', file('users.txt', ['# incident 42', ...users]), '--max-rps', '0', '--concurrency', '32']);
    expect(r).toMatchObject({ code: 0, stderr: finishedLine(200, 200, 0, 0) });
    if (!SPAWNED) expect(server.stats().throttled).toBeGreaterThan(0);
    // Every throttling answer the endpoint gave is counted.
    expect(normalized(r.stdout)).toEqual(doc(p, 200, 0, 0, [], { Throttled: server.stats().throttled }));
    expectSignedOutOnce(p, users);
  });

  it('from --all-users with a filter: only the matching users, all of them, once', async ({ onTestFinished }) => {
    const { server, normalized, pool, bulk, expectSignedOutOnce } = await setUp(onTestFinished);
    const hit = names(130, 'staff-');
    const spared = names(30, 'guest-');
    const p = pool([...hit, ...spared].sort(), (u) => ({ email: `${u.startsWith('staff-') ? 'compromised' : 'fine'}+${u}@example.com` }));
    const r = await bulk(p, ['--all-users', '--filter', 'email ^= "compromised+"', '--max-rps', '0', '--concurrency', '32']);
    expect(r).toMatchObject({ code: 0, stderr: finishedLine(130, 130, 0, 0) });
    expect(normalized(r.stdout)).toEqual(doc(p, 130, 0, 0));
    expectSignedOutOnce(p, hit);
    // Paged 60 at a time with the filter passed through.
    expect(server.stats().requests.ListUsers).toBe(Math.ceil(130 / 60));
    const listCall = server.requests.find((q) => q.operation === 'ListUsers');
    expect(listCall?.body).toMatchObject({ UserPoolId: p, Limit: 60, Filter: 'email ^= "compromised+"' });
  });
});

describe.concurrent('signals', () => {
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} is handled like Ctrl-C: calls in flight finish, the summary, the resume line, 130`, async ({ onTestFinished }) => {
      const { server, dir, normalized, pool, file } = await setUp(onTestFinished);
      const users = names(2000);
      const p = pool(users);
      const journal = join(dir, 'j');
      const run = startBulk(dir, ['--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', file('users.txt', users), '--journal', 'j', '--max-rps', '200']);
      while (journalLines(journal).length < 50) await new Promise((r) => setTimeout(r, 20));
      run.child.kill(signal);
      const r = await run.done;
      expect(r.code).toBe(130);
      const done = journalLines(journal).slice(1).length;
      const resume = `cogsignout bulk-sign-out --endpoint-url ${server.url} --user-pool-id ${p} --usernames-file users.txt --journal j --max-rps 200`;
      expect(r.stderr).toBe(`bulk-sign-out: interrupted (${signal}): 2000 users: ${done} signed out, 0 failed, 0 skipped, ${2000 - done} not attempted; to resume: ${resume}\n`);
      expect(normalized(r.stdout)).toEqual(doc(p, done, 0, 0, [], { NotAttempted: 2000 - done, Finished: false, Interrupted: signal, Journal: '<DIR>/j' }));
      expect(signOutCounts(server.stats().signOuts, p).size).toBe(done);
    });
  }

  it('an outage mid-run: stopped, with the users never tried counted and the resume line', async ({ onTestFinished }) => {

    const { dir, file, clock } = await setUp(onTestFinished);
    const own = await startLocalCognito();
    try {
      const users = names(200);
      const id = own.createUserPool('outage');
      own.seedUsers(id, users.map((username) => ({ username })));
      const run = runBulk(dir, ['--endpoint-url', own.url, '--user-pool-id', id, '--usernames-file', file('users.txt', users), '--journal', 'j', '--max-rps', '100'], { env: { AWS_MAX_ATTEMPTS: '2' }, factory: clock?.factory });
      // The run goes on in this process, a request at a time (100 per second in its time): the
      // outage comes within a request or two of the 63rd.
      while ((own.stats().requests.AdminUserGlobalSignOut ?? 0) < 63) await new Promise((r) => setTimeout(r, 2));
      await own.close();
      const r = await run;
      expect(r.code).toBe(255);
      const done = journalLines(join(dir, 'j')).slice(1).length;
      expect(done).toBeGreaterThanOrEqual(60);
      const reason = `Could not connect to the endpoint URL: "${own.url}/"`;
      expect(JSON.parse(r.stdout)).toMatchObject({ Users: 200, Succeeded: done, Failed: 0, Skipped: 0, NotAttempted: 200 - done, Finished: false, Stopped: reason });
      expect(r.stderr).toBe(`bulk-sign-out: stopped (${reason}): 200 users: ${done} signed out, 0 failed, 0 skipped, ${200 - done} not attempted; to resume: cogsignout bulk-sign-out --endpoint-url ${own.url} --user-pool-id ${id} --usernames-file users.txt --journal j --max-rps 100\n\ncogsignout: [ERROR]: ${reason}\n`);
    } finally {
      await own.close();
    }
  });
});

describe.concurrent('throttling and faults', () => {
  it('never lose a user: throttled users are retried, transient failures retried, each user signed out once', async ({ onTestFinished }) => {
    // An exchange takes 8 ms of virtual time: 125 per second at full speed, against 50 admitted
    // (a second's worth in the bucket at first): the second half meets throttling.
    const { server, normalized, pool, file, bulk, expectSignedOutOnce } = await setUp(onTestFinished, { exchangeMs: 8 });
    const users = names(100);
    const p = pool(users);
    server.setRateLimit('AdminUserGlobalSignOut', 50);
    server.injectFault({ operation: 'AdminUserGlobalSignOut', username: users[10], kind: 'status500', times: 2 });
    server.injectFault({ operation: 'AdminUserGlobalSignOut', username: users[20], kind: 'html502', times: 1 });
    server.injectFault({ operation: 'AdminUserGlobalSignOut', username: users[30], kind: 'reset', times: 1 });
    const r = await bulk(p, ['--usernames-file', file('users.txt', users), '--max-rps', '0', '--concurrency', '16'], { env: { AWS_MAX_ATTEMPTS: '3' } });
    expect(r).toMatchObject({ code: 0, stderr: finishedLine(100, 100, 0, 0) });
    expect(server.stats().throttled).toBeGreaterThan(0);
    // Each fault was met (and the user retried): two 500s, a 502 page, a reset.
    expect(server.requests.filter((q) => q.error === 'InternalErrorException' || q.status === 502 || q.status === 0)).toHaveLength(4);
    expect(normalized(r.stdout)).toEqual(doc(p, 100, 0, 0, [], { Throttled: server.stats().throttled }));
    expectSignedOutOnce(p, users);
  });

  it('--max-rps is a promise: never more than 20 requests arrive in any one second (by the endpoint\'s clock)', async ({ onTestFinished }) => {

    const { server, pool, file, bulk } = await setUp(onTestFinished);
    // 30: more than one second's worth at the limit, so that some second is full.
    const users = names(30);
    const p = pool(users);
    const r = await bulk(p, ['--usernames-file', file('users.txt', users), '--max-rps', '20', '--concurrency', '16']);
    expect(r).toMatchObject({ code: 0, stderr: finishedLine(30, 30, 0, 0) });
    const at = server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut').map((q) => q.at!);
    expect(at).toHaveLength(30);
    expect(busiestSecond(at)).toBeLessThanOrEqual(20);
    // The limit is used, not just respected: 20 in some second (in virtual time exactly; a child
    // process in real time on a busy machine may be held back by it).
    if (!SPAWNED) expect(busiestSecond(at)).toBe(20);
  });

  it('a throttling storm (90 % of calls throttled by someone else): the run converges, loses nobody, stays under the rate', async ({ onTestFinished }) => {

    const { server, normalized, pool, file, bulk, expectSignedOutOnce } = await setUp(onTestFinished);
    const users = names(10);
    const p = pool(users);
    server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'throttle', probability: 0.9 });
    const r = await bulk(p, ['--usernames-file', file('users.txt', users), '--max-rps', '50', '--concurrency', '16', '--journal', 'j']);
    expect(r).toMatchObject({ code: 0, stderr: finishedLine(10, 10, 0, 0) });
    const d = normalized(r.stdout);
    expect(d).toEqual(doc(p, 10, 0, 0, [], { Throttled: server.stats().throttled, Journal: '<DIR>/j' }));
    expectSignedOutOnce(p, users);
    const at = server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut').map((q) => q.at!);
    expect(busiestSecond(at.slice(-1000))).toBeLessThanOrEqual(50);
  });

  it('an endpoint answering 200 with an HTML page: nobody is journaled as signed out, all failed, a rerun tries them again', async ({ onTestFinished }) => {

    const { server, dir, normalized, pool, file, bulk, expectSignedOutOnce } = await setUp(onTestFinished);
    const users = names(20);
    const p = pool(users);
    server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'html200' });
    const r = await bulk(p, ['--usernames-file', file('users.txt', users), '--concurrency', '1', '--journal', 'j', '--max-rps', '0']);
    const message = 'HTTP 200 (text/html) with 121 bytes: "<!DOCTYPE html> <html> <head> <title>Welcome to nginx!</title> </head> <body> <h", not the service\'s JSON answer; nobody is counted as signed out on it';
    const again = `cogsignout bulk-sign-out --endpoint-url ${server.url} --user-pool-id ${p} --usernames-file users.txt --concurrency 1 --journal j --max-rps 0`;
    expect(r).toMatchObject({ code: 254, stderr: `${finishedLine(20, 0, 20, 0).slice(0, -2)}; they all failed on the service's side or the connection, not for anything about the user; to try them again: ${again}\n` });
    expect(normalized(r.stdout)).toEqual(doc(p, 0, 20, 0, users.map((u) => [u, 'InvalidResponse', message]), { Journal: '<DIR>/j' }));
    const lines = journalLines(join(dir, 'j')).slice(1);
    expect(lines.map((l) => l.outcome)).toEqual(users.map(() => 'failed'));
    server.clearFaults();
    const rerun = await bulk(p, ['--usernames-file', 'users.txt', '--journal', 'j', '--max-rps', '0']);
    expect(rerun).toMatchObject({ code: 0, stderr: finishedLine(20, 20, 0, 0) });
    expectSignedOutOnce(p, users);
  });

  it('an empty 200 is no sign-out either', async ({ onTestFinished }) => {

    const { server, normalized, pool, file, bulk } = await setUp(onTestFinished);
    const p = pool(['alice']);
    server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'empty200' });
    const r = await bulk(p, ['--usernames-file', file('u', ['alice'])]);
    expect(r.code).toBe(254);
    expect(normalized(r.stdout).Failures).toEqual([{ Username: 'alice', Code: 'InvalidResponse', Message: 'HTTP 200 (application/x-amz-json-1.1) with an empty body, not the service\'s JSON answer; nobody is counted as signed out on it' }]);
  });
});

describe.concurrent('the journal', () => {
  it('two runs on one journal: the second is refused (252) while the first runs', async ({ onTestFinished }) => {
    const { server, dir, pool, file, bulk, expectSignedOutOnce } = await setUp(onTestFinished);
    const users = names(20);
    const p = pool(users);
    // The first four calls are held until the second run has been refused.
    server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'delay', delayMs: 20_000, times: 4 });
    const first = startBulk(dir, ['--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', file('users.txt', users), '--journal', 'j', '--concurrency', '4']);
    while ((server.stats().requests.AdminUserGlobalSignOut ?? 0) < 4) await new Promise((r) => setTimeout(r, 20));
    const second = await bulk(p, ['--usernames-file', 'users.txt', '--journal', 'j']);
    expect(second.code).toBe(252);
    expect(second.stderr.replaceAll(dir, '<DIR>')).toMatch(/^\ncogsignout: \[ERROR\]: An error occurred \(ParamValidation\): Unable to use --journal: <DIR>\/j is in use by another run \(process \d+ on .+, started .+\); wait for it to end\. If no such run is going on, remove <DIR>\/j\.lock\n$/);
    server.releaseDelays();
    const r1 = await first.done;
    expect(r1).toMatchObject({ code: 0, stderr: finishedLine(20, 20, 0, 0) });
    expectSignedOutOnce(p, users);
  });

  for (const [what, content] of [['a copy of the usernames list', 'alice\nbob\n'], ['another JSON file', '{"a":1}\n']] as const) {
    it(`a journal path naming another file (${what}) is refused, and the file left as it was`, async ({ onTestFinished }) => {
      const { server, dir, pool, file, bulk } = await setUp(onTestFinished);
      const p = pool(['alice', 'bob']);
      writeFileSync(join(dir, 'other'), content);
      const r = await bulk(p, ['--usernames-file', file('users.txt', ['alice', 'bob']), '--journal', 'other']);
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr.replaceAll(dir, '<DIR>') }).toEqual({
        code: 252, stdout: '', stderr: paramError('Unable to use --journal: <DIR>/other is not a cogsignout journal (its first line is not a journal header); give the path of a journal, or of a file that does not exist yet'),
      });
      expect(readFileSync(join(dir, 'other'), 'utf8')).toBe(content);
      expect(server.stats().requests).toEqual({});
    });
  }

  it('--journal /dev/null is refused before the first sign-out', async ({ onTestFinished }) => {

    const { server, pool, file, bulk } = await setUp(onTestFinished);
    const p = pool(['alice']);
    const r = await bulk(p, ['--usernames-file', file('users.txt', ['alice']), '--journal', '/dev/null']);
    expect(r).toMatchObject({ code: 252, stdout: '', stderr: paramError('Unable to use --journal: /dev/null is not a regular file, so nothing written to it can be made durable; give the path of a file') });
    expect(server.stats().requests).toEqual({});
  });

  it('a journal readable by others is tightened to 600', async ({ onTestFinished }) => {

    const { dir, pool, file, bulk } = await setUp(onTestFinished);
    const p = pool(['alice']);
    writeFileSync(join(dir, 'j'), '');
    chmodSync(join(dir, 'j'), 0o644);
    const r = await bulk(p, ['--usernames-file', file('users.txt', ['alice']), '--journal', 'j']);
    expect(r.code).toBe(0);
    expect(statSync(join(dir, 'j')).mode & 0o777).toBe(0o600);
  });
});

describe.concurrent('--dry-run', () => {
  it('from a file: checks the pool, counts, skips what the journal has, sends no sign-out, writes nothing', async ({ onTestFinished }) => {
    const { server, dir, normalized, pool, file, bulk } = await setUp(onTestFinished);
    const users = names(100);
    const p = pool(users);
    const journal = `{"format":"cogsignout-journal","version":1,"createdAt":"2026-01-12T10:00:00.000Z"}\n` + users.slice(0, 10).map((username) => JSON.stringify({ username, userPoolId: p, outcome: 'signed-out', at: '2026-01-12T10:00:00.000Z' })).join('\n') + '\n';
    writeFileSync(join(dir, 'j'), journal);
    const r = await bulk(p, ['--usernames-file', file('users.txt', users), '--journal', 'j', '--dry-run']);
    expect(r).toMatchObject({ code: 0, stderr: `bulk-sign-out (dry run): finished: 100 users: 90 would be signed out, ${skippedWords(10, '2026-01-12T10:00:00.000Z')}; nobody was signed out.\n` });
    expect(normalized(r.stdout)).toEqual(doc(p, 0, 0, 10, [], { WouldSignOut: 90, Journal: '<DIR>/j', SkippedSince: '2026-01-12T10:00:00.000Z' }));
    expect(server.stats().requests).toEqual({ DescribeUserPool: 1 });
    expect(readFileSync(join(dir, 'j'), 'utf8')).toBe(journal);
  });

  it('a pool that does not exist: the error, the summary, 255; nothing sent but the check', async ({ onTestFinished }) => {

    const { server, normalized, file, bulk } = await setUp(onTestFinished);
    const r = await bulk('us-east-1_Nope', ['--usernames-file', file('users.txt', names(400)), '--dry-run']);
    expect(r.code).toBe(255);
    expect(r.stderr).toBe('bulk-sign-out (dry run): stopped (ResourceNotFoundException: User pool us-east-1_Nope does not exist.): 400 users: 0 would be signed out, 0 skipped, 400 not attempted; nobody was signed out.\n'
      + '\ncogsignout: [ERROR]: An error occurred (ResourceNotFoundException) when calling the DescribeUserPool operation: User pool us-east-1_Nope does not exist.\n');
    expect(normalized(r.stdout)).toEqual(doc('us-east-1_Nope', 0, 0, 0, [], { WouldSignOut: 0, NotAttempted: 400, Finished: false, Stopped: 'ResourceNotFoundException: User pool us-east-1_Nope does not exist.' }));
    expect(server.stats().requests).toEqual({ DescribeUserPool: 1 });
  });

  it('without credentials: the AWS CLI\'s error and 253, before anything is sent', async ({ onTestFinished }) => {

    const { server, file, bulk } = await setUp(onTestFinished);
    const r = await bulk('us-east-1_X', ['--usernames-file', file('users.txt', names(3)), '--dry-run'], { env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' } });
    expect(r).toMatchObject({ code: 253, stdout: '', stderr: '\ncogsignout: [ERROR]: An error occurred (NoCredentials): Unable to locate credentials. You can configure credentials by running "aws login".\n' });
    expect(server.stats().requests).toEqual({});
  });

  it('from --all-users with --list-file: lists who would be signed out, for review and as the next --usernames-file', async ({ onTestFinished }) => {

    const { server, dir, normalized, pool, bulk, expectSignedOutOnce } = await setUp(onTestFinished);
    const p = pool(names(150), (_u, i) => ({ email: `${i % 3 === 0 ? 'x' : 'y'}${i}@example.com` }));
    const r = await bulk(p, ['--all-users', '--filter', 'email ^= "x"', '--dry-run', '--list-file', 'review.txt']);
    expect(r).toMatchObject({ code: 0, stderr: 'bulk-sign-out (dry run): finished: 50 users: 50 would be signed out, 0 skipped; nobody was signed out.\n' });
    expect(normalized(r.stdout)).toEqual(doc(p, 0, 0, 0, [], { WouldSignOut: 50 }));
    expect(server.stats().requests).toEqual({ ListUsers: 1 });
    const listed = readFileSync(join(dir, 'review.txt'), 'utf8').split('\n');
    expect(listed[0]).toMatch(new RegExp(`^# bulk-sign-out --dry-run: 50 users of ${p} would be signed out \\(--all-users --filter "email \\^= \\\\"x\\\\""\\), listed \\d{4}-`));
    expect(listed.slice(2, -1)).toEqual(names(150).filter((_u, i) => i % 3 === 0));
    expect(statSync(join(dir, 'review.txt')).mode & 0o777).toBe(0o600);
    // Fed back: exactly those users.
    const again = await bulk(p, ['--usernames-file', 'review.txt', '--max-rps', '0']);
    expect(again).toMatchObject({ code: 0, stderr: finishedLine(50, 50, 0, 0) });
    expectSignedOutOnce(p, names(150).filter((_u, i) => i % 3 === 0));
  });

  it('--list-file never writes over a file, and needs --dry-run', async ({ onTestFinished }) => {

    const { server, dir, bulk } = await setUp(onTestFinished);
    writeFileSync(join(dir, 'exists.txt'), 'x\n');
    const r = await bulk('us-east-1_X', ['--all-users', '--dry-run', '--list-file', 'exists.txt']);
    expect({ code: r.code, stderr: r.stderr.replaceAll(dir, '<DIR>') }).toEqual({ code: 252, stderr: paramError('Unable to write --list-file: <DIR>/exists.txt exists; give a new path (the list is never written over a file).') });
    const r2 = await bulk('us-east-1_X', ['--all-users', '--list-file', 'new.txt']);
    expect(r2).toMatchObject({ code: 252, stderr: paramError('--list-file can only be used with --dry-run.') });
    expect(server.stats().requests).toEqual({});
  });
});

describe.concurrent('failures', () => {
  it('unknown users are reported as failures while the rest succeed: exit 254', async ({ onTestFinished }) => {
    const { dir, normalized, pool, file, bulk, expectSignedOutOnce } = await setUp(onTestFinished);
    const p = pool(['alice', 'bob', 'carol']);
    const r = await bulk(p, ['--usernames-file', file('users.txt', ['alice', 'ghost', '', '# note', 'bob', 'nobody', 'carol']), '--concurrency', '1', '--journal', 'j']);
    expect(r).toMatchObject({ code: 254, stderr: finishedLine(5, 3, 2, 0) });
    expect(normalized(r.stdout)).toEqual(doc(p, 3, 2, 0, [['ghost', 'UserNotFoundException', 'User does not exist.'], ['nobody', 'UserNotFoundException', 'User does not exist.']], { Journal: '<DIR>/j' }));
    expectSignedOutOnce(p, ['alice', 'bob', 'carol']);
    const lines = journalLines(join(dir, 'j'));
    expect(lines[0]).toMatchObject({ format: 'cogsignout-journal', version: 1 });
    expect(lines.slice(1).map((l) => [l.username, l.outcome, l.code, typeof l.requestId])).toEqual([
      ['alice', 'signed-out', undefined, 'string'], ['ghost', 'failed', 'UserNotFoundException', 'string'], ['bob', 'signed-out', undefined, 'string'],
      ['nobody', 'failed', 'UserNotFoundException', 'string'], ['carol', 'signed-out', undefined, 'string'],
    ]);
  });

  it('a username listed twice is signed out once, counted once, and reported as a duplicate', async ({ onTestFinished }) => {

    const { normalized, pool, file, bulk, expectSignedOutOnce } = await setUp(onTestFinished);
    const p = pool(['alice', 'bob']);
    const r = await bulk(p, ['--usernames-file', file('users.txt', ['alice', 'bob', 'alice', 'alice'])]);
    expect(r).toMatchObject({ code: 0, stderr: finishedLine(2, 2, 0, 0, ', 2 duplicate lines ignored') });
    expect(normalized(r.stdout)).toEqual(doc(p, 2, 0, 0, [], { Duplicates: 2, DuplicateUsernames: ['alice'] }));
    expectSignedOutOnce(p, ['alice', 'bob']);
  });

  it('invalid UTF-8 deep in a large file: refused with its line number before anyone is signed out', async ({ onTestFinished }) => {

    const { server, dir, pool, bulk } = await setUp(onTestFinished);
    const users = names(20_000);
    const p = pool(users);
    writeFileSync(join(dir, 'big.txt'), Buffer.concat([Buffer.from(users.slice(0, 14_000).join('\n') + '\n'), Buffer.from([0xc3, 0x28, 0x0a]), Buffer.from(users.slice(14_000).join('\n') + '\n')]));
    for (const extra of [[], ['--dry-run']]) {
      const r = await bulk(p, ['--usernames-file', 'big.txt', ...extra]);
      expect(r).toMatchObject({ code: 252, stdout: '', stderr: paramError('--usernames-file: line 14001 is not UTF-8 text') });
    }
    expect(server.stats().requests).toEqual({});
  });

  it('the summary goes through --query and --output', async ({ onTestFinished }) => {

    const { pool, bulk } = await setUp(onTestFinished);
    const p = pool(['alice']);
    const r = await bulk(p, ['--usernames-file', '-', '--concurrency', '1', '--query', 'Failures[].Username', '--output', 'text'], { stdin: 'alice\r\nghost\r\nnobody\r\n' });
    expect(r).toMatchObject({ code: 254, stderr: finishedLine(3, 1, 2, 0), stdout: 'ghost\tnobody\n' });
  });

  it('as a table, the summary is titled BulkSignOut', async ({ onTestFinished }) => {

    const { pool, bulk } = await setUp(onTestFinished);
    const p = pool(['alice']);
    const r = await bulk(p, ['--usernames-file', '-', '--query', '{Succeeded: Succeeded}', '--output', 'table'], { stdin: 'alice\n' });
    expect(r).toMatchObject({ code: 0, stderr: finishedLine(1, 1, 0, 0).replace('1 users', '1 user'), stdout: '--------------------\n|    BulkSignOut   |\n+------------+-----+\n|  Succeeded |  1  |\n+------------+-----+\n' });
  });

  it('a wrong pool stops at the first answer: the summary, the ending, the service error, 255', async ({ onTestFinished }) => {

    const { server, normalized, file, bulk } = await setUp(onTestFinished);
    const r = await bulk('us-east-1_Nope', ['--usernames-file', file('users.txt', names(500)), '--max-rps', '0']);
    const resume = `cogsignout bulk-sign-out --endpoint-url ${server.url} --user-pool-id us-east-1_Nope --usernames-file users.txt --max-rps 0 --journal bulk-sign-out-us-east-1_Nope.journal`;
    expect(r.code).toBe(255);
    expect(r.stderr).toBe(`bulk-sign-out: stopped (ResourceNotFoundException: User pool us-east-1_Nope does not exist.): 500 users: 0 signed out, 0 failed, 0 skipped, 500 not attempted; to resume, run it again with a journal (users already signed out are signed out again, which is harmless): ${resume}\n`
      + '\ncogsignout: [ERROR]: An error occurred (ResourceNotFoundException) when calling the AdminUserGlobalSignOut operation: User pool us-east-1_Nope does not exist.\n');
    expect(normalized(r.stdout)).toEqual(doc('us-east-1_Nope', 0, 0, 0, [], { NotAttempted: 500, Finished: false, Stopped: 'ResourceNotFoundException: User pool us-east-1_Nope does not exist.' }));
    expect(server.stats().requests.AdminUserGlobalSignOut).toBeLessThanOrEqual(8);
  });

  it('ListUsers failing before any user: its error, the summary, 255', async ({ onTestFinished }) => {

    const { normalized, bulk } = await setUp(onTestFinished);
    const r = await bulk('us-east-1_Nope', ['--all-users']);
    expect(r.code).toBe(255);
    expect(r.stderr.endsWith('\ncogsignout: [ERROR]: An error occurred (ResourceNotFoundException) when calling the ListUsers operation: User pool us-east-1_Nope does not exist.\n')).toBe(true);
    expect(normalized(r.stdout)).toEqual(doc('us-east-1_Nope', 0, 0, 0, [], { Finished: false, Stopped: 'ResourceNotFoundException: User pool us-east-1_Nope does not exist.' }));
  });

  it('no endpoint: the connection error, the summary, 255', async ({ onTestFinished }) => {

    const { dir, file } = await setUp(onTestFinished);
    const port = await refusedPort();
    const r = await runBulk(dir, ['--endpoint-url', `http://127.0.0.1:${port}`, '--user-pool-id', 'us-east-1_X', '--usernames-file', file('u', ['alice'])], { env: { AWS_MAX_ATTEMPTS: '1' } });
    expect(r.code).toBe(255);
    expect(r.stderr.endsWith(`\ncogsignout: [ERROR]: Could not connect to the endpoint URL: "http://127.0.0.1:${port}/"\n`)).toBe(true);
    expect(JSON.parse(r.stdout)).toMatchObject({ Users: 1, NotAttempted: 1, Finished: false, Stopped: `Could not connect to the endpoint URL: "http://127.0.0.1:${port}/"` });
  });
});

describe.concurrent('command line', () => {
  const cases: Array<[string, string[], string]> = [
    ['no source', [], paramError('Exactly one of --usernames-file PATH (- for standard input) or --all-users is required.')],
    ['both sources', ['--all-users', '--usernames-file', 'x'], paramError('--usernames-file and --all-users cannot be used together: give exactly one of them.')],
    ['--filter without --all-users', ['--usernames-file', 'x', '--filter', 'status = "Enabled"'], paramError('--filter can only be used with --all-users.')],
    ['negative --max-rps', ['--all-users', '--max-rps', '-1'], paramError("--max-rps must be a whole number of requests per second (0 for no limit), not '-1'")],
    ['--concurrency 0', ['--all-users', '--concurrency', '0'], paramError("--concurrency must be a whole number from 1 to 1000, not '0'")],
    ['a missing file', ['--usernames-file', 'missing.txt'], paramError("Unable to read --usernames-file: [Errno 2] No such file or directory: '<DIR>/missing.txt'")],
    ['an unknown option', ['--all-users', '--bogus'], `\n${USAGE}\n\ncogsignout: [ERROR]: Unknown options: --bogus\n`],
  ];
  for (const [name, args, stderr] of cases) {
    it(`${name}: 252 before anything is sent`, async ({ onTestFinished }) => {
      const { server, dir, bulk } = await setUp(onTestFinished);
      const r = await bulk('us-east-1_X', args);
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr.replaceAll(dir, '<DIR>') }).toEqual({ code: 252, stdout: '', stderr });
      expect(server.stats().requests).toEqual({});
    });
  }

  it('--user-pool-id is required (argparse\'s message and usage)', async ({ onTestFinished }) => {

    const { dir } = await setUp(onTestFinished);
    const r = await runBulk(dir, ['--all-users']);
    expect(r).toMatchObject({ code: 252, stdout: '', stderr: `\ncogsignout: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --user-pool-id\n\n${USAGE}` });
  });
});

describe.concurrent('--debug', () => {
  it('never shows a username or an attribute value, even from ListUsers', async ({ onTestFinished }) => {
    const { normalized, pool, bulk } = await setUp(onTestFinished);
    const users = ['alice.secret', 'bob.secret', 'carol.secret'];
    const p = pool(users, (u) => ({ email: `${u}@victim.example` }));
    const r = await bulk(p, ['--all-users', '--debug', '--journal', 'j']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ListUsers');
    expect(r.stderr).toContain('AdminUserGlobalSignOut');
    expect(r.stderr).toContain('<redacted>');
    for (const u of users) expect(r.stderr).not.toContain(u);
    expect(r.stderr).not.toContain('victim.example');
    expect(normalized(r.stdout)).toEqual(doc(p, 3, 0, 0, [], { Journal: '<DIR>/j' }));
  });
});
