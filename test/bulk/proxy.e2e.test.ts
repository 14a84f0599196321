// bulk-sign-out through proxies: the same rules as admin-user-global-sign-out (src/transport/
// proxy.ts, recorded for the single command in test/fixtures/proxy-sweep-recordings.json): which
// variable names the proxy, NO_PROXY, credentials, plain http forwarded by absolute URL, https
// through CONNECT, and a proxy that refuses, as every call of the run sees it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { makeSelfSignedCert, refusedPort, startRecordingProxy, startTlsFront, type SelfSigned } from '../support/network.js';
import { runBulk, workDir } from './support.js';

const USERS = ['ann', 'bo', 'cy'];
let server: LocalCognito;
let pool: string;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let tls: SelfSigned;
let front: Awaited<ReturnType<typeof startTlsFront>>;
let dead: string;
let dir: string;
let remove: () => void;

beforeAll(async () => {
  server = await startLocalCognito();
  pool = server.createUserPool('bulk-proxy');
  server.seedUsers(pool, USERS.map((username) => ({ username })));
  proxy = await startRecordingProxy();
  tls = makeSelfSignedCert();
  front = await startTlsFront(server.url, tls);
  dead = `http://127.0.0.1:${await refusedPort()}`;
  ({ dir, remove } = workDir());
  writeFileSync(join(dir, 'users.txt'), `${USERS.join('\n')}\n`);
});
afterAll(async () => {
  proxy.close();
  front.close();
  await server.close();
  remove();
});
beforeEach(() => { proxy.log.length = 0; });

const bulk = (env: Record<string, string>, endpoint = server.url, extra: string[] = []) =>
  runBulk(dir, ['--endpoint-url', endpoint, '--user-pool-id', pool, '--usernames-file', 'users.txt', ...extra], { env });
const succeeded = (stdout: string): unknown => (JSON.parse(stdout) as { Succeeded: unknown }).Succeeded;
/** A proxy that cannot be reached stops the run, as a refused endpoint does. */
const stopped = (stdout: string): unknown => (JSON.parse(stdout) as { Stopped?: unknown }).Stopped;
const forwarded = (n: number, authorization?: string) => Array.from({ length: n }, () => ({ method: 'POST', target: `${server.url}/`, authorization }));

describe('bulk-sign-out honours the proxy rules of the single command', () => {
  it('HTTP_PROXY in any case forwards every call by absolute URL; REQUEST_METHOD drops the uppercase one', async () => {
    // (Every spelling is in the single command's replay: test/e2e/proxy-sweep-recorded.test.ts.)
    for (const name of ['Http_Proxy']) {
      proxy.log.length = 0;
      const r = await bulk({ [name]: proxy.url });
      expect({ name, code: r.code, succeeded: succeeded(r.stdout) }).toEqual({ name, code: 0, succeeded: 3 });
      expect(proxy.log).toEqual(forwarded(3));
    }
    proxy.log.length = 0;
    const cgi = await bulk({ HTTP_PROXY: dead, REQUEST_METHOD: 'GET' });
    expect({ code: cgi.code, succeeded: succeeded(cgi.stdout) }).toEqual({ code: 0, succeeded: 3 });
  });

  it('NO_PROXY as urllib matches it: the host or a suffix bypasses, a CIDR range or `*` in a list does not', async () => {
    for (const noProxy of ['.0.0.1', `127.0.0.1:${server.port}`]) {
      const r = await bulk({ HTTP_PROXY: dead, NO_PROXY: noProxy });
      expect({ noProxy, code: r.code, succeeded: succeeded(r.stdout) }).toEqual({ noProxy, code: 0, succeeded: 3 });
    }
    for (const noProxy of ['127.0.0.0/8', 'example.com,*']) {
      const r = await bulk({ HTTP_PROXY: dead, NO_PROXY: noProxy });
      expect({ noProxy, code: r.code, succeeded: succeeded(r.stdout), stopped: stopped(r.stdout) })
        .toEqual({ noProxy, code: 255, succeeded: 0, stopped: `Failed to connect to proxy URL: "${dead}"` });
    }
  });

  it('credentials only with a user name and a password, never in the output', async () => {
    const withAuth = await bulk({ HTTP_PROXY: proxy.url.replace('http://', 'http://bob:hunter2secret@') }, server.url, ['--debug']);
    expect(withAuth.code).toBe(0);
    expect(proxy.log).toEqual(forwarded(3, `Basic ${Buffer.from('bob:hunter2secret').toString('base64')}`));
    for (const secret of ['hunter2secret', Buffer.from('bob:hunter2secret').toString('base64')]) expect(withAuth.stdout + withAuth.stderr).not.toContain(secret);
    proxy.log.length = 0;
    const userOnly = await bulk({ HTTP_PROXY: proxy.url.replace('http://', 'http://bob@') });
    expect(userOnly.code).toBe(0);
    expect(proxy.log).toEqual(forwarded(3));
    const refused = await bulk({ HTTP_PROXY: dead.replace('http://', 'http://bob:hunter2secret@') });
    expect({ code: refused.code, stopped: stopped(refused.stdout) }).toEqual({ code: 255, stopped: `Failed to connect to proxy URL: "${dead.replace('http://', 'http://***:***@')}"` });
    expect(refused.stdout + refused.stderr).not.toContain('hunter2secret');
  });

  it('https through a CONNECT tunnel, the CA bundle checking the endpoint', async () => {
    const r = await bulk({ HTTPS_PROXY: proxy.url, HTTP_PROXY: dead }, front.url, ['--ca-bundle', tls.certPath]);
    expect({ code: r.code, succeeded: succeeded(r.stdout), stderr: r.stderr }).toMatchObject({ code: 0, succeeded: 3 });
    expect(proxy.log.every((e) => e.method === 'CONNECT' && e.target === new URL(front.url).host)).toBe(true);
    expect(proxy.log.length).toBeGreaterThan(0);
  });
});
