// The npm package: `npm pack` holds only what runs, the tarball installs into an empty prefix,
// and the installed command works there (version, a sign-out against the local endpoint, the
// manual page). One real install from the registry; COGSO_SKIP_PACK_TEST=1 skips it all.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { baseEnv, collect, REPO } from '../support/cli.js';
import { have, stripOverstrikes } from './support.js';

const SKIP = process.env.COGSO_SKIP_PACK_TEST === '1';
const INSTALL_TIMEOUT_MS = 120_000;
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };

interface Result { readonly code: number | null; readonly stdout: string; readonly stderr: string }

/** Async, so the local endpoint in this process can answer the child. */
async function exec(cmd: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Result> {
  const r = await collect(spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] }), opts.timeoutMs ?? 30_000);
  return { code: r.code, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

describe.skipIf(SKIP)('the npm package', () => {
  let root: string;
  let prefix: string;
  let files: string[] = [];
  let install: Result;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cogso-pack-'));
    prefix = join(root, 'prefix');
    // --ignore-scripts: `prepack` would rebuild dist/ under the feet of the tests running beside this one.
    const pack = await exec('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', root], { cwd: REPO, timeoutMs: 60_000 });
    expect(pack.stderr).not.toMatch(/ERR!/);
    const [info] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = (info?.files ?? []).map((f) => f.path).sort();
    const tarball = join(root, info?.filename ?? `${pkg.name}-${pkg.version}.tgz`);
    // Scripts allowed, as a user installs: the package must have none that npm would run or warn about.
    install = await exec('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {
      cwd: root, timeoutMs: INSTALL_TIMEOUT_MS,
    });
  }, INSTALL_TIMEOUT_MS + 60_000);

  afterAll(() => { if (root) rmSync(root, { recursive: true, force: true }); });

  it('packs only bin/, dist/, man/, README.md and LICENSE (and package.json)', () => {
    const extra = files.filter((f) => !/^(bin|dist|man)\//.test(f) && !['README.md', 'LICENSE', 'package.json'].includes(f));
    expect(extra).toEqual([]);
    const bundles = readdirSync(join(REPO, 'dist')).filter((n) => /\.cjs(?:\.cache)?$/.test(n)).map((n) => `dist/${n}`);
    expect(bundles).toEqual(expect.arrayContaining(['dist/core.cjs', 'dist/core.cjs.cache', 'dist/net.cjs', 'dist/net.cjs.cache', 'dist/credentials.cjs', 'dist/credential-providers.cjs']));
    for (const needed of ['bin/cogsignout.js', 'bin/package.json', 'bin/code-cache.cjs', 'bin/bundles.cjs', ...bundles, 'man/cogsignout.1', 'README.md', 'LICENSE']) expect(files).toContain(needed);
    expect(files.filter((f) => f.endsWith('.mjs'))).toEqual([]); // the demo and the local endpoint are for development
  });

  it('installs from the tarball into an empty prefix', () => {
    expect(install.stderr).not.toMatch(/ERR!/);
    expect(install.code).toBe(0);
    expect(existsSync(join(prefix, 'bin', 'cogsignout'))).toBe(true);
  });

  it('has no install-time scripts, so a tarball install warns about nothing', () => {
    expect(install.stderr).not.toMatch(/install-scripts|prepare/);
    const installed = JSON.parse(readFileSync(join(prefix, 'lib', 'node_modules', pkg.name, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(installed.scripts?.[hook]).toBeUndefined();
  });

  it('names its repository, home page and issue tracker', () => {
    const meta = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { repository?: { url?: string }; homepage?: string; bugs?: { url?: string } };
    expect(meta.repository?.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/cogsignout\.git$/);
    expect(meta.homepage).toMatch(/^https:\/\/github\.com\/[^/]+\/cogsignout#readme$/);
    expect(meta.bugs?.url).toMatch(/^https:\/\/github\.com\/[^/]+\/cogsignout\/issues$/);
  });

  it('runs there: --version', async () => {
    const r = await exec(join(prefix, 'bin', 'cogsignout'), ['--version'], { env: baseEnv(root) });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(new RegExp(`^cogsignout/${pkg.version.replaceAll('.', '\\.')} `));
  });

  it('runs there: a sign-out against the local endpoint', async () => {
    const server: LocalCognito = await startLocalCognito();
    try {
      const pool = server.createUserPool('pack');
      server.seedUsers(pool, [{ username: 'alice' }]);
      const r = await exec(join(prefix, 'bin', 'cogsignout'), [
        'admin-user-global-sign-out', '--endpoint-url', server.url, '--user-pool-id', pool, '--username', 'alice',
      ], { env: baseEnv(root) });
      expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(server.stats().signOuts[`${pool}/alice`]).toBe(1);
    } finally {
      await server.close();
    }
  });

  it.skipIf(!have('man'))('installs the manual page where man finds it', async () => {
    const r = await exec('man', ['-M', join(prefix, 'share', 'man'), 'cogsignout'], {
      env: { ...baseEnv(root), MANPAGER: 'cat', MANWIDTH: '80' },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = stripOverstrikes(r.stdout);
    expect(text).toMatch(/^COGSIGNOUT\(1\)/);
    expect(text).toContain('BULK-SIGN-OUT');
  });
});
