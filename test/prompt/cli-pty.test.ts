// The auto-prompt of the built CLI (bin/cogsignout.js) in a real pseudo-terminal, against the
// local Cognito endpoint: the prompt opens, the edited line runs, Ctrl-C exits 130, on-partial
// prompts only after a usage error, and without a terminal the line runs as given, at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { baseEnv, BIN, spawnCli } from '../support/cli.js';
import { PtySession, ptyUnavailable, readOr } from './pty.js';
import { KEY } from './support.js';

const OP = 'admin-user-global-sign-out';
const READY = 'Ctrl-C: cancel';
const unavailable = ptyUnavailable();

let server: LocalCognito;
let pool: string;
let root: string;
let runs = 0;

beforeAll(async () => {
  server = await startLocalCognito();
  pool = server.createUserPool('prompt');
  server.seedUsers(pool, ['alice', 'bob', 'carol', 'dave', 'erin'].map((username) => ({ username, password: 'Passw0rd!x' })));
  root = mkdtempSync(join(tmpdir(), 'cogso-cli-pty-'));
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});
/** The sign-outs of `user` the endpoint has seen (each test signs out users of its own: the tests run side by side). */
const signOuts = (user: string) => server.requests.filter((r) => r.operation === 'AdminUserGlobalSignOut'
  && (r.body as { Username?: string }).Username === user);

function cli(args: string[], env: Record<string, string> = {}) {
  const stderrFile = join(root, `stderr-${runs++}`);
  const s = new PtySession([process.execPath, BIN, ...args], {
    env: { ...baseEnv(root), TERM: 'xterm', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    cwd: root,
    stderrFile,
  });
  return { s, stderr: () => readOr(stderrFile) };
}

describe.skipIf(unavailable !== undefined)('cogsignout --cli-auto-prompt in a terminal', { concurrent: true }, () => {
  it('prompts, echoes the line on stdout, then runs it', async () => {
    const { s, stderr } = cli(['--cli-auto-prompt', OP, '--endpoint-url', server.url]);
    await s.waitFor(READY, 10_000);
    await s.press(pool, KEY.enter);
    await s.waitFor('The name of the user');
    await s.press('alice', KEY.enter, KEY.enter);
    const run = await s.finish();
    expect(run.code).toBe(0);
    expect(run.screen).toBe(`> cogsignout ${OP} --user-pool-id ${pool} --username alice --endpoint-url ${server.url}`);
    expect(stderr()).toBe('');
    expect(signOuts('alice')).toHaveLength(1);
  });

  it('Ctrl-C: exit 130, the line so far on stderr, nothing sent', async () => {
    const { s, stderr } = cli(['--cli-auto-prompt', OP, '--endpoint-url', server.url, '--user-pool-id', pool]);
    await s.waitFor(READY, 10_000);
    await s.press('bob', KEY.ctrlC);
    const run = await s.finish();
    expect(run.code).toBe(130);
    expect(stderr()).toBe(`> cogsignout ${OP} --user-pool-id ${pool} --username bob --endpoint-url ${server.url}\n`);
    expect(run.screen).toBe('');
    expect(signOuts('bob')).toHaveLength(0);
  });

  it('on-partial: an incomplete line opens the prompt without the usage error, pre-filled', async () => {
    const { s, stderr } = cli([OP, '--endpoint-url', server.url, '--user-pool-id', pool], { AWS_CLI_AUTO_PROMPT: 'on-partial' });
    await s.waitFor(READY, 10_000);
    expect(s.text()).toContain(`--user-pool-id (required)  [string]  ${pool}`);
    await s.press('carol', KEY.enter, KEY.enter);
    const run = await s.finish();
    expect(run.code).toBe(0);
    expect(stderr()).toBe('');
    expect(signOuts('carol')).toHaveLength(1);
  });

  it('on-partial: a complete line runs at once, without a prompt', async () => {
    const { s } = cli([OP, '--endpoint-url', server.url, '--user-pool-id', pool, '--username', 'dave'], { AWS_CLI_AUTO_PROMPT: 'on-partial' });
    const run = await s.finish();
    expect(run.code).toBe(0);
    expect(run.raw).not.toContain(READY);
    expect(signOuts('dave')).toHaveLength(1);
  });
});

// The process itself, its standard streams pipes (no terminal), as scripts and CI run it.
describe.concurrent('cogsignout --cli-auto-prompt without a terminal', () => {
  it('runs the line as given: here the usage error, at once, never waiting for input', async () => {
    const r = await spawnCli(['--cli-auto-prompt', OP, '--endpoint-url', server.url, '--user-pool-id', pool], { timeoutMs: 10_000 });
    expect(r.code).toBe(252);
    expect(r.stderr).toContain('the following arguments are required: --username');
    expect(r.stdout).toBe('');
  });

  it('AWS_CLI_AUTO_PROMPT=on runs a complete line as given', async () => {
    const r = await spawnCli([OP, '--endpoint-url', server.url, '--user-pool-id', pool, '--username', 'erin'], { env: { AWS_CLI_AUTO_PROMPT: 'on' }, timeoutMs: 10_000 });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});
