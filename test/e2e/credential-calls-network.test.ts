// The network settings of cogsignout's own credential calls (STS AssumeRole, the SSO portal's
// GetRoleCredentials), against real servers on 127.0.0.1: the local endpoint's STS and SSO
// portal, behind an HTTPS front with a self-signed certificate and a recording proxy. What
// applies is what AWS CLI 2.36.7 does (recorded by hand against the same servers, and read in
// botocore: the STS and SSO clients are made from the session, with the default client config
// and `ca_bundle`, while --ca-bundle and --no-verify-ssl go to the command's client only):
// - AWS_CA_BUNDLE, the profile's ca_bundle and REQUESTS_CA_BUNDLE apply; --ca-bundle and
//   --no-verify-ssl do not (the self-signed certificate is refused with them);
// - HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply, and a proxy's password is never shown;
// - --cli-read-timeout applies.
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalCognito, TEST_CREDENTIALS, type LocalCognito } from '../../local-cognito/server.js';
import { runCli } from '../support/cli.js';
import { fastTimer } from '../support/hostile-peers.js';
import type { Timer } from '../../src/transport/http-send.js';
import { makeSelfSignedCert, startRecordingProxy, startTlsFront, type SelfSigned } from '../support/network.js';

let server: LocalCognito;
let poolId: string;
let tls: SelfSigned;
let front: { url: string; close(): void };
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let hanging: Server;
let hangingUrl: string;

beforeAll(async () => {
  server = await startLocalCognito();
  poolId = server.createUserPool('Example');
  server.seedUsers(poolId, [{ username: 'alice' }]);
  tls = makeSelfSignedCert();
  front = await startTlsFront(server.url, tls);
  proxy = await startRecordingProxy();
  // Accepts the connection and the request, never answers.
  hanging = createServer((s) => { s.on('data', () => {}); s.on('error', () => {}); });
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
});

afterAll(() => {
  server?.close();
  front?.close();
  proxy?.close();
  hanging?.close();
});

beforeEach(() => {
  proxy.log.length = 0;
  server.resetStats();
});

const ROLE_CONFIG = `[default]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nrole_session_name = ops\nsource_profile = src\n`
  + `[profile src]\naws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${TEST_CREDENTIALS.secretAccessKey}\n`;
const SSO_CONFIG = '[default]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n'
  + '[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n';
const SSO_CACHE = `.aws/sso/cache/${createHash('sha1').update('corp').digest('hex')}.json`;

/** The timeouts the program started (ms, as it asked for them), run on the fast timer. */
let timeoutsAsked: number[] = [];
const recordingTimer: Timer = (fn, ms) => { timeoutsAsked.push(ms); return fastTimer(fn, ms); };
beforeEach(() => { timeoutsAsked = []; });

const run = (env: Record<string, string>, extra: string[] = [], config = ROLE_CONFIG) => runCli(
  ['admin-user-global-sign-out', '--user-pool-id', poolId, '--username', 'alice', '--endpoint-url', server.url, ...extra],
  {
    // The timeouts run SPEED times faster in-process (hostile-peers.ts), and the ones asked for are recorded.
    factory: { timer: recordingTimer },
    env: { AWS_ACCESS_KEY_ID: null, AWS_SECRET_ACCESS_KEY: null, ...env },
    files: { '.aws/config': config, [SSO_CACHE]: JSON.stringify({ accessToken: 'session-token', expiresAt: '2999-01-01T00:00:00Z' }) },
  },
);
const stsCalls = () => server.requests.filter((q) => q.operation === 'sts:AssumeRole').length;
const portalCalls = () => server.requests.filter((q) => q.operation === 'sts:AssumeRole' || q.operation === 'sso:GetRoleCredentials').length;
const signOuts = () => server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut').length;
const frontHostPort = () => new URL(front.url).host;
const sslFailure = (url: string) => `\ncogsignout: [ERROR]: SSL validation failed for ${url} [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:992)\n`;

describe('STS AssumeRole over https: which CA bundle settings apply', () => {
  it('a self-signed STS endpoint is refused: botocore\'s SSLError, 255', async () => {
    const r = await run({ AWS_ENDPOINT_URL_STS: front.url });
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: sslFailure(`${front.url}/`) });
    expect(signOuts()).toBe(0);
  });

  it('--ca-bundle is the command\'s client\'s only: still refused', async () => {
    const r = await run({ AWS_ENDPOINT_URL_STS: front.url }, ['--ca-bundle', tls.certPath]);
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: sslFailure(`${front.url}/`) });
  });

  it('--no-verify-ssl is the command\'s client\'s only: still refused, and no InsecureRequestWarning', async () => {
    const r = await run({ AWS_ENDPOINT_URL_STS: front.url }, ['--no-verify-ssl']);
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: sslFailure(`${front.url}/`) });
  });

  it('AWS_CA_BUNDLE applies: the role is assumed and the user signed out', async () => {
    const r = await run({ AWS_ENDPOINT_URL_STS: front.url, AWS_CA_BUNDLE: tls.certPath });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect([stsCalls(), signOuts()]).toEqual([1, 1]);
  });

  it('the profile\'s ca_bundle applies', async () => {
    const r = await run({ AWS_ENDPOINT_URL_STS: front.url }, [], `${ROLE_CONFIG.replace('source_profile = src\n', `source_profile = src\nca_bundle = ${tls.certPath}\n`)}`);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect([stsCalls(), signOuts()]).toEqual([1, 1]);
  });

  it('REQUESTS_CA_BUNDLE applies', async () => {
    const r = await run({ AWS_ENDPOINT_URL_STS: front.url, REQUESTS_CA_BUNDLE: tls.certPath });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect([stsCalls(), signOuts()]).toEqual([1, 1]);
  });

  it('an AWS_CA_BUNDLE that does not exist: Python\'s OSError in the SSLError, 255', async () => {
    const r = await run({ AWS_ENDPOINT_URL_STS: front.url, AWS_CA_BUNDLE: `${tls.certPath}.missing` });
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: `\ncogsignout: [ERROR]: SSL validation failed for ${front.url}/ [Errno 2] No such file or directory\n` });
    expect(stsCalls()).toBe(0);
  });

  it('a missing AWS_CA_BUNDLE is never read for a plain-http STS endpoint', async () => {
    const r = await run({ AWS_ENDPOINT_URL_STS: server.url, AWS_CA_BUNDLE: `${tls.certPath}.missing` });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect([stsCalls(), signOuts()]).toEqual([1, 1]);
  });
});

describe('a blank CA bundle setting: botocore refuses it when it makes the credential client', () => {
  const INVALID = '\ncogsignout: [ERROR]: Invalid CA bundle: the configured value (ca_bundle, AWS_CA_BUNDLE, REQUESTS_CA_BUNDLE, or verify) resolved to an empty or whitespace-only string. Provide a valid path to a CA bundle file.\n';
  for (const sts of ['https', 'http'] as const) {
    it(`AWS_CA_BUNDLE=' ' with --no-verify-ssl (which the STS client does not get), ${sts} STS: 255, nothing sent`, async () => {
      const r = await run({ AWS_ENDPOINT_URL_STS: sts === 'https' ? front.url : server.url, AWS_CA_BUNDLE: ' ' }, ['--no-verify-ssl']);
      expect(r).toMatchObject({ code: 255, stdout: '', stderr: INVALID });
      expect([stsCalls(), signOuts()]).toEqual([0, 0]);
    });
  }

  it("REQUESTS_CA_BUNDLE=' ' with --no-verify-ssl, an http SSO portal: the same", async () => {
    const r = await run({ AWS_ENDPOINT_URL_SSO: server.url, REQUESTS_CA_BUNDLE: ' ' }, ['--no-verify-ssl'], SSO_CONFIG);
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: INVALID });
    expect([portalCalls(), signOuts()]).toEqual([0, 0]);
  });
});

describe('STS AssumeRole through the environment\'s proxy', () => {
  it('HTTPS_PROXY: a CONNECT tunnel to STS, with the proxy\'s credentials; the http sign-out goes direct', async () => {
    const withUser = proxy.url.replace('http://', 'http://u:pw@');
    const r = await run({ AWS_ENDPOINT_URL_STS: front.url, AWS_CA_BUNDLE: tls.certPath, HTTPS_PROXY: withUser });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(proxy.log).toEqual([{ method: 'CONNECT', target: frontHostPort(), authorization: `Basic ${Buffer.from('u:pw').toString('base64')}` }]);
    expect([stsCalls(), signOuts()]).toEqual([1, 1]);
  });

  it('HTTP_PROXY: a plain-http STS call is sent to the proxy with its absolute URL (the sign-out too)', async () => {
    const r = await run({ AWS_ENDPOINT_URL_STS: server.url, HTTP_PROXY: proxy.url });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(proxy.log).toEqual([
      { method: 'POST', target: `${server.url}/`, authorization: undefined },
      { method: 'POST', target: `${server.url}/`, authorization: undefined },
    ]);
    expect([stsCalls(), signOuts()]).toEqual([1, 1]);
  });

  it('urllib\'s rules as for the sign-out: Https_Proxy in any case, credentials only with a password, no CIDR in NO_PROXY', async () => {
    const r = await run({ AWS_ENDPOINT_URL_STS: front.url, AWS_CA_BUNDLE: tls.certPath, Https_Proxy: proxy.url.replace('http://', 'http://u@'), NO_PROXY: '127.0.0.0/8' });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(proxy.log).toEqual([{ method: 'CONNECT', target: frontHostPort(), authorization: undefined }]);
  });

  it('NO_PROXY naming the host: no proxy', async () => {
    const r = await run({ AWS_ENDPOINT_URL_STS: front.url, AWS_CA_BUNDLE: tls.certPath, HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(proxy.log).toEqual([]);
  });

  for (const [scheme, variable] of [['https', 'HTTPS_PROXY'], ['http', 'HTTP_PROXY']] as const) {
    it(`a ${variable} that refuses connections: "Failed to connect to proxy URL", its password masked, 255 (--debug too)`, async () => {
      const sts = scheme === 'https' ? front.url : server.url;
      for (const extra of [[], ['--debug']]) {
        const r = await run({ AWS_ENDPOINT_URL_STS: sts, AWS_CA_BUNDLE: tls.certPath, [variable]: 'http://u:secretpw@127.0.0.1:9', AWS_MAX_ATTEMPTS: '1' }, extra);
        expect(r.code).toBe(255);
        expect(r.stderr.endsWith('\ncogsignout: [ERROR]: Failed to connect to proxy URL: "http://***:***@127.0.0.1:9"\n')).toBe(true);
        expect(`${r.stdout}${r.stderr}`).not.toMatch(/secretpw|c2VjcmV0cHc/);
        if (extra.length === 0) expect(r.stderr).toBe('\ncogsignout: [ERROR]: Failed to connect to proxy URL: "http://***:***@127.0.0.1:9"\n');
      }
      expect(stsCalls()).toBe(0);
    });
  }
});

describe('STS AssumeRole through a proxy URL the AWS CLI cannot use (recorded with 2.36.7)', () => {
  for (const scheme of ['http', 'https'] as const) {
    it.each([
      ['http://127.0.0.1:abc', 'An HTTP Client raised an unhandled exception: Failed to parse: http://127.0.0.1:abc'],
      ['http://[::1', 'An HTTP Client raised an unhandled exception: Invalid IPv6 URL'],
      ['not a url', `Connection was closed before we received a valid response from endpoint URL: "${scheme === 'https' ? 'FRONT' : 'SERVER'}/".`],
    ])(`${scheme} STS, proxy %j: %s`, async (value, message) => {
      const sts = scheme === 'https' ? front.url : server.url;
      const variable = scheme === 'https' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
      const r = await run({ AWS_ENDPOINT_URL_STS: sts, AWS_CA_BUNDLE: tls.certPath, [variable]: value, AWS_MAX_ATTEMPTS: '1' });
      expect(r).toMatchObject({ code: 255, stdout: '', stderr: `\ncogsignout: [ERROR]: ${message.replace('FRONT', front.url).replace('SERVER', server.url)}\n` });
      expect([stsCalls(), signOuts()]).toEqual([0, 0]);
    });
  }
});

describe('STS AssumeRoleWithWebIdentity: the same settings', () => {
  const web = { AWS_WEB_IDENTITY_TOKEN_FILE: '{{HOME}}/token', AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/Admin', AWS_ROLE_SESSION_NAME: 'ci' };
  const runWeb = (env: Record<string, string>, extra: string[] = []) => runCli(
    ['admin-user-global-sign-out', '--user-pool-id', poolId, '--username', 'alice', '--endpoint-url', server.url, ...extra],
    { env: { AWS_ACCESS_KEY_ID: null, AWS_SECRET_ACCESS_KEY: null, ...web, ...env }, files: { token: 'header.payload.signature' } },
  );
  const webCalls = () => server.requests.filter((q) => q.operation === 'sts:AssumeRoleWithWebIdentity').length;

  it('--ca-bundle does not apply: the self-signed STS endpoint is refused', async () => {
    const r = await runWeb({ AWS_ENDPOINT_URL_STS: front.url }, ['--ca-bundle', tls.certPath]);
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: sslFailure(`${front.url}/`) });
  });

  it('AWS_CA_BUNDLE and HTTPS_PROXY apply', async () => {
    const r = await runWeb({ AWS_ENDPOINT_URL_STS: front.url, AWS_CA_BUNDLE: tls.certPath, HTTPS_PROXY: proxy.url });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(proxy.log).toEqual([{ method: 'CONNECT', target: frontHostPort(), authorization: undefined }]);
    expect([webCalls(), signOuts()]).toEqual([1, 1]);
  });
});

describe('STS AssumeRole: the CLI\'s timeouts apply', () => {
  it('--cli-read-timeout 1 against an STS endpoint that never answers: botocore\'s read timeout, 255', async () => {
    const r = await run({ AWS_ENDPOINT_URL_STS: hangingUrl, AWS_MAX_ATTEMPTS: '1' }, ['--cli-read-timeout', '1']);
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: `\ncogsignout: [ERROR]: Read timeout on endpoint URL: "${hangingUrl}/"\n` });
    // The read timeout asked for, next to the 60 s connect timeout (a spawned run has no factory: it waits the real second).
    if (process.env.COGSO_TEST_SPAWN !== '1') expect(timeoutsAsked).toContain(1000);
  });

  it('bulk-sign-out too: its credential calls get --cli-read-timeout', async () => {
    const r = await runCli(
      ['bulk-sign-out', '--user-pool-id', poolId, '--usernames-file', '{{HOME}}/users.txt', '--endpoint-url', server.url, '--cli-read-timeout', '1'],
      { factory: { timer: recordingTimer }, env: { AWS_ACCESS_KEY_ID: null, AWS_SECRET_ACCESS_KEY: null, AWS_ENDPOINT_URL_STS: hangingUrl, AWS_MAX_ATTEMPTS: '1' }, files: { '.aws/config': ROLE_CONFIG, 'users.txt': 'alice\n' } },
    );
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: `\ncogsignout: [ERROR]: Read timeout on endpoint URL: "${hangingUrl}/"\n` });
    expect(signOuts()).toBe(0);
    // The read timeout asked for, next to the 60 s connect timeout (a spawned run has no factory: it waits the real second).
    if (process.env.COGSO_TEST_SPAWN !== '1') expect(timeoutsAsked).toContain(1000);
  });
});

describe('the SSO portal\'s GetRoleCredentials over https', () => {
  const portalUrl = () => `${front.url}/federation/credentials?role_name=Admin&account_id=123456789012`;

  it('--no-verify-ssl does not apply: the self-signed portal is refused', async () => {
    const r = await run({ AWS_ENDPOINT_URL_SSO: front.url }, ['--no-verify-ssl'], SSO_CONFIG);
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: sslFailure(portalUrl()) });
  });

  it('a missing AWS_CA_BUNDLE: the SSLError names the whole request URL', async () => {
    const r = await run({ AWS_ENDPOINT_URL_SSO: front.url, AWS_CA_BUNDLE: '/nonexistent/ca.pem' }, [], SSO_CONFIG);
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: `\ncogsignout: [ERROR]: SSL validation failed for ${portalUrl()} [Errno 2] No such file or directory\n` });
  });

  it('AWS_CA_BUNDLE and HTTPS_PROXY apply: through the tunnel, then the sign-out', async () => {
    const r = await run({ AWS_ENDPOINT_URL_SSO: front.url, AWS_CA_BUNDLE: tls.certPath, HTTPS_PROXY: proxy.url }, [], SSO_CONFIG);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(proxy.log).toEqual([{ method: 'CONNECT', target: frontHostPort(), authorization: undefined }]);
    expect([portalCalls(), signOuts()]).toEqual([1, 1]);
  });
});
