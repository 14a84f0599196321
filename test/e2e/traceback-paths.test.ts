// --debug tracebacks name the files the program runs from, also in a copy installed elsewhere
// than where it was built (whose V8 code caches remember the build's file names).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renameDist } from '../../src/errors/stack-paths.js';
import { baseEnv, REPO } from '../support/cli.js';

describe('renameDist', () => {
  it('names the loaded dist/ where the build\'s was', () => {
    const stack = 'Error: x\n    at f (/build/pkg/dist/net.cjs:1:2)\n    at g (/build/pkg/dist/core.cjs:3:4)\n    at node:internal/x:1:1';
    expect(renameDist(stack, '/build/pkg/dist', '/usr/lib/node_modules/cogsignout/dist'))
      .toBe('Error: x\n    at f (/usr/lib/node_modules/cogsignout/dist/net.cjs:1:2)\n    at g (/usr/lib/node_modules/cogsignout/dist/core.cjs:3:4)\n    at node:internal/x:1:1');
  });

  it('leaves the stack alone when they are the same, or not known (run from src/)', () => {
    const stack = 'Error: x\n    at f (/build/pkg/dist/net.cjs:1:2)';
    expect(renameDist(stack, '/build/pkg/dist', '/build/pkg/dist')).toBe(stack);
    expect(renameDist(stack, undefined, '/elsewhere/dist')).toBe(stack);
    expect(renameDist(stack, '/build/pkg/dist', undefined)).toBe(stack);
    expect(renameDist('at f (/build/pkg/distant/x.cjs:1:2)', '/build/pkg/dist', '/y/dist')).toBe('at f (/build/pkg/distant/x.cjs:1:2)');
  });
});

describe('an installed copy', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cogso-installed-'));
    // What a package install copies: bin/ and dist/ with their code caches.
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(REPO, part), join(root, 'pkg', part), { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('--debug: the traceback names the files of the copy, not of the build', () => {
    const home = join(root, 'home');
    const r = spawnSync(process.execPath, [join(root, 'pkg', 'bin', 'cogsignout.js'), 'admin-user-global-sign-out', '--user-pool-id', 'us-east-1_X',
      '--username', 'alice', '--endpoint-url', 'http://127.0.0.1:9', '--debug'], { env: { ...baseEnv(home), AWS_MAX_ATTEMPTS: '1' }, encoding: 'utf8' });
    expect(r.status).toBe(255);
    const trace = r.stderr.slice(r.stderr.indexOf('Exception caught in main()'));
    const files = [...trace.matchAll(/\((\/[^:()]+):\d+:\d+\)/g)].map((m) => m[1]);
    expect(files).toContain(join(root, 'pkg', 'dist', 'net.cjs'));
    expect(files).toContain(join(root, 'pkg', 'dist', 'core.cjs'));
    expect(trace).not.toContain(join(REPO, 'dist'));
  });
});
