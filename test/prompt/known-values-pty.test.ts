// The built CLI's prompt in a real pseudo-terminal offers what the build copied in: the SDK's
// regions for --region (after the configured ones), with no SDK loaded to list them; and the
// bulk-sign-out form types its options.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, BIN } from '../support/cli.js';
import { PtySession, ptyUnavailable, readOr } from './pty.js';
import { KEY } from './support.js';

const READY = 'Ctrl-C: cancel';
let root: string;
beforeAll(() => { root = mkdtempSync(join(tmpdir(), 'cogso-known-pty-')); });
afterAll(() => rmSync(root, { recursive: true, force: true }));

function cli(args: string[], name: string) {
  const stderrFile = join(root, `stderr-${name}`);
  const s = new PtySession([process.execPath, BIN, ...args], {
    env: { ...baseEnv(root), TERM: 'xterm', NO_COLOR: '1' }, cwd: root, stderrFile,
  });
  return { s, stderr: () => readOr(stderrFile) };
}

describe.skipIf(ptyUnavailable() !== undefined)('the prompt of the built CLI', { concurrent: true }, () => {
  it('Tab after a region prefix offers the SDK\'s regions', async () => {
    const { s, stderr } = cli(['--cli-auto-prompt', 'admin-user-global-sign-out', '--user-pool-id', 'p', '--username', 'u'], 'regions');
    await s.waitFor(READY);
    // The form opens on [ run ] (nothing is missing); --region is six rows up.
    await s.press(...Array<string>(6).fill(KEY.up), 'ap-southeast-', KEY.tab, KEY.tab, KEY.ctrlC);
    const run = await s.finish();
    expect(run.code).toBe(130);
    expect(stderr()).toBe('> cogsignout admin-user-global-sign-out --user-pool-id p --username u --region ap-southeast-2\n');
  });

  it('bulk-sign-out shows integer and file types', async () => {
    const { s } = cli(['--cli-auto-prompt', 'bulk-sign-out', '--user-pool-id', 'p'], 'types');
    await s.waitFor(READY);
    expect(s.text()).toMatch(/--max-rps +\[integer\]/);
    expect(s.text()).toMatch(/--journal +\[file\]/);
    await s.press(KEY.ctrlC);
    expect((await s.finish()).code).toBe(130);
  });
});
