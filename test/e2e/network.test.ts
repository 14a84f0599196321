// TLS and proxies against real servers on 127.0.0.1: a self-signed HTTPS endpoint (rejected by
// default, trusted with --ca-bundle, AWS_CA_BUNDLE or ca_bundle, or unchecked with
// --no-verify-ssl) and a recording proxy used through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { runCli } from '../support/cli.js';
import { makeSelfSignedCert, startRecordingProxy, startTlsFront, type SelfSigned } from '../support/network.js';

let server: LocalCognito;
let pool: string;
let tls: SelfSigned;
let front: Awaited<ReturnType<typeof startTlsFront>>;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;

beforeAll(async () => {
  server = await startLocalCognito();
  pool = server.createUserPool('net');
  server.seedUsers(pool, [{ username: 'alice' }]);
  tls = makeSelfSignedCert();
  front = await startTlsFront(server.url, tls);
  proxy = await startRecordingProxy();
});
afterAll(async () => {
  front.close();
  proxy.close();
  await server.close();
});
beforeEach(() => { proxy.log.length = 0; });

const args = (endpoint: string, extra: string[] = []) =>
  ['admin-user-global-sign-out', '--endpoint-url', endpoint, '--user-pool-id', pool, '--username', 'alice', ...extra];

describe('TLS', () => {
  it('a self-signed certificate is rejected by default', async () => {
    const r = await runCli(args(front.url), { env: { AWS_MAX_ATTEMPTS: '1' } });
    expect(r.code).toBe(255);
    expect(r.stderr).toBe(`\ncogsignout: [ERROR]: SSL validation failed for ${front.url}/ [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:992)\n`);
  });

  it('--ca-bundle, AWS_CA_BUNDLE and ca_bundle make it trusted', async () => {
    expect(await runCli(args(front.url, ['--ca-bundle', tls.certPath]))).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await runCli(args(front.url), { env: { AWS_CA_BUNDLE: tls.certPath } })).toMatchObject({ code: 0, stderr: '' });
    expect(await runCli(args(front.url), { files: { '.aws/config': `[default]\nca_bundle = ${tls.certPath}\n` } })).toMatchObject({ code: 0, stderr: '' });
  });

  it('--no-verify-ssl skips verification and prints urllib3\'s warning once', async () => {
    const r = await runCli(args(front.url, ['--no-verify-ssl']));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("/usr/lib/python3/dist-packages/urllib3/connectionpool.py:1065: InsecureRequestWarning: Unverified HTTPS request is being made to host '127.0.0.1'. Adding certificate verification is strongly advised. See: https://urllib3.readthedocs.io/en/1.26.x/advanced-usage.html#ssl-warnings\n  warnings.warn(\n");
  });

  it('a CA bundle that does not exist, or is blank', async () => {
    const missing = await runCli(args(front.url, ['--ca-bundle', '/nonexistent.pem']));
    expect(missing).toMatchObject({ code: 255, stderr: `\ncogsignout: [ERROR]: SSL validation failed for ${front.url}/ [Errno 2] No such file or directory\n` });
    const blank = await runCli(args(front.url), { env: { AWS_CA_BUNDLE: ' ' } });
    expect(blank.stderr).toBe('\ncogsignout: [ERROR]: Invalid CA bundle: the configured value (ca_bundle, AWS_CA_BUNDLE, REQUESTS_CA_BUNDLE, or verify) resolved to an empty or whitespace-only string. Provide a valid path to a CA bundle file.\n');
  });

  it('https to a plain-HTTP port', async () => {
    const r = await runCli(args(server.url.replace('http:', 'https:')), { env: { AWS_MAX_ATTEMPTS: '1' } });
    expect(r).toMatchObject({ code: 255, stderr: `\ncogsignout: [ERROR]: SSL validation failed for ${server.url.replace('http:', 'https:')}/ [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:992)\n` });
  });
});

describe('proxies', () => {
  it('HTTPS_PROXY tunnels with CONNECT, credentials from the proxy URL', async () => {
    const withAuth = proxy.url.replace('http://', 'http://user:p%40ss@');
    const r = await runCli(args(front.url, ['--ca-bundle', tls.certPath]), { env: { HTTPS_PROXY: withAuth } });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(proxy.log).toEqual([{ method: 'CONNECT', target: new URL(front.url).host, authorization: `Basic ${Buffer.from('user:p@ss').toString('base64')}` }]);
  });

  it('lowercase https_proxy wins over HTTPS_PROXY', async () => {
    const r = await runCli(args(front.url, ['--ca-bundle', tls.certPath]), { env: { https_proxy: proxy.url, HTTPS_PROXY: 'http://127.0.0.1:1' } });
    expect(r.code).toBe(0);
    expect(proxy.log).toHaveLength(1);
  });

  it('NO_PROXY (and no_proxy) bypass the proxy', async () => {
    // A CIDR range is no part of it: urllib's rules (test/fixtures/proxy-sweep-recordings.json).
    for (const noProxy of ['127.0.0.1', '*', '.0.0.1', `127.0.0.1:${new URL(front.url).port}`]) {
      const r = await runCli(args(front.url, ['--ca-bundle', tls.certPath]), { env: { HTTPS_PROXY: 'http://127.0.0.1:1', NO_PROXY: noProxy } });
      expect(r).toMatchObject({ code: 0, stderr: '' });
    }
    expect(proxy.log).toHaveLength(0);
  });

  it('HTTP_PROXY forwards plain-http requests by absolute URL; HTTPS_PROXY does not apply to them', async () => {
    expect((await runCli(args(server.url), { env: { HTTPS_PROXY: 'http://127.0.0.1:1' } })).code).toBe(0);
    expect(proxy.log).toHaveLength(0);
    const r = await runCli(args(server.url), { env: { HTTP_PROXY: proxy.url } });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(proxy.log).toEqual([{ method: 'POST', target: `${server.url}/`, authorization: undefined }]);
  });
});
