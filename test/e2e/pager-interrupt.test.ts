// Ctrl-C while a table is in the output pager, in a real pseudo-terminal: the pager ends, the
// terminal is usable again (the next line typed reaches the shell whole), no pager is left
// behind in the session, and cogsignout exits 130. (The AWS CLI exits at once and leaves `less`
// running, which then eats the next keystroke; see README, "Differences from the AWS CLI".)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { baseEnv, BIN } from '../support/cli.js';
import { PtySession, ptyUnavailable, sleep } from '../prompt/pty.js';
import { shellJoin } from '../../src/prompt/text.js';

const haveLess = spawnSync('sh', ['-c', 'command -v less'], { stdio: 'ignore' }).status === 0;
const skip = ptyUnavailable() !== undefined || !haveLess;

let server: LocalCognito;
let pool: string;
let root: string;

beforeAll(async () => {
  server = await startLocalCognito();
  pool = server.createUserPool('pager');
  server.seedUsers(pool, [{ username: 'alice', password: 'Passw0rd!x' }]);
  root = mkdtempSync(join(tmpdir(), 'cogso-pager-int-'));
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

/** A table of 60 rows: more than the 20-row terminal, so `less -FRX` stays on screen. */
const QUERY = `\`[${Array.from({ length: 60 }, (_, i) => i + 1).join(',')}]\``;

describe.skipIf(skip)('Ctrl-C in the output pager', () => {
  it('ends the pager, restores the terminal and exits 130', async () => {
    const cli = shellJoin([process.execPath, BIN, 'admin-user-global-sign-out', '--endpoint-url', server.url,
      '--user-pool-id', pool, '--username', 'alice', '--output', 'table', '--query', QUERY]);
    // The shell outlives the Ctrl-C, as an interactive shell would (`trap :` is reset in children).
    // After cogsignout: its exit code, the pagers still in this terminal's session, the
    // terminal's line discipline, then one line read from the keyboard.
    const script = `trap : INT; ${cli}; echo "rc=$?"; ` +
      'echo "left=$(ps -o comm= -s "$(ps -o sid= -p $$ | tr -d " ")" | grep -c "^less$")"; ' +
      'stty -a | grep -o -- "-\\?icanon\\|-\\?echo " | tr "\\n" " "; echo; read line; echo "got:$line"';
    const env: Record<string, string> = { ...baseEnv(root), TERM: 'xterm', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    delete env.AWS_PAGER;
    const s = new PtySession(['sh', '-c', script], { env, cwd: root, columns: 80, rows: 20 });
    let run;
    try {
      await s.waitFor('|  16 ');
      await sleep(300);
      await s.press('\x03');
      await s.waitFor(/rc=\d+/);
      await s.press('hello\r');
    } finally {
      run = await s.finish();
    }
    const text = run.raw.replace(/\r\n/g, '\n');
    expect(text).toMatch(/rc=130\n/);
    expect(text).toContain('left=0\n');
    expect(text).toMatch(/\nicanon echo /);
    expect(text).toContain('got:hello\n');
  });
});
