// The prompt in a real pseudo-terminal (script(1)), through a small stand-in for the driver
// (fixtures/run-prompt.ts) bundled with esbuild for the occasion: keys are typed into the
// terminal and the assertions are on what it shows, the exit code and the command line the
// CLI would run. Without a terminal on stdin or stdout nothing is prompted and nothing waits.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';
import { PtySession, ptyUnavailable, readOr } from './pty.js';
import { KEY } from './support.js';

const OP = 'admin-user-global-sign-out';
const unavailable = ptyUnavailable();
if (unavailable) console.warn(`skipping the pseudo-terminal tests of the prompt: ${unavailable}`);

let root: string;
let home: string;
let entry: string;
let runs = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cogso-pty-'));
  home = join(root, 'home');
  mkdirSync(join(home, '.aws'), { recursive: true });
  writeFileSync(join(home, '.aws', 'config'), '[default]\nregion = eu-west-1\n\n[profile prod]\nregion = us-east-1\n\n[profile staging]\n');
  entry = join(root, 'run-prompt.mjs');
  await build({
    entryPoints: [resolve(REPO, 'test/prompt/fixtures/run-prompt.ts')],
    outfile: entry,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: "import { createRequire as __cogsoRequire } from 'node:module'; const require = __cogsoRequire(import.meta.url);" },
    logLevel: 'warning',
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', TERM: 'xterm', ...extra };
}

function session(args: string[], extra: { env?: Record<string, string>; shellSuffix?: string; home?: string } = {}) {
  const stderrFile = join(root, `stderr-${runs++}`);
  const at = extra.home ?? home;
  const s = new PtySession([process.execPath, entry, ...args], { env: { ...env(extra.env), HOME: at }, cwd: at, stderrFile, shellSuffix: extra.shellSuffix });
  return { s, stderr: () => readOr(stderrFile) };
}

function result(screen: string): Record<string, unknown> {
  const line = screen.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no RESULT line on the screen:\n${screen}`);
  return JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>;
}

const READY = 'Ctrl-C: cancel';

// Side by side: each session its own terminal and stderr file; the one test that adds a
// credentials file has a HOME of its own.
describe.skipIf(unavailable !== undefined)('in a real terminal', { concurrent: true }, () => {
  it('asks for the parameters, then prints the command line and hands it over', async () => {
    const { s, stderr } = session(['--cli-auto-prompt', OP, '--region', 'eu-west-1']);
    await s.waitFor(READY);
    expect(s.text()).toContain('--user-pool-id (required)  [string]');
    expect(s.text()).toContain('The ID of the user pool where you want to sign out a user.');
    await s.press('eu-west-1_Pool', KEY.enter);
    await s.waitFor('The name of the user that you want to query or modify.');
    await s.press('alice', KEY.enter, KEY.enter);
    const run = await s.finish();
    expect(run.code).toBe(0);
    // The form erased itself: the terminal shows the echoed command line and what ran.
    expect(run.screen.split('\n')).toEqual([
      `> cogsignout ${OP} --user-pool-id eu-west-1_Pool --username alice --region eu-west-1`,
      expect.stringMatching(/^RESULT /),
    ]);
    expect(result(run.screen)).toMatchObject({ mode: 'on', prompted: true, argv: [OP, '--user-pool-id', 'eu-west-1_Pool', '--username', 'alice', '--region', 'eu-west-1'] });
    expect(stderr()).toBe('');
  });

  it('completes --profile from the profiles in the config file', async () => {
    const { s } = session([OP, '--user-pool-id', 'p', '--username', 'u', '--cli-auto-prompt']);
    await s.waitFor(READY);
    await s.press(KEY.up, KEY.up, KEY.up, KEY.up, KEY.up); // from [ run ] up to --profile
    await s.waitFor('choices: default prod staging');
    await s.press('p', KEY.tab);
    await s.waitFor('--profile prod');
    await s.press(KEY.up, KEY.tab);
    await s.press(KEY.enter, KEY.enter);
    const run = await s.finish();
    expect(run.code).toBe(0);
    expect(result(run.screen).argv).toEqual([OP, '--user-pool-id', 'p', '--username', 'u', '--region', 'eu-west-1', '--profile', 'prod']);
  });

  it('Ctrl-C: the line so far on stderr, exit 130, and the form is gone', async () => {
    const { s, stderr } = session(['--cli-auto-prompt', OP, '--user-pool-id', 'p']);
    await s.waitFor(READY);
    await s.press('bo', KEY.ctrlC);
    const run = await s.finish();
    expect(run.code).toBe(130);
    expect(stderr()).toBe(`> cogsignout ${OP} --user-pool-id p --username bo\n`);
    expect(run.screen.split('\n')).toEqual([expect.stringMatching(/^RESULT .*"cancelled":true/)]);
  });

  it('Ctrl-D cancels too', async () => {
    const { s, stderr } = session(['--cli-auto-prompt', OP]);
    await s.waitFor(READY);
    await s.press(KEY.ctrlD);
    const run = await s.finish();
    expect(run.code).toBe(130);
    expect(stderr()).toBe(`> cogsignout ${OP}\n`);
  });

  it('leaves the terminal as it found it (line editing and echo back on)', async () => {
    const stderrFile = join(root, 'stty');
    const s = new PtySession(['sh', '-c', `"$0" "$1" --cli-auto-prompt ${OP} --user-pool-id p --username u; stty -a >&2`, process.execPath, entry], {
      env: env(), cwd: home, stderrFile,
    });
    await s.waitFor(READY);
    await s.press(KEY.enter);
    expect((await s.finish()).code).toBe(0);
    const stty = readOr(stderrFile);
    expect(stty).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(stty).toMatch(/(^|\s)echo(\s|$)/m);
  });

  it.each([
    ['AWS_CLI_AUTO_PROMPT=on', { AWS_CLI_AUTO_PROMPT: 'on' }, [OP], 'on'],
    ['cli_auto_prompt = on in the profile', { AWS_PROFILE: 'auto' }, [OP], 'on'],
  ])('opens with %s', async (_label, extraEnv, args, mode) => {
    const own = join(root, `home-${runs++}`);
    mkdirSync(join(own, '.aws'), { recursive: true });
    writeFileSync(join(own, '.aws', 'credentials'), '[auto]\ncli_auto_prompt = on\n');
    const { s } = session(args, { env: extraEnv, home: own });
    await s.waitFor(READY);
    await s.press(KEY.ctrlC);
    const run = await s.finish();
    expect(run.code).toBe(130);
    expect(result(run.screen)).toMatchObject({ mode, prompted: true });
  });

  it.each([
    ['--no-cli-auto-prompt', [OP, '--no-cli-auto-prompt'], { AWS_CLI_AUTO_PROMPT: 'on' }],
    ['a help token', [OP, 'help', '--cli-auto-prompt'], {}],
    ['--version', ['--version', '--cli-auto-prompt'], {}],
  ])('stays closed with %s', async (_label, args, extraEnv) => {
    const { s } = session(args, { env: extraEnv });
    const run = await s.finish();
    expect(run.code).toBe(0);
    expect(result(run.screen)).toMatchObject({ mode: 'off', prompted: false });
    expect(run.raw).not.toContain('\x1b[');
  });

  it('on-partial: prompts with the original line after a usage error (252), not after other results', async () => {
    const partial = session([OP, '--user-pool-id', 'p'], { env: { AWS_CLI_AUTO_PROMPT: 'on-partial', FIXTURE_FIRST_RUN_EXIT: '252' } });
    await partial.s.waitFor(READY);
    expect(partial.s.text()).toContain('the command is incomplete or invalid');
    await partial.s.press('u', KEY.enter, KEY.enter);
    const run = await partial.s.finish();
    expect(run.code).toBe(0);
    expect(result(run.screen)).toMatchObject({ mode: 'on-partial', prompted: true, argv: [OP, '--user-pool-id', 'p', '--username', 'u'] });

    await Promise.all(['0', '254', '255'].map(async (code) => {
      const done = session([OP, '--user-pool-id', 'p'], { env: { AWS_CLI_AUTO_PROMPT: 'on-partial', FIXTURE_FIRST_RUN_EXIT: code } });
      const r = await done.s.finish();
      expect(result(r.screen)).toMatchObject({ mode: 'on-partial', prompted: false });
    }));
  });
});

describe.skipIf(unavailable !== undefined)('without a terminal on both ends it never prompts', { concurrent: true }, () => {
  it.each([
    ['stdin is not a terminal', '</dev/null'],
    ['stdout is not a terminal', '| cat'],
  ])('%s: runs as given at once', async (_label, suffix) => {
    const { s } = session(['--cli-auto-prompt', OP], { shellSuffix: suffix });
    const run = await s.finish(10_000);
    expect(run.code).toBe(0);
    expect(result(run.screen)).toEqual({ mode: 'on', canPrompt: false, prompted: false, argv: ['--cli-auto-prompt', OP] });
    expect(run.raw).not.toContain('\x1b[');
  });
});

describe('without any terminal (pipes, as in CI)', () => {
  it('does not prompt and does not wait for input', async () => {
    const child = spawn(process.execPath, [entry, '--cli-auto-prompt', OP], { env: env(), cwd: home, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    // stdin stays open: a prompt waiting for keys would hang here until the kill.
    const code = await new Promise<number | null>((r) => child.on('close', r));
    clearTimeout(timer);
    child.stdin.end();
    expect(code).toBe(0);
    expect(out).toBe(`RESULT ${JSON.stringify({ mode: 'on', canPrompt: false, prompted: false, argv: ['--cli-auto-prompt', OP] })}\n`);
  });
});
