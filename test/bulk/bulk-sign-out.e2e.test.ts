// bulk-sign-out end to end: the built CLI as a child process against the local Cognito endpoint
// with its rate limit and fault injection on, asserting exact output, exit codes, and what the
// endpoint saw (every user signed out exactly once: stats().signOuts counts each success).
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../local-cognito/server.js';
import { journalLines, names, runBulk, signOutCounts, startBulk, workDir } from './support.js';

const USAGE = 'usage: cogsignout [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n  cogsignout help\n  cogsignout <command> help\n  cogsignout <command> <subcommand> help\n';
const paramError = (msg: string): string => `\ncogsignout: [ERROR]: An error occurred (ParamValidation): ${msg}\n`;
const json = (value: unknown): string => `${JSON.stringify(value, null, 4)}\n`;
const summary = (s: number, f: number, k: number, failures: Array<[string, string, string]> = [], extra: Record<string, unknown> = {}): string => json({
  Succeeded: s, Failed: f, Skipped: k, ...extra, Failures: failures.map(([Username, Code, Message]) => ({ Username, Code, Message })),
});

let server: LocalCognito;
let dir: string;
let removeDir: () => void;

beforeAll(async () => { server = await startLocalCognito(); });
afterAll(async () => { await server.close(); });
beforeEach(() => {
  ({ dir, remove: removeDir } = workDir());
  server.clearFaults();
  server.setRateLimit('*', undefined);
  server.setRateLimit('AdminUserGlobalSignOut', undefined);
  server.resetStats();
});
afterEach(() => { removeDir(); });

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
  runBulk(dir, ['--endpoint-url', server.url, '--user-pool-id', poolId, ...args], opts);

/** Asserts the endpoint signed out exactly `expected`, each once. */
function expectSignedOutOnce(poolId: string, expected: readonly string[]): void {
  const counts = signOutCounts(server.stats().signOuts, poolId);
  expect(counts.size).toBe(expected.length);
  const twice = [...counts].filter(([, n]) => n !== 1);
  expect(twice).toEqual([]);
  for (const u of expected) if (!counts.has(u)) throw new Error(`not signed out: ${u}`);
}

describe('10,000 users', () => {
  it('from a file, with the endpoint throttling: all signed out, none twice', async () => {
    const users = names(10_000);
    const p = pool(users);
    server.setRateLimit('AdminUserGlobalSignOut', 1500);
    const r = await bulk(p, ['--usernames-file', file('users.txt', ['# incident 42', ...users]), '--max-rps', '0', '--concurrency', '32']);
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: summary(10_000, 0, 0) });
    expectSignedOutOnce(p, users);
  });

  it('from --all-users with a filter: only the matching users, all of them, once', async () => {
    const hit = names(10_000, 'staff-');
    const spared = names(2_000, 'guest-');
    const p = pool([...hit, ...spared].sort(), (u) => ({ email: `${u.startsWith('staff-') ? 'compromised' : 'fine'}+${u}@example.com` }));
    const r = await bulk(p, ['--all-users', '--filter', 'email ^= "compromised+"', '--max-rps', '0', '--concurrency', '32']);
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: summary(10_000, 0, 0) });
    expectSignedOutOnce(p, hit);
    // Paged 60 at a time with the filter passed through.
    expect(server.stats().requests.ListUsers).toBe(Math.ceil(10_000 / 60));
    const listCall = server.requests.find((q) => q.operation === 'ListUsers');
    expect(listCall?.body).toMatchObject({ UserPoolId: p, Limit: 60, Filter: 'email ^= "compromised+"' });
  });
});

describe('throttling and faults', () => {
  it('never lose a user: throttled users are retried, transient failures retried, each user signed out once', async () => {
    const users = names(600);
    const p = pool(users);
    server.setRateLimit('AdminUserGlobalSignOut', 100);
    server.injectFault({ operation: 'AdminUserGlobalSignOut', username: users[10], kind: 'status500', times: 2 });
    server.injectFault({ operation: 'AdminUserGlobalSignOut', username: users[20], kind: 'html502', times: 1 });
    server.injectFault({ operation: 'AdminUserGlobalSignOut', username: users[30], kind: 'reset', times: 1 });
    const r = await bulk(p, ['--usernames-file', file('users.txt', users), '--max-rps', '0', '--concurrency', '16'], { env: { AWS_MAX_ATTEMPTS: '3' } });
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: summary(600, 0, 0) });
    expect(server.stats().throttled).toBeGreaterThan(0);
    expectSignedOutOnce(p, users);
  });

  it('--max-rps is a real limit: 40 users at 20 per second take about two seconds', async () => {
    const users = names(40);
    const p = pool(users);
    const r = await bulk(p, ['--usernames-file', file('users.txt', users), '--max-rps', '20', '--journal', 'j']);
    expect(r).toMatchObject({ code: 0, stdout: summary(40, 0, 0) });
    const at = journalLines(join(dir, 'j')).map((l) => Date.parse(l.at as string));
    const span = (at[at.length - 1]! - at[0]!) / 1000;
    // A lower bound is the limiter's doing, not the machine's speed: unlimited, 40 sign-outs take
    // a few tens of milliseconds.
    expect(span).toBeGreaterThan(1.6);
  });
});

describe('interrupted and resumed', () => {
  it('Ctrl-C halfway: summary and 130; the rerun with the journal skips the done and signs out the rest, each once', async () => {
    const users = names(3000);
    const p = pool(users);
    const list = file('users.txt', users);
    const journal = join(dir, 'run.journal');
    const first = startBulk(dir, ['--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', list, '--journal', 'run.journal', '--max-rps', '500', '--concurrency', '8']);
    while (journalLines(journal).length < 300) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGINT');
    const r1 = await first.done;
    expect(r1.code).toBe(130);
    expect(r1.stderr).toBe('');
    const s1 = JSON.parse(r1.stdout) as Record<string, unknown>;
    const done = journalLines(journal);
    expect(s1).toEqual({ Succeeded: done.length, Failed: 0, Skipped: 0, Interrupted: true, Failures: [] });
    expect(done.length).toBeLessThan(3000);
    // Everything the endpoint did is in the journal: nothing in flight was lost.
    expect(signOutCounts(server.stats().signOuts, p).size).toBe(done.length);

    const r2 = await bulk(p, ['--usernames-file', list, '--journal', 'run.journal', '--max-rps', '0', '--concurrency', '32']);
    expect(r2).toMatchObject({ code: 0, stderr: '', stdout: summary(3000 - done.length, 0, done.length) });
    expectSignedOutOnce(p, users);
    const all = journalLines(journal);
    expect(all).toHaveLength(3000);
    expect(new Set(all.map((l) => l.username)).size).toBe(3000);
    expect(all.every((l) => l.outcome === 'signed-out' && l.userPoolId === p && typeof l.at === 'string')).toBe(true);
  });

  it('a second Ctrl-C exits at once, leaving calls in flight behind', async () => {
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
    expect(r).toMatchObject({ code: 130, stdout: '\n', stderr: '' });
    expect(journalLines(join(dir, 'j'))).toEqual([]);
  });
});

describe('--dry-run', () => {
  it('from a file: counts, skips what the journal has, sends nothing, writes nothing', async () => {
    const users = names(100);
    const p = pool(users);
    const journal = users.slice(0, 10).map((username) => JSON.stringify({ username, userPoolId: p, outcome: 'signed-out', at: '2026-01-12T10:00:00.000Z' })).join('\n') + '\n';
    writeFileSync(join(dir, 'j'), journal);
    const r = await bulk(p, ['--usernames-file', file('users.txt', users), '--journal', 'j', '--dry-run']);
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: summary(0, 0, 10, [], { WouldSignOut: 90 }) });
    expect(server.stats().requests).toEqual({});
    expect(journalLines(join(dir, 'j'))).toHaveLength(10);
  });

  it('from --all-users: lists and counts, sends no sign-out', async () => {
    const p = pool(names(150), (_u, i) => ({ email: `${i % 3 === 0 ? 'x' : 'y'}${i}@example.com` }));
    const r = await bulk(p, ['--all-users', '--filter', 'email ^= "x"', '--dry-run']);
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: summary(0, 0, 0, [], { WouldSignOut: 50 }) });
    expect(server.stats().requests).toEqual({ ListUsers: 1 });
  });
});

describe('failures', () => {
  it('unknown users are reported as failures while the rest succeed: exit 254', async () => {
    const p = pool(['alice', 'bob', 'carol']);
    const r = await bulk(p, ['--usernames-file', file('users.txt', ['alice', 'ghost', '', '# note', 'bob', 'nobody', 'carol']), '--concurrency', '1', '--journal', 'j']);
    expect(r).toMatchObject({
      code: 254,
      stderr: '',
      stdout: summary(3, 2, 0, [['ghost', 'UserNotFoundException', 'User does not exist.'], ['nobody', 'UserNotFoundException', 'User does not exist.']]),
    });
    expectSignedOutOnce(p, ['alice', 'bob', 'carol']);
    expect(journalLines(join(dir, 'j')).map((l) => [l.username, l.outcome, l.code])).toEqual([
      ['alice', 'signed-out', undefined], ['ghost', 'failed', 'UserNotFoundException'], ['bob', 'signed-out', undefined],
      ['nobody', 'failed', 'UserNotFoundException'], ['carol', 'signed-out', undefined],
    ]);
  });

  it('the summary goes through --query and --output', async () => {
    const p = pool(['alice']);
    const r = await bulk(p, ['--usernames-file', '-', '--concurrency', '1', '--query', 'Failures[].Username', '--output', 'text'], { stdin: 'alice\r\nghost\r\nnobody\r\n' });
    expect(r).toMatchObject({ code: 254, stderr: '', stdout: 'ghost\tnobody\n' });
  });

  it('as a table, the summary is titled BulkSignOut', async () => {
    const p = pool(['alice']);
    const r = await bulk(p, ['--usernames-file', '-', '--query', '{Succeeded: Succeeded}', '--output', 'table'], { stdin: 'alice\n' });
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: '--------------------\n|    BulkSignOut   |\n+------------+-----+\n|  Succeeded |  1  |\n+------------+-----+\n' });
  });

  it('a wrong pool stops at the first answer: the service error, 254, no summary', async () => {
    const r = await bulk('us-east-1_Nope', ['--usernames-file', file('users.txt', names(500)), '--max-rps', '0']);
    expect(r).toMatchObject({
      code: 254,
      stdout: '',
      stderr: '\ncogsignout: [ERROR]: An error occurred (ResourceNotFoundException) when calling the AdminUserGlobalSignOut operation: User pool us-east-1_Nope does not exist.\n',
    });
    expect(server.stats().requests.AdminUserGlobalSignOut).toBeLessThanOrEqual(8);
  });

  it('ListUsers failing before any user: its error and code', async () => {
    const r = await bulk('us-east-1_Nope', ['--all-users']);
    expect(r).toMatchObject({
      code: 254,
      stdout: '',
      stderr: '\ncogsignout: [ERROR]: An error occurred (ResourceNotFoundException) when calling the ListUsers operation: User pool us-east-1_Nope does not exist.\n',
    });
  });

  it('no endpoint: the connection error, 255', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = s.address() as { port: number };
        s.close(() => resolve(free));
      });
    });
    const r = await runBulk(dir, ['--endpoint-url', `http://127.0.0.1:${port}`, '--user-pool-id', 'us-east-1_X', '--usernames-file', file('u', ['alice'])], { env: { AWS_MAX_ATTEMPTS: '1' } });
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: `\ncogsignout: [ERROR]: Could not connect to the endpoint URL: "http://127.0.0.1:${port}/"\n` });
  });
});

describe('command line', () => {
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
    it(`${name}: 252 before anything is sent`, async () => {
      const r = await bulk('us-east-1_X', args);
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr.replaceAll(dir, '<DIR>') }).toEqual({ code: 252, stdout: '', stderr });
      expect(server.stats().requests).toEqual({});
    });
  }

  it('--user-pool-id is required (argparse\'s message and usage)', async () => {
    const r = await runBulk(dir, ['--all-users']);
    expect(r).toMatchObject({ code: 252, stdout: '', stderr: `\ncogsignout: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --user-pool-id\n\n${USAGE}` });
  });
});

describe('--debug', () => {
  it('never shows a username or an attribute value, even from ListUsers', async () => {
    const users = ['alice.secret', 'bob.secret', 'carol.secret'];
    const p = pool(users, (u) => ({ email: `${u}@victim.example` }));
    const r = await bulk(p, ['--all-users', '--debug', '--journal', 'j']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ListUsers');
    expect(r.stderr).toContain('AdminUserGlobalSignOut');
    expect(r.stderr).toContain('<redacted>');
    for (const u of users) expect(r.stderr).not.toContain(u);
    expect(r.stderr).not.toContain('victim.example');
    expect(r.stdout).toBe(summary(3, 0, 0));
  });
});
