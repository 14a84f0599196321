// What differs from one supported Node to another (CI runs test/e2e on Node 20, 22 and 24): the
// SDK's NodeVersionSupportWarning never reaches the user, and the built CLI's code cache works
// on a Node the shipped cache does not fit, from a user cache made once (bin/code-cache.cjs), and
// a call to a plain-http endpoint never loads TLS (Node 22 and 24 take milliseconds to load it).
import { readdirSync, readFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { wrap } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, TEST_CREDENTIALS, type LocalCognito } from '../../local-cognito/server.js';
import { REPO, spawnCli } from '../support/cli.js';

let server: LocalCognito;
let pool: string;
const caches: string[] = [];

beforeAll(async () => {
  server = await startLocalCognito();
  pool = server.createUserPool('node-versions');
  server.seedUsers(pool, [{ username: 'alice', password: 'Passw0rd!x' }]);
});
afterAll(async () => {
  await server.close();
  for (const dir of caches) rmSync(dir, { recursive: true, force: true });
});

const signOut = (env: Record<string, string | null> = {}) =>
  spawnCli(['admin-user-global-sign-out', '--endpoint-url', server.url, '--user-pool-id', pool, '--username', 'alice'], { env });

/** Whether the cache shipped next to a bundle fits the Node running the tests. */
function shippedFits(name: string): boolean {
  const file = join(REPO, 'dist', name);
  const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: readFileSync(`${file}.cache`) });
  return !script.cachedDataRejected;
}

// Processes, each with its own HOME and cache directory: side by side.
describe.concurrent(`on Node ${process.version}`, () => {
  it('no NodeVersionSupportWarning, even when the caller asks the SDK for it', async () => {
    await Promise.all([null, 'false'].map(async (value) => {
      const r = await signOut({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: value });
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    }));
  });

  it('a call to a plain-http endpoint loads neither node:https nor TLS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-probe-'));
    caches.push(dir);
    const probe = join(dir, 'probe.cjs');
    const out = join(dir, 'loaded.txt');
    writeFileSync(probe, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, process.moduleLoadList.join('\\n')));\n`);
    const r = await signOut({ NODE_OPTIONS: `--require ${probe}` });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const loaded = readFileSync(out, 'utf8').split('\n');
    expect(loaded).toContain('NativeModule http');
    expect(loaded.filter((m) => /^NativeModule (https|tls|_tls_wrap)$/.test(m))).toEqual([]);
  });

  it('the SDK\'s providers, whose bundle the build cannot warm, get a user cache on first use, used from then on', async () => {
    const xdg = mkdtempSync(join(tmpdir(), 'cogso-xdg-'));
    caches.push(xdg);
    const made = (): string[] => { try { return readdirSync(join(xdg, 'cogsignout')).filter((n) => n.startsWith('credential-providers.cjs@')); } catch { return []; } };
    const version = await spawnCli(['--version'], { env: { XDG_CACHE_HOME: xdg } });
    expect({ code: version.code, stderr: version.stderr }).toEqual({ code: 0, stderr: '' });
    expect(made()).toEqual([]);
    // An assume-role profile: its STS call is made by the credential-providers bundle.
    const assumeRole = () => spawnCli(['admin-user-global-sign-out', '--endpoint-url', server.url, '--user-pool-id', pool, '--username', 'alice', '--profile', 'role'], {
      env: { XDG_CACHE_HOME: xdg, AWS_ACCESS_KEY_ID: null, AWS_SECRET_ACCESS_KEY: null, AWS_ENDPOINT_URL_STS: server.url },
      files: {
        '.aws/config': `[profile role]\nrole_arn = arn:aws:iam::123456789012:role/Ops\nsource_profile = src\n[profile src]\naws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${TEST_CREDENTIALS.secretAccessKey}\n`,
      },
    });
    const r = await assumeRole();
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    const first = made();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/\.full\.cache$/);
    const stamp = statSync(join(xdg, 'cogsignout', first[0]!)).mtimeMs;
    expect((await assumeRole()).code).toBe(0);
    expect(made()).toEqual(first);
    expect(statSync(join(xdg, 'cogsignout', first[0]!)).mtimeMs).toBe(stamp); // accepted: not rewritten
  });

  it('a user cache is made only where the shipped cache does not fit, once, and then used', async () => {
    const xdg = mkdtempSync(join(tmpdir(), 'cogso-xdg-'));
    caches.push(xdg);
    const dir = join(xdg, 'cogsignout');
    const list = (): string[] => { try { return readdirSync(dir).filter((n) => n.endsWith('.cache')).sort(); } catch { return []; } };
    // The bundles a sign-out reads, the core's cache of --version (a smaller one) beside its own.
    // (Each asked once: a second compile of the same source in this process is V8's in-memory hit.)
    const unfit = ['core.cjs', 'credentials.cjs', 'net.cjs'].filter((name) => !shippedFits(name));
    const expected = [['core.cjs', 'full'], ['core.cjs', 'version'], ['credentials.cjs', 'full'], ['net.cjs', 'full']].filter(([name]) => unfit.includes(name!))
      .map(([name, kind]) => new RegExp(`^${name!.replace('.', '\\.')}@[0-9a-f]{20}-${process.version.replaceAll('.', '\\.')}-${process.arch}\\.${kind}\\.cache$`));

    // (A config file to read, so that the core answers: `--version` alone on a bare machine is
    // answered without it, from the version bundle, which has no cache.)
    const version = await spawnCli(['--version'], { env: { XDG_CACHE_HOME: xdg, AWS_CONFIG_FILE: '/dev/null' } });
    expect(version.code).toBe(0);
    expect(version.stderr).toBe('');
    const first = await signOut({ XDG_CACHE_HOME: xdg });
    expect({ code: first.code, stdout: first.stdout, stderr: first.stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    const made = list();
    expect(made).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(made[i]).toMatch(pattern));

    const stamps = made.map((n) => statSync(join(dir, n)).mtimeMs);
    for (const args of [['--version'], ['admin-user-global-sign-out', '--endpoint-url', server.url, '--user-pool-id', pool, '--username', 'alice']]) {
      const again = await spawnCli(args, { env: { XDG_CACHE_HOME: xdg, AWS_CONFIG_FILE: '/dev/null' } });
      expect(again.code).toBe(0);
      expect(again.stderr).toBe('');
    }
    expect(list()).toEqual(made);
    expect(made.map((n) => statSync(join(dir, n)).mtimeMs)).toEqual(stamps);
  });
});
