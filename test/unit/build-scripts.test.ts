// The build scripts on a clone whose dependencies are not installed yet: two lines saying to
// run `npm ci` first, exit 1, no stack trace.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

describe('the build without node_modules', () => {
  it.each(['build.mjs', 'gen-man.mjs'])('scripts/%s asks for npm ci', (script) => {
    const root = mkdtempSync(join(tmpdir(), 'cogso-nodeps-'));
    try {
      cpSync(join(REPO, 'scripts'), join(root, 'scripts'), { recursive: true });
      cpSync(join(REPO, 'package.json'), join(root, 'package.json'));
      const r = spawnSync(process.execPath, [join(root, 'scripts', script)], { cwd: root, encoding: 'utf8' });
      expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
        code: 1,
        stdout: '',
        stderr: "cogsignout's build needs its development dependencies, and esbuild is not installed.\nRun `npm ci` in this directory first, then run the command again.\n",
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
