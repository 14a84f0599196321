// The third review's cases (2026-12-02): where bulk-sign-out still lost what a run did or how it
// ended. In this process where the injected providers can play the part; a child process where
// the point is a signal and how the process ends.
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { startLocalCognito } from '../../local-cognito/server.js';
import { run } from '../../src/cli/driver.js';
import type { Io } from '../../src/cli/io.js';
import { BIN, baseEnv } from '../support/cli.js';
import { runInPty } from '../support/pty.js';
import { journalLines, names, runBulk, signOutCounts, workDir } from './support.js';
import { VirtualClock } from './virtual-clock.js';

/** A run through the driver with Ctrl-C as Io's onInterrupt (what main.ts offers), in this process. */
function withCtrlC(dir: string, argv: string[]): { io: Io; stdout: string[]; stderr: string[]; ctrlC(): void } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const handlers: Array<() => void> = [];
  const stream = (sink: string[]) => ({ write: (t: string) => { sink.push(t); }, writeAll: async (t: string) => { sink.push(t); }, isTTY: false, columns: 120 });
  const io = {
    argv, env: baseEnv(dir), cwd: dir, stdout: stream(stdout), stderr: stream(stderr), version: '0.0.0-test',
    stdin: Readable.from([Buffer.from('')]),
    onInterrupt: (h: () => void) => { handlers.push(h); return () => { handlers.splice(handlers.indexOf(h), 1); }; },
    factory: new VirtualClock().factory,
  } as Io;
  return { io, stdout, stderr, ctrlC: () => handlers[handlers.length - 1]?.() };
}

describe.concurrent('Ctrl-C while a dry run checks the pool', () => {
  it('ends the wait for an endpoint that does not answer: the dry run is told interrupted at once, not after the call\'s timeouts', async ({ onTestFinished }) => {
    const server = await startLocalCognito();
    const { dir, remove } = workDir();
    onTestFinished(async () => { server.releaseDelays(); await server.close(); remove(); });
    const p = server.createUserPool('dry-hold');
    writeFileSync(join(dir, 'users.txt'), 'alice\nbob\n');
    server.injectFault({ operation: 'DescribeUserPool', kind: 'delay', delayMs: 60_000 });
    const h = withCtrlC(dir, ['bulk-sign-out', '--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', 'users.txt', '--dry-run', '--query', '[Users,NotAttempted,Finished,Interrupted]', '--output', 'text']);
    const running = run(h.io);
    while ((server.stats().requests.DescribeUserPool ?? 0) < 1) await new Promise((r) => setTimeout(r, 5));
    h.ctrlC();
    const code = await Promise.race([running, new Promise((r) => setTimeout(() => r('still waiting'), 3000))]);
    expect({ code, stdout: h.stdout.join(''), stderr: h.stderr.join('') }).toEqual({
      code: 130,
      stdout: '2\t2\tFalse\tSIGINT\n',
      stderr: 'bulk-sign-out (dry run): interrupted (SIGINT): 2 users: 0 would be signed out, 0 skipped, 2 not attempted; nobody was signed out.\n',
    });
  });
});

describe.concurrent('a signal while the summary is being written', () => {
  // The pager is where a run spends time after its end, deterministically: it signals its parent
  // (the run) as it starts. A terminal for stdout, so that the pager is used.
  for (const [signal, status, word] of [['TERM', 143, 'Terminated'], ['HUP', 129, 'Hangup']] as const) {
    it(`SIG${signal}: the line saying how the run ended is written, and that the summary may be cut, before the process ends as the signal asks`, async ({ onTestFinished }) => {
      const server = await startLocalCognito();
      const { dir, remove } = workDir();
      onTestFinished(async () => { await server.close(); remove(); });
      const p = server.createUserPool('late-signal');
      server.seedUsers(p, [{ username: 'alice' }, { username: 'bob' }]);
      writeFileSync(join(dir, 'users.txt'), 'alice\nbob\nghost\n');
      const r = await runInPty(['bulk-sign-out', '--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', join(dir, 'users.txt'), '--query', 'Succeeded'], {
        AWS_PAGER: `sh -c 'kill -${signal} $PPID; sleep 0.2; cat >/dev/null'`,
      });
      // Before the ending line, the progress line's redraws; after, the shell's word for the signal.
      expect({ code: r.code, output: r.output.slice(r.output.indexOf('bulk-sign-out: finished')) }).toEqual({
        code: status,
        output: 'bulk-sign-out: finished: 3 users: 2 signed out, 1 failed, 0 skipped, 0 not attempted; the failed users are listed in the summary.\n'
          + `bulk-sign-out: SIG${signal} while the summary was being written: standard output may hold only part of it (the line above is how the run ended).\n${word}\n`,
      });
    });
  }
});

describe.concurrent('a storm of server errors', () => {
  it('fails user after user and the run finishes: the ending line says those failures were not the users\', and how to try them again', async ({ onTestFinished }) => {
    const clock = new VirtualClock();
    const server = await startLocalCognito({ rateClock: () => clock.now() });
    const { dir, remove } = workDir();
    onTestFinished(async () => { await server.close(); remove(); });
    const users = names(12);
    const p = server.createUserPool('storm');
    server.seedUsers(p, users.map((username) => ({ username })));
    writeFileSync(join(dir, 'users.txt'), `${['ghost', ...users].join('\n')}\n`);
    const args = ['--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', 'users.txt', '--journal', 'j', '--concurrency', '1', '--max-rps', '0'];
    server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'status500', after: 4 });
    const r = await runBulk(dir, args, { factory: clock.factory });
    const again = `cogsignout bulk-sign-out ${args.join(' ')}`;
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: 254,
      stderr: 'bulk-sign-out: finished: 13 users: 3 signed out, 10 failed, 0 skipped, 0 not attempted; the failed users are listed in the summary; '
        + `9 of them failed on the service's side or the connection, not for anything about the user; to try them again: ${again}\n`,
    });
    server.clearFaults();
    const rerun = await runBulk(dir, args, { factory: clock.factory });
    expect({ code: rerun.code, stderr: rerun.stderr.replace(/the first at [^)]+/, 'the first at <t>') }).toEqual({
      code: 254,
      stderr: 'bulk-sign-out: finished: 13 users: 9 signed out, 1 failed, 3 skipped (signed out by earlier runs of the journal, the first at <t>), 0 not attempted; the failed users are listed in the summary.\n',
    });
    expect(journalLines(join(dir, 'j')).filter((x) => x.outcome === 'signed-out')).toHaveLength(12);
    expect([...signOutCounts(server.stats().signOuts, p).values()]).toEqual(users.map(() => 1));
  });
});

describe.concurrent('a list read from standard input', () => {
  it('the command that resumes says the list must be given there again (pasted alone, it waits for the terminal)', async ({ onTestFinished }) => {
    const clock = new VirtualClock();
    const server = await startLocalCognito({ rateClock: () => clock.now() });
    const { dir, remove } = workDir();
    onTestFinished(async () => { await server.close(); remove(); });
    const p = server.createUserPool('stdin');
    server.seedUsers(p, [{ username: 'alice' }, { username: 'bob' }]);
    server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'answer', after: 1, answer: { status: 400, body: JSON.stringify({ __type: 'ExpiredTokenException', message: 'The security token included in the request is expired' }) } });
    const args = ['--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', '-', '--journal', 'j', '--concurrency', '1', '--max-rps', '0'];
    const r = await runBulk(dir, args, { stdin: 'alice\nbob\n', factory: clock.factory });
    const reason = 'ExpiredTokenException: The security token included in the request is expired';
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: 255,
      stderr: `bulk-sign-out: stopped (${reason}): 2 users: 1 signed out, 0 failed, 0 skipped, 1 not attempted; to resume: cogsignout bulk-sign-out ${args.join(' ')} (with the same usernames on standard input)\n`
        + '\ncogsignout: [ERROR]: An error occurred (ExpiredTokenException) when calling the AdminUserGlobalSignOut operation: The security token included in the request is expired\n',
    });
    server.clearFaults();
    const again = await runBulk(dir, args, { stdin: 'alice\nbob\n', factory: clock.factory });
    expect(again.code).toBe(0);
    expect(Object.fromEntries(signOutCounts(server.stats().signOuts, p))).toEqual({ alice: 1, bob: 1 });
  });
});

describe.concurrent('a --list-file that cannot be written whole', () => {
  // A file size limit (ulimit -f: 512 bytes) is a process's: a child process of the built CLI.
  it('leaves no file: a list cut short under its header would sign out only the users before the cut', async ({ onTestFinished }) => {
    const server = await startLocalCognito();
    const { dir, remove } = workDir();
    onTestFinished(async () => { await server.close(); remove(); });
    const p = server.createUserPool('list-cut');
    writeFileSync(join(dir, 'users.txt'), `${names(100).join('\n')}\n`);
    const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn('sh', ['-c', 'ulimit -f 1; exec "$0" "$@"', process.execPath, BIN, 'bulk-sign-out', '--endpoint-url', server.url, '--user-pool-id', p,
        '--usernames-file', 'users.txt', '--dry-run', '--list-file', 'review.txt', '--query', 'WouldSignOut', '--output', 'text'], { cwd: dir, env: baseEnv(dir), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => { stdout += d.toString('utf8'); });
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    const reason = `Unable to write --list-file: [Errno 27] File too large: '${join(dir, 'review.txt')}'`;
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      status: 255,
      stdout: '100\n',
      stderr: `bulk-sign-out (dry run): stopped (${reason}): 100 users: 100 would be signed out, 0 skipped; nobody was signed out, and no --list-file was written (it would not list everyone).\n`
        + `\ncogsignout: [ERROR]: An error occurred (ParamValidation): ${reason}\n`,
    });
    expect(readdirSync(dir).filter((f) => f.startsWith('review'))).toEqual([]);
  });
});
