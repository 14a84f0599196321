// The adversarial review's cases (2026-12-01): what broke bulk-sign-out's promises (every user
// accounted for, no partial run reported as clean, the operator told what happened and how to
// resume) against the local endpoint. In this process in virtual time where possible; a child
// process where its standard output is the point.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { lockJournal } from '../../src/bulk/journal-lock.js';
import { readLines, usernameLine, usernamesOf } from '../../src/bulk/line-reader.js';
import { run } from '../../src/cli/driver.js';
import type { Io } from '../../src/cli/io.js';
import { baseEnv, BIN } from '../support/cli.js';
import { firstSignedOutAt, journalLines, names, runBulk, signOutCounts, skippedWords, workDir } from './support.js';
import { VirtualClock } from './virtual-clock.js';

const SPAWNED = process.env.COGSO_TEST_SPAWN === '1';

async function setUp(onTestFinished: (fn: () => Promise<void>) => void) {
  const clock = SPAWNED ? undefined : new VirtualClock();
  const server: LocalCognito = await startLocalCognito(clock === undefined ? {} : { rateClock: () => clock.now() });
  const { dir, remove } = workDir();
  onTestFinished(async () => { await server.close(); remove(); });
  const pool = (usernames: readonly string[]): string => {
    const id = server.createUserPool(`review-${Math.random().toString(36).slice(2, 8)}`);
    server.seedUsers(id, usernames.map((username) => ({ username })));
    return id;
  };
  const file = (name: string, lines: readonly string[]): string => {
    writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
    return name;
  };
  const bulk = (poolId: string, args: readonly string[]) =>
    runBulk(dir, ['--endpoint-url', server.url, '--user-pool-id', poolId, ...args], { factory: clock?.factory });
  return { server, dir, pool, file, bulk };
}

async function* bytes(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text);
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe.concurrent('usernames that start with #', () => {
  // Cognito's usernames are [\p{L}\p{M}\p{S}\p{N}\p{P}]+: `#ops` is one, and a list line `#ops` is a comment.
  const odd = ['#ops', '##', '\\#esc', '\\\\#two', '\\plain', 'a#b', 'plain'];

  it('--list-file writes them so that --usernames-file reads them back: the real run signs out exactly those users', async ({ onTestFinished }) => {
    const { server, dir, pool, bulk } = await setUp(onTestFinished);
    const p = pool(odd);
    const dry = await bulk(p, ['--all-users', '--dry-run', '--list-file', 'review.txt']);
    expect(dry).toMatchObject({ code: 0, stderr: 'bulk-sign-out (dry run): finished: 7 users: 7 would be signed out, 0 skipped; nobody was signed out.\n' });
    const lines = readFileSync(join(dir, 'review.txt'), 'utf8').split('\n').slice(2, -1);
    expect(lines.sort()).toEqual(['\\#ops', '\\##', '\\\\#esc', '\\\\\\#two', '\\plain', 'a#b', 'plain'].sort());
    const run = await bulk(p, ['--usernames-file', 'review.txt', '--max-rps', '0']);
    expect(run).toMatchObject({ code: 0, stderr: 'bulk-sign-out: finished: 7 users: 7 signed out, 0 failed, 0 skipped, 0 not attempted.\n' });
    const counts = signOutCounts(server.stats().signOuts, p);
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(odd.map((u) => [u, 1])));
  });

  it('a line is a comment when it starts with #, a name after one backslash before #, and any other line as it is', async () => {
    const text = ['# a comment', '\\#ops', '\\\\#two', '\\plain', '\\\\plain', 'a#b', ' \\#spaced '].join('\n');
    expect(await collect(usernamesOf(readLines(bytes(text))))).toEqual(['#ops', '\\#two', '\\plain', '\\\\plain', 'a#b', '#spaced']);
    for (const u of [...odd, '\\\\plain', '\\\\\\#three']) {
      expect(await collect(usernamesOf(readLines(bytes(`${usernameLine(u)}\n`))))).toEqual([u]);
    }
  });
});

describe.concurrent('the resume line', () => {
  it('of a run whose --journal was abbreviated (--jour) resumes from that journal, not from a new one', async ({ onTestFinished }) => {
    const { server, dir, pool, file, bulk } = await setUp(onTestFinished);
    const users = names(30);
    const p = pool(users);
    file('users.txt', users);
    // The connection drops for the 11th user on (the pool check that tells it from one user's
    // failure too): the run stops with 10 journaled.
    server.injectFault({ operation: 'AdminUserGlobalSignOut', username: users[10], kind: 'reset' });
    server.injectFault({ operation: 'DescribeUserPool', kind: 'reset' });
    const r = await bulk(p, ['--usernames-file', 'users.txt', '--jour', 'j', '--concurrency', '1', '--max-rps', '0']);
    expect(r.code).toBe(255);
    const resume = `cogsignout bulk-sign-out --endpoint-url ${server.url} --user-pool-id ${p} --usernames-file users.txt --jour j --concurrency 1 --max-rps 0`;
    const reason = `Connection was closed before we received a valid response from endpoint URL: "${server.url}/".`;
    expect(r.stderr).toBe(`bulk-sign-out: stopped (${reason}): 30 users: 10 signed out, 0 failed, 0 skipped, 20 not attempted; to resume: ${resume}\n\ncogsignout: [ERROR]: ${reason}\n`);
    expect(journalLines(join(dir, 'j')).slice(1)).toHaveLength(10);
    server.clearFaults();
    // The very words of the resume line.
    const again = await bulk(p, resume.split(' ').slice(6));
    const since = firstSignedOutAt(journalLines(join(dir, 'j')).slice(1));
    expect(again).toMatchObject({ code: 0, stderr: `bulk-sign-out: finished: 30 users: 20 signed out, 0 failed, ${skippedWords(10, since)}, 0 not attempted.\n` });
    expect([...signOutCounts(server.stats().signOuts, p).values()].every((n) => n === 1)).toBe(true);
  });
});

/** The built CLI with its standard output on /dev/full: every write to it fails (ENOSPC). */
function runToFullDevice(dir: string, args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const full = openSync('/dev/full', 'w');
  const child = spawn(process.execPath, [BIN, 'bulk-sign-out', ...args], { cwd: dir, env: baseEnv(dir), stdio: ['ignore', full, 'pipe'] });
  closeSync(full);
  const err: Buffer[] = [];
  child.stderr!.on('data', (d: Buffer) => err.push(d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr: Buffer.concat(err).toString('utf8') }));
  });
}

describe.concurrent('a summary that cannot be written', () => {
  it('still leaves the ending line, and the run\'s exit status (255 for a clean run: its summary is lost)', async ({ onTestFinished }) => {
    const { server, dir, pool, file } = await setUp(onTestFinished);
    const p = pool(['alice', 'bob']);
    const args = ['--endpoint-url', server.url, '--user-pool-id', p, '--journal', 'j', '--usernames-file'];
    const r = await runToFullDevice(dir, [...args, file('users.txt', ['alice', 'ghost', 'bob'])]);
    expect(r).toEqual({
      code: 254,
      stderr: 'bulk-sign-out: finished: 3 users: 2 signed out, 1 failed, 0 skipped, 0 not attempted; the failed users are listed in the summary.\n\ncogsignout: [ERROR]: [Errno 28] No space left on device\n',
    });
    const ok = await runToFullDevice(dir, [...args, file('ok.txt', ['alice'])]);
    const since = firstSignedOutAt(journalLines(join(dir, 'j')).slice(1));
    expect(ok).toEqual({
      code: 255,
      stderr: `bulk-sign-out: finished: 1 user: 0 signed out, 0 failed, ${skippedWords(1, since)}, 0 not attempted.\n\ncogsignout: [ERROR]: [Errno 28] No space left on device\n`,
    });
  });
});

describe.concurrent('names read from the list', () => {
  it('never reach the terminal raw: a control character in a listed name is escaped in the summary, as the service\'s words are', async ({ onTestFinished }) => {
    const { pool, file, bulk } = await setUp(onTestFinished);
    const p = pool(['alice']);
    // What a list exported from failed logins can hold: a name that retitles the terminal.
    const evil = 'evil\x1b]0;pwned\x07\x9b2J';
    const r = await bulk(p, ['--usernames-file', file('users.txt', ['alice', evil, evil]), '--output', 'text']);
    expect(r.code).toBe(254);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('DUPLICATEUSERNAMES'))).toBe('DUPLICATEUSERNAMES\tevil\\x1b]0;pwned\\x07\\x9b2J');
    expect(lines.find((l) => l.startsWith('FAILURES'))?.split('\t').slice(-1)).toEqual(['evil\\x1b]0;pwned\\x07\\x9b2J']);
  });
});

describe.concurrent('one writer per journal', () => {
  it('whatever path reaches it: a link to the journal, a linked directory, a link to a journal not made yet', async ({ onTestFinished }) => {
    const { server, dir, pool, file, bulk } = await setUp(onTestFinished);
    const p = pool(['alice']);
    file('users.txt', ['alice']);
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'j'), '');
    symlinkSync(join(dir, 'real', 'j'), join(dir, 'link'));
    symlinkSync('real', join(dir, 'dirlink'));
    symlinkSync('real/later', join(dir, 'dangling'));
    const real = realpathSync(dir);
    for (const [held, other, lockFile] of [['real/j', 'link', 'j'], ['link', 'dirlink/j', 'j'], ['real/later', 'dangling', 'later'], ['dangling', 'dirlink/later', 'later']] as const) {
      const lock = lockJournal(join(dir, held));
      try {
        const r = await bulk(p, ['--usernames-file', 'users.txt', '--journal', other]);
        expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 252, stdout: '' });
        const stderr = r.stderr.replaceAll(`${real}/real/${lockFile}.lock`, '<LOCK>').replaceAll(dir, '<DIR>');
        expect(stderr).toMatch(new RegExp(`^\\ncogsignout: \\[ERROR\\]: An error occurred \\(ParamValidation\\): Unable to use --journal: <DIR>/${other} is in use by another run \\(process \\d+ on .+\\); wait for it to end\\. If no such run is going on, remove <LOCK>\\n$`));
      } finally {
        lock.release();
      }
    }
    expect(server.stats().requests).toEqual({});
  });
});

describe.concurrent('a lock that cannot be made', () => {
  it('is named in the refusal, not the journal beside it', async ({ onTestFinished }) => {
    const { server, dir, pool, file, bulk } = await setUp(onTestFinished);
    const p = pool(['alice']);
    file('users.txt', ['alice']);
    mkdirSync(join(dir, 'j.lock'));
    const r = await bulk(p, ['--usernames-file', 'users.txt', '--journal', 'j']);
    const real = realpathSync(dir);
    expect({ ...r, stderr: r.stderr.replaceAll(real, '<DIR>') }).toMatchObject({
      code: 252, stdout: '', stderr: `\ncogsignout: [ERROR]: An error occurred (ParamValidation): Unable to use --journal: [Errno 21] Is a directory: '<DIR>/j.lock' (the journal's lock, made beside it)\n`,
    });
    expect(server.stats().requests).toEqual({});
  });
});

describe.concurrent('an interrupted dry run', () => {
  it('writes no --list-file: the pages listed so far would read as the whole list', async ({ onTestFinished }) => {
    const { server, dir, pool } = await setUp(onTestFinished);
    const p = pool(names(200));
    const out: string[] = [];
    const err: string[] = [];
    const handlers = new Set<() => void>();
    const sink = (to: string[]) => ({ write: (t: string) => { to.push(t); }, writeAll: async (t: string) => { to.push(t); }, isTTY: false, columns: 80 });
    const io = {
      argv: ['bulk-sign-out', '--endpoint-url', server.url, '--user-pool-id', p, '--all-users', '--dry-run', '--list-file', 'review.txt'],
      env: baseEnv(dir), cwd: dir, stdout: sink(out), stderr: sink(err), version: '0.0.0-test',
      // Ctrl-C as main.ts offers it.
      onInterrupt: (h: () => void) => { handlers.add(h); return () => { handlers.delete(h); }; },
    } as unknown as Io;
    // The first page passes; the next ones are throttled: the run waits to list the rest.
    server.injectFault({ operation: 'ListUsers', kind: 'throttle', after: 1 });
    const running = run(io);
    while ((server.stats().requests.ListUsers ?? 0) < 2) await new Promise((r) => setTimeout(r, 5));
    for (const h of handlers) h();
    expect(await running).toBe(130);
    expect(err.join('')).toBe('bulk-sign-out (dry run): interrupted (SIGINT): 60 users: 60 would be signed out, 0 skipped; nobody was signed out, and no --list-file was written (it would not list everyone).\n');
    expect(JSON.parse(out.join(''))).toMatchObject({ Users: 60, WouldSignOut: 60, Finished: false, Interrupted: 'SIGINT' });
    expect(existsSync(join(dir, 'review.txt'))).toBe(false);
  });
});

describe.concurrent('a line longer than any username', () => {
  it('stops the run before it starts, with its line number: sent, its refusal (which quotes it) was too large to read and stopped every resume there', async ({ onTestFinished }) => {
    const { server, pool, file, bulk } = await setUp(onTestFinished);
    const p = pool(['alice', 'bob']);
    const r = await bulk(p, ['--usernames-file', file('users.txt', ['alice', '# pasted from the SIEM', 'a'.repeat(20_000), 'bob'])]);
    expect(r).toEqual({ code: 252, signal: null, stdout: '', stderr: '\ncogsignout: [ERROR]: An error occurred (ParamValidation): --usernames-file: line 3 is longer than 128 characters, the most a Cognito username has\n' });
    expect(server.stats().requests).toEqual({});
    // 128 characters is a name the service can take (counted as characters, not UTF-16 units).
    const ok = await bulk(p, ['--usernames-file', file('ok.txt', ['alice', '\u{1F600}'.repeat(128), 'b'.repeat(128)]), '--query', 'Failures[].Code', '--output', 'text']);
    expect(ok).toMatchObject({ code: 254, stdout: 'UserNotFoundException\tUserNotFoundException\n' });
  });
});

describe.concurrent('an endpoint URL with a password', () => {
  it('is masked in the summary and the resume line, as in every message of ours that echoes it', async ({ onTestFinished }) => {
    const { server, dir, pool, file } = await setUp(onTestFinished);
    const p = pool(['alice', 'bob']);
    server.injectFault({ operation: 'AdminUserGlobalSignOut', username: 'bob', kind: 'reset' });
    server.injectFault({ operation: 'DescribeUserPool', kind: 'reset' });
    const endpoint = server.url.replace('http://', 'http://ops:s3cret@');
    const r = await runBulk(dir, ['--endpoint-url', endpoint, '--user-pool-id', p, '--usernames-file', file('users.txt', ['alice', 'bob']), '--concurrency', '1', '--max-rps', '0']);
    expect(r.code).toBe(255);
    expect(`${r.stdout}${r.stderr}`).not.toContain('s3cret');
    const masked = server.url.replace('http://', 'http://ops:***@');
    expect(JSON.parse(r.stdout)).toMatchObject({ Succeeded: 1, NotAttempted: 1, Endpoint: masked });
    expect(r.stderr).toContain(`: cogsignout bulk-sign-out --endpoint-url '${masked}' --user-pool-id ${p} --usernames-file users.txt --concurrency 1 --max-rps 0 --journal bulk-sign-out-${p}.journal\n`);
  });
});
