// The second review's cases (2026-12-01, evening): where bulk-sign-out still lost what a run
// did, or stopped every resume at one user, against the local endpoint, in this process and in
// virtual time (virtual-clock.ts); a terminal and a pager are Io's (command.test.ts's harness).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { run } from '../../src/cli/driver.js';
import type { Factory } from '../../src/cli/factory.js';
import type { Io } from '../../src/cli/io.js';
import { baseEnv } from '../support/cli.js';
import { journalLines, runBulk, signOutCounts, workDir } from './support.js';
import { VirtualClock } from './virtual-clock.js';

async function setUp(onTestFinished: (fn: () => Promise<void>) => void) {
  const clock = new VirtualClock();
  const server: LocalCognito = await startLocalCognito({ rateClock: () => clock.now() });
  const { dir, remove } = workDir();
  onTestFinished(async () => { await server.close(); remove(); });
  const pool = (usernames: readonly string[]): string => {
    const id = server.createUserPool(`review2-${Math.random().toString(36).slice(2, 8)}`);
    server.seedUsers(id, usernames.map((username) => ({ username })));
    return id;
  };
  const file = (name: string, lines: readonly string[]): string => {
    writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
    return name;
  };
  const config = (text: string): void => {
    mkdirSync(join(dir, '.aws'), { recursive: true });
    writeFileSync(join(dir, '.aws', 'config'), text);
  };
  const bulk = (poolId: string, args: readonly string[]) =>
    runBulk(dir, ['--endpoint-url', server.url, '--user-pool-id', poolId, ...args], { factory: clock.factory });
  return { server, dir, clock, pool, file, config, bulk };
}

const ERROR = (message: string): string => `\ncogsignout: [ERROR]: ${message}\n`;

describe.concurrent("the profile's signature_version and parameter_validation, as admin-user-global-sign-out applies them", () => {
  for (const [version, message] of [
    ['v2', "Unsupported Signature Version: v2 (the profile's cognito-idp signature_version); cogsignout signs with v4"],
    ['v9', 'Unknown Signature Version: v9.'],
  ] as const) {
    it(`signature_version = ${version}: its error (255) before anyone is signed out, a dry run's check included`, async ({ onTestFinished }) => {
      const { server, pool, file, config, bulk } = await setUp(onTestFinished);
      const p = pool(['alice']);
      config(`[default]\ncognito-idp =\n  signature_version = ${version}\n`);
      for (const extra of [[], ['--dry-run']]) {
        const r = await bulk(p, ['--usernames-file', file('users.txt', ['alice']), ...extra]);
        expect(r).toEqual({ code: 255, signal: null, stdout: '', stderr: ERROR(message) });
      }
      expect(server.stats().requests).toEqual({});
    });
  }

  it('signature_version = v4 or s3v4 signs as usual; --no-sign-request is never checked', async ({ onTestFinished }) => {
    const { server, pool, file, config, bulk } = await setUp(onTestFinished);
    const p = pool(['alice']);
    config('[default]\ncognito-idp =\n  signature_version = s3v4\n');
    expect(await bulk(p, ['--usernames-file', file('users.txt', ['alice'])])).toMatchObject({ code: 0 });
    config('[default]\ncognito-idp =\n  signature_version = v2\n');
    const unsigned = await bulk(p, ['--usernames-file', 'users.txt', '--no-sign-request']);
    expect(unsigned.stderr).not.toContain('Signature Version');
    expect(signOutCounts(server.stats().signOuts, p).get('alice')).toBe(1);
  });

  it('parameter_validation = false: an empty pool ID goes to the service as given, whose refusal stops the run; checked otherwise', async ({ onTestFinished }) => {
    const { server, file, config, bulk } = await setUp(onTestFinished);
    file('users.txt', ['alice', 'bob']);
    const checked = await bulk('', ['--usernames-file', 'users.txt']);
    expect(checked).toEqual({ code: 252, signal: null, stdout: '', stderr: ERROR('An error occurred (ParamValidation): Parameter validation failed:\nInvalid length for parameter UserPoolId, value: 0, valid min length: 1') });
    expect(server.stats().requests).toEqual({});
    config('[default]\nparameter_validation = false\n');
    const sent = await bulk('', ['--usernames-file', 'users.txt', '--concurrency', '1']);
    // The service's refusal is about the pool, not about alice: every other user would meet it.
    const reason = "1 validation error detected: Value '' at 'userPoolId' failed to satisfy constraint: Member must have length greater than or equal to 1";
    expect(sent).toMatchObject({ code: 255, stderr: `bulk-sign-out: stopped (InvalidParameterException: ${reason}): 2 users: 0 signed out, 0 failed, 0 skipped, 2 not attempted; to resume, run it again with a journal (users already signed out are signed out again, which is harmless): cogsignout bulk-sign-out --endpoint-url ${server.url} --user-pool-id '' --usernames-file users.txt --concurrency 1 --journal bulk-sign-out-.journal\n${ERROR(`An error occurred (InvalidParameterException) when calling the AdminUserGlobalSignOut operation: ${reason}`)}` });
    expect(JSON.parse(sent.stdout)).toMatchObject({ Users: 2, Failed: 0, NotAttempted: 2, Finished: false });
    expect(server.stats().requests.AdminUserGlobalSignOut).toBe(1);
  });
});

describe.concurrent('a journal line longer than 64 KiB', () => {
  it('is read past on resume (the users recorded around it are skipped, the others signed out), not refused', async ({ onTestFinished }) => {
    const { server, dir, pool, file, bulk } = await setUp(onTestFinished);
    const p = pool(['alice', 'bob', 'carol']);
    const at = '2026-12-01T20:00:00.000Z';
    // As an older cogsignout wrote it: a failure's message kept whole.
    writeFileSync(join(dir, 'j'), [
      { format: 'cogsignout-journal', version: 1, createdAt: at },
      { username: 'alice', userPoolId: p, outcome: 'signed-out', at },
      { username: 'bob', userPoolId: p, outcome: 'failed', code: 'InternalErrorException', message: 'm'.repeat(70_000), at },
      { username: 'carol', userPoolId: p, outcome: 'signed-out', at },
    ].map((r) => `${JSON.stringify(r)}\n`).join(''), { mode: 0o600 });
    const r = await bulk(p, ['--usernames-file', file('users.txt', ['alice', 'bob', 'carol']), '--journal', 'j']);
    expect(r).toMatchObject({ code: 0, stderr: `bulk-sign-out: finished: 3 users: 1 signed out, 0 failed, 2 skipped (signed out by earlier runs of the journal, the first at ${at}), 0 not attempted.\n` });
    expect(Object.fromEntries(signOutCounts(server.stats().signOuts, p))).toEqual({ bob: 1 });
  });

  it('is never written: a service message is cut in the journal and the summary, and the journal reads back', async ({ onTestFinished }) => {
    const { server, dir, pool, file, bulk } = await setUp(onTestFinished);
    const p = pool(['alice', 'bob']);
    const message = 'm'.repeat(15_000);
    server.injectFault({ operation: 'AdminUserGlobalSignOut', username: 'bob', kind: 'answer', answer: { status: 400, body: JSON.stringify({ __type: 'UserNotFoundException', message }) } });
    const r = await bulk(p, ['--usernames-file', file('users.txt', ['alice', 'bob']), '--journal', 'j']);
    expect(r.code).toBe(254);
    const cut = `${'m'.repeat(2048)}… (${15_000 - 2048} more characters cut)`;
    expect(JSON.parse(r.stdout)).toMatchObject({ Failures: [{ Username: 'bob', Code: 'UserNotFoundException', Message: cut }] });
    const records = journalLines(join(dir, 'j')).slice(1);
    expect(records.find((x) => x.username === 'bob')).toMatchObject({ outcome: 'failed', message: cut });
    server.clearFaults();
    expect(await bulk(p, ['--usernames-file', 'users.txt', '--journal', 'j'])).toMatchObject({ code: 0 });
  });
});

describe.concurrent('a journal deleted during the run', () => {
  it('stops the run at the next batch, saying so: no run claims progress that is nowhere', async ({ onTestFinished }) => {
    const { dir, pool, file, bulk } = await setUp(onTestFinished);
    const users = Array.from({ length: 3000 }, (_, i) => `user-${i}`);
    const p = pool(users);
    const path = join(dir, 'j');
    const running = bulk(p, ['--usernames-file', file('users.txt', users), '--journal', 'j', '--max-rps', '200']);
    while (journalLines(path).length < 2) await new Promise((r) => setTimeout(r, 2));
    rmSync(path);
    const r = await running;
    expect(r.code).toBe(255);
    const reason = `Unable to write --journal: ${path} was deleted during the run: what this run recorded in it is gone (rerun with this journal: the users this run signed out are signed out again, which is harmless)`;
    expect(JSON.parse(r.stdout)).toMatchObject({ Finished: false, Stopped: reason });
    expect(r.stderr).toMatch(new RegExp(`^bulk-sign-out: stopped \\(${reason.replace(/[()]/g, '\\$&')}\\): 3000 users: \\d+ signed out, 0 failed, 0 skipped, [1-9]\\d* not attempted; to resume: .* --journal j --max-rps 200\\n\\ncogsignout: \\[ERROR\\]: ${reason.replace(/[()]/g, '\\$&')}\\n$`));
  });
});

/** A run through the driver with stdout a terminal (Io's), so that the output pager is used. */
async function onTerminal(dir: string, argv: string[], env: Record<string, string>, factory: Partial<Factory>): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const stream = (sink: string[], tty: boolean) => ({ write: (s: string) => { sink.push(s); }, writeAll: async (s: string) => { sink.push(s); }, isTTY: tty, columns: 120 });
  const io = {
    argv,
    env: { ...baseEnv(dir), ...env },
    cwd: dir,
    stdout: stream(stdout, true),
    stderr: stream(stderr, false),
    version: '0.0.0-test',
    stdin: Readable.from([Buffer.from('')]),
    onInterrupt: () => () => {},
    factory,
  } as Io;
  const code = await run(io);
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

describe.concurrent('a pager that cannot be used, on a terminal', () => {
  const cases: Array<[string, string, string]> = [
    ['a setting that does not split', "less '", "its setting does not split as a command line: No closing quotation"],
    ['a command that is not there', 'cogso-no-such-pager', "cogso-no-such-pager could not be started: [Errno 2] No such file or directory: 'cogso-no-such-pager'"],
    ['a command that fails', 'false', 'false exited with status 1'],
  ];
  for (const [name, pager, reason] of cases) {
    it(`${name}: the finished run's summary is written without it, said on stderr, and the exit status is the run's`, async ({ onTestFinished }) => {
      const { server, dir, clock, pool, file } = await setUp(onTestFinished);
      const p = pool(['alice', 'bob']);
      file('users.txt', ['alice', 'bob', 'ghost']);
      const r = await onTerminal(dir, ['bulk-sign-out', '--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', 'users.txt', '--query', 'Failures[].Username', '--output', 'text'], { AWS_PAGER: pager }, clock.factory);
      expect(r).toEqual({
        code: 254,
        stdout: 'ghost\n',
        stderr: `bulk-sign-out: the output pager cannot be used (${reason}); the summary is written without it.\n`
          + 'bulk-sign-out: finished: 3 users: 2 signed out, 1 failed, 0 skipped, 0 not attempted; the failed users are listed in the summary.\n',
      });
      file('two.txt', ['alice', 'bob']);
      const clean = await onTerminal(dir, ['bulk-sign-out', '--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', 'two.txt', '--query', 'Succeeded', '--output', 'text'], { AWS_PAGER: pager }, clock.factory);
      expect(clean).toMatchObject({ code: 0, stdout: '2\n' });
    });
  }

  it('a pager that works is used as before', async ({ onTestFinished }) => {
    const { server, dir, clock, pool, file } = await setUp(onTestFinished);
    const p = pool(['alice']);
    file('users.txt', ['alice']);
    const r = await onTerminal(dir, ['bulk-sign-out', '--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', 'users.txt', '--query', 'Succeeded', '--output', 'text'], { AWS_PAGER: `sh -c 'cat > "$0"' ${join(dir, 'paged')}` }, clock.factory);
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'bulk-sign-out: finished: 1 user: 1 signed out, 0 failed, 0 skipped, 0 not attempted.\n' });
    expect(readFileSync(join(dir, 'paged'), 'utf8')).toBe('1\n');
  });
});

describe.concurrent('one user whose request always resets the connection', () => {
  it('is recorded as failed, with its error, once the service is seen to answer: the run goes on, and no resume stops there', async ({ onTestFinished }) => {
    const { server, dir, pool, file, bulk } = await setUp(onTestFinished);
    const users = ['alice', 'bob', 'carol', 'dave'];
    const p = pool(users);
    file('users.txt', users);
    server.injectFault({ operation: 'AdminUserGlobalSignOut', username: 'bob', kind: 'reset' });
    const reason = `Connection was closed before we received a valid response from endpoint URL: "${server.url}/".`;
    for (const [n, skipped] of [[3, ''], [0, ', 3 skipped']] as const) {
      const r = await bulk(p, ['--usernames-file', 'users.txt', '--journal', 'j', '--concurrency', '1', '--max-rps', '0']);
      expect(r.code).toBe(254);
      expect(r.stderr).toMatch(new RegExp(`^bulk-sign-out: finished: 4 users: ${n} signed out, 1 failed, ${skipped === '' ? '0 skipped' : '3 skipped \\(signed out by earlier runs of the journal, the first at [^)]+\\)'}, 0 not attempted; the failed users are listed in the summary; it failed on the service's side or the connection, not for anything about the user; to try them again: cogsignout bulk-sign-out --endpoint-url ${server.url} --user-pool-id ${p} --usernames-file users\\.txt --journal j --concurrency 1 --max-rps 0\\n$`));
      expect(JSON.parse(r.stdout)).toMatchObject({ Users: 4, Succeeded: n, Failed: 1, Finished: true, Failures: [{ Username: 'bob', Code: 'ConnectionError', Message: reason }] });
    }
    expect(journalLines(join(dir, 'j')).filter((x) => x.username === 'bob')).toMatchObject([
      { outcome: 'failed', code: 'ConnectionError', message: reason }, { outcome: 'failed', code: 'ConnectionError', message: reason },
    ]);
    expect(Object.fromEntries(signOutCounts(server.stats().signOuts, p))).toEqual({ alice: 1, carol: 1, dave: 1 });
  });

  it('the last one left: recorded as failed too (the service answers the check)', async ({ onTestFinished }) => {
    const { server, pool, file, bulk } = await setUp(onTestFinished);
    const p = pool(['alice']);
    server.injectFault({ operation: 'AdminUserGlobalSignOut', username: 'alice', kind: 'reset' });
    const r = await bulk(p, ['--usernames-file', file('users.txt', ['alice'])]);
    expect(r).toMatchObject({
      code: 254,
      stderr: 'bulk-sign-out: finished: 1 user: 0 signed out, 1 failed, 0 skipped, 0 not attempted; the failed users are listed in the summary; it failed on the service\'s side or the connection, not for anything about the user; '
        + `to try them again, run it again with a journal (users already signed out are signed out again, which is harmless): cogsignout bulk-sign-out --endpoint-url ${server.url} --user-pool-id ${p} --usernames-file users.txt --journal bulk-sign-out-${p}.journal\n`,
    });
  });

  it('a connection that is down (the check fails too) still stops the run, the user left for the next one', async ({ onTestFinished }) => {
    const { server, pool, file, bulk } = await setUp(onTestFinished);
    const p = pool(['alice', 'bob']);
    server.injectFault({ operation: 'AdminUserGlobalSignOut', username: 'bob', kind: 'reset' });
    server.injectFault({ operation: 'DescribeUserPool', kind: 'reset' });
    const r = await bulk(p, ['--usernames-file', file('users.txt', ['alice', 'bob']), '--concurrency', '1', '--max-rps', '0']);
    expect(r.code).toBe(255);
    expect(JSON.parse(r.stdout)).toMatchObject({ Succeeded: 1, Failed: 0, NotAttempted: 1, Finished: false });
  });
});
