// The Quick start's demo (`npm run demo`), run as a user runs it: it must show the revocation.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

describe('npm run demo', () => {
  it('signs the user out through the CLI and shows both kinds of token refused', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'dist', 'demo.mjs')], { encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Exit code:   0');
    expect(r.stdout).toContain('Refused: NotAuthorizedException: Access Token has been revoked');
    expect(r.stdout).toContain('Refused: NotAuthorizedException: Refresh Token has been revoked');
    expect(r.stdout).toContain('Result: the CLI signed "demo-user" out of every device.');
  });
});
