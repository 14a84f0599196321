// The third review's cases (2026-12-02): where bulk-sign-out still lost what a run did or how it
// ended. In this process where the injected providers can play the part; a child process where
// the point is a signal and how the process ends.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLocalCognito } from '../../local-cognito/server.js';
import { runInPty } from '../support/pty.js';
import { workDir } from './support.js';

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
