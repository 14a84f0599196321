// bulk-sign-out run in this process through the driver, with an Io that offers what main.ts is
// to offer (standard input, Ctrl-C as onInterrupt) and a terminal on stderr: the contract between
// the process wiring and the command, without a child process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/driver.js';
import type { Factory } from '../../src/cli/factory.js';
import type { Io } from '../../src/cli/io.js';
import { startLocalCognito, TEST_CREDENTIALS, type LocalCognito } from '../../local-cognito/server.js';
import { journalLines, names, signOutCounts } from './support.js';
import { VirtualClock } from './virtual-clock.js';

let server: LocalCognito;
let dir: string;
beforeAll(async () => {
  server = await startLocalCognito();
  dir = mkdtempSync(join(tmpdir(), 'cogso-bulk-cmd-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Harness {
  io: Io;
  stdout: string[];
  stderr: string[];
  handlers: Set<() => void>;
}

function harness(argv: string[], opts: { stdin?: string; tty?: boolean; factory?: Partial<Factory> } = {}): Harness {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const handlers = new Set<() => void>();
  const stream = (sink: string[], tty: boolean) => ({
    write: (s: string) => { sink.push(s); },
    writeAll: async (s: string) => { sink.push(s); },
    isTTY: tty,
    columns: 120,
  });
  const io = {
    argv,
    env: {
      HOME: dir, AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1', AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true',
    },
    cwd: dir,
    stdout: stream(stdout, false),
    stderr: stream(stderr, opts.tty ?? false),
    version: '0.0.0-test',
    stdin: Readable.from([Buffer.from(opts.stdin ?? '')]),
    onInterrupt: (h: () => void) => { handlers.add(h); return () => { handlers.delete(h); }; },
    ...(opts.factory ? { factory: opts.factory } : {}),
  } as Io;
  return { io, stdout, stderr, handlers };
}

function pool(usernames: readonly string[]): string {
  const id = server.createUserPool(`cmd-${Math.random().toString(36).slice(2, 8)}`);
  server.seedUsers(id, usernames.map((username) => ({ username })));
  return id;
}

describe('bulk-sign-out through the driver', () => {
  it('reads standard input from Io and leaves Ctrl-C alone once done', async () => {
    const p = pool(['alice', 'bob']);
    const h = harness(['bulk-sign-out', '--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', '-', '--output', 'json'], { stdin: 'alice\nbob\n' });
    expect(await run(h.io)).toBe(0);
    const summary = JSON.parse(h.stdout.join('')) as Record<string, unknown>;
    expect(summary).toMatchObject({ Users: 2, Succeeded: 2, Failed: 0, Skipped: 0, NotAttempted: 0, Finished: true, UserPoolId: p });
    expect(h.stderr.join('')).toBe('bulk-sign-out: finished: 2 users: 2 signed out, 0 failed, 0 skipped, 0 not attempted.\n');
    expect(h.handlers.size).toBe(0);
  });

  it('Ctrl-C through onInterrupt: the calls in flight finish and are journaled, then the summary and 130', async () => {
    const users = names(400);
    const p = pool(users);
    writeFileSync(join(dir, 'users.txt'), users.join('\n'));
    // Its pacing and grace in virtual time (virtual-clock.ts): the journal fills without waiting.
    const h = harness(['bulk-sign-out', '--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', 'users.txt', '--journal', 'cmd.journal', '--max-rps', '100'], { factory: new VirtualClock().factory });
    const running = run(h.io);
    while (journalLines(join(dir, 'cmd.journal')).length < 21) await new Promise((r) => setTimeout(r, 10));
    expect(h.handlers.size).toBe(1);
    for (const handler of h.handlers) handler();
    expect(await running).toBe(130);
    const done = journalLines(join(dir, 'cmd.journal')).slice(1);
    expect(JSON.parse(h.stdout.join(''))).toMatchObject({ Users: 400, Succeeded: done.length, Failed: 0, Skipped: 0, NotAttempted: 400 - done.length, Finished: false, Interrupted: 'SIGINT' });
    expect(signOutCounts(server.stats().signOuts, p).size).toBe(done.length);
    expect(h.handlers.size).toBe(0);
  });

  it('draws a progress line when stderr is a terminal, and ends it with a newline', async () => {
    const p = pool(names(30));
    writeFileSync(join(dir, 'thirty.txt'), names(30).join('\n'));
    const h = harness(['bulk-sign-out', '--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', 'thirty.txt', '--max-rps', '0'], { tty: true });
    expect(await run(h.io)).toBe(0);
    const err = h.stderr.join('');
    expect(err.startsWith('\rbulk-sign-out: ')).toBe(true);
    // The file is read before the run: the time left is known from the start.
    expect(err).toMatch(/\rbulk-sign-out: 30 signed out, 0 failed, 0 skipped, [\d.]+\/s, ETA 0s *\nbulk-sign-out: finished: 30 users: 30 signed out, 0 failed, 0 skipped, 0 not attempted\.\n$/);
  });

  it('--usernames-file - on a terminal says it is reading standard input', async () => {
    const p = pool(['alice']);
    const h = harness(['bulk-sign-out', '--endpoint-url', server.url, '--user-pool-id', p, '--usernames-file', '-'], { stdin: 'alice\n' });
    Object.assign(h.io.stdin as object, { isTTY: true });
    expect(await run(h.io)).toBe(0);
    expect(h.stderr.join('')).toBe('bulk-sign-out: reading usernames from standard input, one per line; end with Ctrl-D.\nbulk-sign-out: finished: 1 user: 1 signed out, 0 failed, 0 skipped, 0 not attempted.\n');
  });
});
