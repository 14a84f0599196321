// Hostile and broken servers, each a few lines of node:net on 127.0.0.1: bodies too large or
// endless, answers trickled a byte at a time, stalled TLS handshakes, replies that are not HTTP,
// proxies that refuse or are down, error documents of the wrong shape, terminal escape codes.
// Each case ends with the AWS CLI's message and exit code (recorded from AWS CLI 2.36.7, in
// test/fixtures/hostile-recordings.json) or, where the AWS CLI hangs or crashes, with
// cogsignout's own clear one; memory is measured where a server tries to exhaust it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { runCli, spawnCli, type RunOptions, type RunResult } from '../support/cli.js';
import { fastTimer, flood, rawServer as sharedRawServer, RUN_SPEED, trickle } from '../support/hostile-peers.js';
import { runMeasured } from '../support/peak-rss.js';
import { makeSelfSignedCert, type SelfSigned } from '../support/network.js';

const RECORDED = JSON.parse(readFileSync(new URL('../fixtures/hostile-recordings.json', import.meta.url), 'utf8')) as Record<string, { stderr: string; code: number }>;

const MiB = 1024 * 1024;
const servers: Server[] = [];

const rawServer = (answer: Parameters<typeof sharedRawServer>[1]): Promise<string> => sharedRawServer(servers, answer);

/** A TCP server that hands each connection to `onConnection` as it opens (for TLS-level faults). */
async function rawServerRaw(onConnection: (socket: Socket) => void): Promise<string> {
  const server = createServer((socket) => { socket.on('error', () => {}); onConnection(socket); });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}


const errorAnswer = (body: string | Buffer, head = ''): string | Buffer => Buffer.concat([
  Buffer.from(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\n${head}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`),
  Buffer.from(body),
]);


const signOut = (endpoint: string, extra: readonly string[] = []): string[] =>
  ['admin-user-global-sign-out', '--endpoint-url', endpoint, '--user-pool-id', 'us-east-1_X', '--username', 'u', ...extra];
const once = { env: { AWS_MAX_ATTEMPTS: '1' } };
const port = (url: string): string => new URL(url).port;
/** A recorded AWS CLI answer, its `aws` and its port replaced by ours. */
const recorded = (id: string, url: string, recordedPort = 'PORT'): { code: number; stderr: string } => {
  const r = RECORDED[id];
  if (r === undefined) throw new Error(`no recording ${id}`);
  return { code: r.code, stderr: r.stderr.replaceAll('aws: [ERROR]', 'cogsignout: [ERROR]').replaceAll(recordedPort, port(url)) };
};

afterAll(() => { for (const s of servers) { s.close(); } });

// Each its own server and its own process: side by side.
describe.concurrent('bodies that would exhaust memory', () => {
  it('a 100 MB error body announced by Content-Length: refused at once, exit 255', async ({ expect }) => {
    const url = await rawServer((s) => {
      s.write('HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 100000000\r\n\r\n');
      flood(s, Buffer.alloc(64 * 1024, 'a'), 1526);
    });
    const r = await runMeasured(signOut(url));
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: `\ncogsignout: [ERROR]: Response body too large (more than 16384 bytes) from endpoint URL: "${url}/"\n` });
    expect(r.maxRssMiB).toBeLessThan(100);
  });

  for (const status of ['400 Bad Request', '200 OK']) {
    it(`an endless chunked body (${status}): stopped at the limit, exit 255`, async ({ expect }) => {
      const url = await rawServer((s) => {
        s.write(`HTTP/1.1 ${status}\r\nContent-Type: application/x-amz-json-1.1\r\nTransfer-Encoding: chunked\r\n\r\n`);
        flood(s, Buffer.from(`10000\r\n${'a'.repeat(0x10000)}\r\n`));
      });
      const r = await runMeasured(signOut(url));
      expect(r).toMatchObject({ code: 255, stderr: `\ncogsignout: [ERROR]: Response body too large (more than 16384 bytes) from endpoint URL: "${url}/"\n` });
      expect(r.maxRssMiB).toBeLessThan(100);
    });
  }

  it('bulk-sign-out against an endless body: the same error, memory bounded', async ({ expect }) => {
    const url = await rawServer((s) => {
      s.write('HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n');
      flood(s, Buffer.from(`10000\r\n${'a'.repeat(0x10000)}\r\n`));
    });
    // No rate limit: all 50 calls start at once, each into an endless body (at the default 20 a
    // second the calls trickled in). One attempt each: the retries of a spawned run wait out real
    // backoffs (~3 s), and each retry meets the same bound one after another.
    const r = await runMeasured(['bulk-sign-out', '--endpoint-url', url, '--user-pool-id', 'us-east-1_X', '--usernames-file', 'users.txt', '--concurrency', '50', '--max-rps', '0'],
      { env: { AWS_MAX_ATTEMPTS: '1' }, files: { 'users.txt': Array.from({ length: 200 }, (_, i) => `user${i}`).join('\n') } });
    expect(r.code).toBe(255);
    expect(r.stderr).toContain(`cogsignout: [ERROR]: Response body too large (more than 16384 bytes) from endpoint URL: "${url}/"\n`);
    expect(r.maxRssMiB).toBeLessThan(100);
  });
});

// Each waits out its timeouts: in this process on a clock SPEED times faster, the servers' pace
// scaled alike; the stalled handshake, whose timeouts are what tells it apart, in real time.
const fast = { ...once, factory: { timer: fastTimer } };
describe.concurrent('servers that trickle (the AWS CLI waits forever for both)', () => {
  it('a body sent one byte a second after a 200: the read timeout bounds the whole answer', async ({ expect }) => {
    const url = await rawServer((s) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 1000\r\n\r\n');
      trickle(s, ' '.repeat(1000), 1000 / RUN_SPEED);
    });
    const r = await runCli(signOut(url, ['--cli-read-timeout', '2']), fast);
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: `\ncogsignout: [ERROR]: Read timeout on endpoint URL: "${url}/"\n` });
  });

  it('headers sent one byte a second', async ({ expect }) => {
    const url = await rawServer((s) => trickle(s, `HTTP/1.1 200 OK\r\nX-Slow: ${'a'.repeat(1000)}`, 1000 / RUN_SPEED));
    const r = await runCli(signOut(url, ['--cli-read-timeout', '2']), fast);
    expect(r).toMatchObject({ code: 255, stderr: `\ncogsignout: [ERROR]: Read timeout on endpoint URL: "${url}/"\n` });
  });

  it('bulk-sign-out: every call is bounded the same way', async ({ expect }) => {
    const url = await rawServer((s) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n');
      trickle(s, ' '.repeat(1000), 1000 / RUN_SPEED);
    });
    const r = await runCli(['bulk-sign-out', '--endpoint-url', url, '--user-pool-id', 'us-east-1_X', '--usernames-file', 'users.txt', '--cli-read-timeout', '1'],
      { ...fast, files: { 'users.txt': 'a\nb\nc\n' } });
    expect(r.code).toBe(255);
    expect(r.stderr).toContain(`cogsignout: [ERROR]: Read timeout on endpoint URL: "${url}/"\n`);
  });

  it('a TLS handshake that stalls is bounded by the connect timeout and reported as a read timeout (urllib3)', async ({ expect }) => {
    const http = await rawServer(() => {}); // accepts, never answers
    const url = http.replace('http:', 'https:');
    // A read timeout of 60 s would outlast the harness's 20 s: only the connect timeout can end this.
    const r = await spawnCli(signOut(url, ['--cli-connect-timeout', '1', '--cli-read-timeout', '60']), once);
    expect(r).toMatchObject(recorded('tls-handshake-stall', url));
  });
});

describe('answers that are not HTTP', () => {
  for (const [id, reply] of [['garbage', 'garbage\r\n\r\n'], ['http09', '{}'], ['bad-status', 'HTTP/1.1 abc OK\r\n\r\n']] as const) {
    it(`${id}: the connection was closed before a valid response`, async () => {
      const url = await rawServer((s) => s.end(reply));
      expect(await runCli(signOut(url))).toMatchObject({ ...recorded(id, url), stdout: '' });
    });
  }

  for (const [id, answer] of [
    ['short-body', (s: Socket) => s.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 100\r\n\r\n{"__type":"X"')],
    ['short-chunked', (s: Socket) => s.end('HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{"__type":"X"')],
    ['many-headers', (s: Socket) => s.end(`HTTP/1.1 400 Bad Request\r\n${Array.from({ length: 150 }, (_, i) => `X-H${i}: v\r\n`).join('')}Content-Length: 2\r\n\r\n{}`)],
    ['reset-mid-body', (s: Socket) => { s.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{'); setTimeout(() => s.resetAndDestroy(), 100); }],
  ] as const) {
    it(`${id}: as urllib3 takes it (a closed Content-Length body is kept, a cut chunked one or a reset is not)`, async () => {
      const url = await rawServer(answer);
      expect(await runCli(signOut(url), once)).toMatchObject(recorded(id, url));
    });
  }

  it('bytes past Content-Length are ignored', async () => {
    const url = await rawServer((s) => s.end(errorAnswer('{"__type":"UserNotFoundException","message":"gone"}').toString() + 'trailing junk'));
    expect(await runCli(signOut(url))).toMatchObject({ code: 254, stderr: '\ncogsignout: [ERROR]: An error occurred (UserNotFoundException) when calling the AdminUserGlobalSignOut operation: gone\n' });
  });
});

describe('proxies that refuse, drop or are down', () => {
  async function proxyAnswering(reply: string | undefined): Promise<string> {
    return rawServer((s) => (reply === undefined ? s.destroy() : s.end(reply)));
  }

  for (const status of [403, 407, 502]) {
    it(`CONNECT answered ${status}: "Failed to connect to proxy URL", credentials masked`, async () => {
      const proxy = await proxyAnswering(`HTTP/1.1 ${status} Nope\r\nContent-Length: 5\r\nProxy-Authenticate: Basic realm="x"\r\n\r\nnope!`);
      const r = await runCli(signOut('https://127.0.0.1:9/'), { env: { AWS_MAX_ATTEMPTS: '1', HTTPS_PROXY: proxy.replace('//', '//user:pw@') } });
      expect(r).toMatchObject(recorded(`proxy-connect-${status}`, proxy));
    });
  }

  it('a proxy that drops the connection, for https and for http', async () => {
    const proxy = await proxyAnswering(undefined);
    const withAuth = proxy.replace('//', '//user:pw@');
    expect(await runCli(signOut('https://127.0.0.1:9/'), { env: { AWS_MAX_ATTEMPTS: '1', HTTPS_PROXY: withAuth } })).toMatchObject(recorded('proxy-drop-https', proxy));
    expect(await runCli(signOut('http://127.0.0.1:9/'), { env: { AWS_MAX_ATTEMPTS: '1', HTTP_PROXY: withAuth } })).toMatchObject(recorded('proxy-drop-http', proxy));
  });

  it('a proxy that is down is the proxy failing, not the endpoint', async () => {
    for (const [endpoint, variable] of [['https://127.0.0.1:9/', 'HTTPS_PROXY'], ['http://127.0.0.1:9/', 'HTTP_PROXY']] as const) {
      const r = await runCli(signOut(endpoint), { env: { AWS_MAX_ATTEMPTS: '1', [variable]: 'http://user:pw@127.0.0.1:9' } });
      expect(r).toMatchObject(recorded('proxy-down', 'http://127.0.0.1:9'));
    }
  });

  it('a forward (http) proxy\'s 407 is an answer like any other', async () => {
    const proxy = await proxyAnswering('HTTP/1.1 407 Nope\r\nContent-Length: 5\r\n\r\nnope!');
    const r = await runCli(signOut('http://127.0.0.1:9/'), { env: { AWS_MAX_ATTEMPTS: '1', HTTP_PROXY: proxy } });
    expect(r).toMatchObject(recorded('proxy-forward-407', proxy));
  });
});

describe('error documents of the wrong shape', () => {
  for (const [id, body] of [
    ['message-dict', '{"__type":"UserNotFoundException","message":{"a":1}}'],
    ['message-null', '{"__type":"UserNotFoundException","message":null}'],
    ['message-bool', '{"__type":"UserNotFoundException","message":true}'],
    ['message-list', '{"__type":"UserNotFoundException","message":[1,"a"]}'],
    ['type-null', '{"__type":null,"message":"hi"}'],
  ] as const) {
    it(`${id}: printed as the AWS CLI prints it`, async () => {
      const url = await rawServer((s) => s.end(errorAnswer(body)));
      expect(await runCli(signOut(url))).toMatchObject(recorded(id, url));
    });
  }

  it('AWS_MAX_ATTEMPTS=1: botocore notes the last attempt for any error, a user error included', async () => {
    const url = await rawServer((s) => s.end(errorAnswer('{"__type":"UserNotFoundException","message":"User does not exist."}')));
    expect(await runCli(signOut(url), once)).toMatchObject(recorded('max-attempts-1-user-error', url));
  });

  it('a message that is not a string keeps its shape in --cli-error-format json and yaml', async () => {
    const url = await rawServer((s) => s.end(errorAnswer('{"__type":"UserNotFoundException","message":{"a":1}}')));
    expect(await runCli(signOut(url, ['--cli-error-format', 'json']))).toMatchObject(recorded('message-dict-json', url));
    const nul = await rawServer((s) => s.end(errorAnswer('{"__type":"UserNotFoundException","message":null}')));
    expect(await runCli(signOut(nul, ['--cli-error-format', 'yaml']))).toMatchObject(recorded('message-null-yaml', nul));
  });

  // The AWS CLI fails on these with a Python exception (`unhashable type: 'dict'`, `'list' object
  // has no attribute 'get'`, a UnicodeDecodeError), exit 255; cogsignout says what is wrong.
  for (const [body, reason] of [
    ['{"__type":{"x":1},"message":"hi"}', '"__type" is not a string'],
    ['{"__type":5,"message":"hi"}', '"__type" is not a string'],
    ['[1,2]', 'the body is not a JSON object'],
    [Buffer.from([0x61, 0xff, 0x62]), 'the body is not valid UTF-8'],
  ] as const) {
    it(`unreadable (${reason}): a clear message, exit 255`, async () => {
      const url = await rawServer((s) => s.end(errorAnswer(body)));
      expect(await runCli(signOut(url))).toMatchObject({ code: 255, stderr: `\ncogsignout: [ERROR]: Unable to parse the error response from endpoint URL: "${url}/": ${reason}\n` });
    });
  }
});

describe('a success answer the AWS CLI cannot decode', () => {
  it('200 with a body that is not UTF-8: 255, as the AWS CLI (which fails with a UnicodeDecodeError)', async () => {
    const url = await rawServer((s) => s.end(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n'), Buffer.from([0x7b, 0xff, 0x7d])])));
    expect(await runCli(signOut(url), once)).toMatchObject({ code: 255, stdout: '', stderr: `\ncogsignout: [ERROR]: Unable to parse the response from endpoint URL: "${url}/": the body is not valid UTF-8\n` });
  });
});

describe('terminal escape codes from a server', () => {
  const hostile = 'red \u001b[31mX\u001b[0m bell\u0007 cr\r tab\t del\u007f csi\u009b2J end';
  let url: string;
  beforeAll(async () => {
    url = await rawServer((s) => s.end(errorAnswer(JSON.stringify({ __type: 'UserNotFound\u001b]0;pwned\u0007Exception', message: hostile }))));
  });

  it('are escaped in the one-line error', async () => {
    const r = await runCli(signOut(url));
    expect(r).toMatchObject({
      code: 254,
      stderr: '\ncogsignout: [ERROR]: An error occurred (UserNotFound\\x1b]0;pwned\\x07Exception) when calling the AdminUserGlobalSignOut operation: ' +
        'red \\x1b[31mX\\x1b[0m bell\\x07 cr\\r tab\t del\\x7f csi\\x9b2J end\n',
    });
  });

  for (const format of ['enhanced', 'json', 'yaml', 'text', 'table']) {
    it(`never reach stderr raw with --cli-error-format ${format}`, async () => {
      const r = await runCli(signOut(url, ['--cli-error-format', format, '--debug']));
      expect(r.code).toBe(254);
      expect(r.stderr).toContain('31mX');
      expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    });
  }
});

describe('TLS failures, in Python ssl\'s and urllib3\'s words', () => {
  /** A certificate for `subject`, with these subjectAltName entries. */
  function certFor(subject: string, san: string): { cert: Buffer; key: Buffer; certPath: string } {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-san-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', `/CN=${subject}`, '-addext', `subjectAltName=${san}`,
      '-days', '2', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')), certPath: join(dir, 'cert.pem') };
  }
  async function tlsServer(c: { cert: Buffer; key: Buffer }): Promise<string> {
    const server = createHttpsServer({ key: c.key, cert: c.cert }, (req, res) => { req.resume(); res.end('{}'); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server as unknown as Server);
    return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('a certificate for another name: urllib3\'s match_hostname message, with one name or several', async () => {
    const one = certFor('example.com', 'DNS:example.com');
    const url = await tlsServer(one);
    expect(await runCli(signOut(url, ['--ca-bundle', one.certPath]), once)).toMatchObject(recorded('tls-hostname-one', url));
    const many = certFor('example.com', 'DNS:example.com,DNS:*.example.org,IP:10.0.0.1');
    const url2 = await tlsServer(many);
    expect(await runCli(signOut(url2, ['--ca-bundle', many.certPath]), once)).toMatchObject(recorded('tls-hostname-many', url2));
  });

  it('a server that hangs up on the ClientHello, or answers it with garbage', async () => {
    const eof = (await rawServerRaw((s) => s.once('data', () => s.end()))).replace('http:', 'https:');
    expect(await runCli(signOut(eof), once)).toMatchObject(recorded('tls-eof-after-hello', eof));
    const garbage = (await rawServerRaw((s) => s.once('data', () => s.end(Buffer.from('\x16\x03\x01\x00\x05garbagegarbage', 'latin1'))))).replace('http:', 'https:');
    expect(await runCli(signOut(garbage), once)).toMatchObject(recorded('tls-garbage', garbage));
  });
});

describe('CA bundles that cannot be used (checked once the endpoint is known)', () => {
  let tls: SelfSigned;
  let endpoint: string;
  beforeAll(async () => {
    tls = makeSelfSignedCert();
    const server = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => { req.resume(); res.end('{}'); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    servers.push(server as unknown as Server);
  });

  it('a directory, a file in a non-directory, a file with no certificate: Python\'s wording', async () => {
    for (const [id, path] of [['ca-directory', '{{HOME}}'], ['ca-not-a-directory', '{{HOME}}/ca.pem/x'], ['ca-no-certificate', '{{HOME}}/ca.pem']] as const) {
      const r = await runCli(signOut(endpoint, ['--ca-bundle', path]), { files: { 'ca.pem': 'not a certificate\n' } });
      expect(r, id).toMatchObject(recorded(id, endpoint));
    }
    expect(await runCli(signOut(endpoint, ['--ca-bundle', tls.certPath]))).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('no password from a URL, and no body hash, under --debug', () => {
  let server: LocalCognito;
  let pool: string;
  beforeAll(async () => {
    server = await startLocalCognito();
    pool = server.createUserPool('hostile');
    server.seedUsers(pool, [{ username: 'alice' }]);
  });
  afterAll(async () => { await server.close(); });

  const withPassword = (): string => server.url.replace('//', '//ops:Pa55w0rd-x@');

  it('an endpoint URL with a password, from the flag, AWS_ENDPOINT_URL or the profile', async () => {
    const runs = [
      await runCli(['admin-user-global-sign-out', '--endpoint-url', withPassword(), '--user-pool-id', pool, '--username', 'alice', '--debug']),
      await runCli(['admin-user-global-sign-out', '--user-pool-id', pool, '--username', 'alice', '--debug'], { env: { AWS_ENDPOINT_URL: withPassword() } }),
      await runCli(['admin-user-global-sign-out', '--user-pool-id', pool, '--username', 'alice', '--debug'], { files: { '.aws/config': `[default]\nendpoint_url = ${withPassword()}\n` } }),
    ];
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('ops:<redacted>@');
      expect(r.stderr).not.toContain('Pa55w0rd');
      expect(r.stderr).toContain("'x-amz-content-sha256': b'<redacted>'");
      expect(r.stderr).not.toMatch(/[0-9a-f]{64}/);
    }
  });

  it('a session token with a newline: the header is named, its value (the token) never shown', async () => {
    // The AWS CLI prints `Invalid header value b'<the token>'`.
    const r = await runCli(['admin-user-global-sign-out', '--endpoint-url', server.url, '--user-pool-id', pool, '--username', 'alice'],
      { env: { AWS_MAX_ATTEMPTS: '1', AWS_SESSION_TOKEN: 'tok\nSECRET-PART' } });
    expect(r).toMatchObject({ code: 255, stderr: "\ncogsignout: [ERROR]: An HTTP Client raised an unhandled exception: Invalid header value for 'x-amz-security-token'\n" });
  });

  it('a proxy URL with a password under --debug, and an endpoint error quoting the URL', async () => {
    const r = await runCli(['admin-user-global-sign-out', '--endpoint-url', 'http://127.0.0.1:9', '--user-pool-id', pool, '--username', 'alice', '--debug'],
      { env: { AWS_MAX_ATTEMPTS: '1', HTTP_PROXY: 'http://ops:Pa55w0rd-x@127.0.0.1:9' } });
    expect(r.code).toBe(255);
    expect(r.stderr).not.toContain('Pa55w0rd');
    expect(r.stderr.endsWith('\ncogsignout: [ERROR]: Failed to connect to proxy URL: "http://***:***@127.0.0.1:9"\n')).toBe(true);
    // A password holding a raw `@` (urlparse reads the user-info up to the authority's last `@`).
    const at = await runCli(['admin-user-global-sign-out', '--endpoint-url', 'http://127.0.0.1:9', '--user-pool-id', pool, '--username', 'alice', '--debug'],
      { env: { AWS_MAX_ATTEMPTS: '1', HTTP_PROXY: 'http://ops:Pa55@w0rd-x@127.0.0.1:9' } });
    expect(at.code).toBe(255);
    expect(at.stderr).not.toContain('w0rd');
    // botocore logs no line naming the proxy (httpsession.py); the failure names it, masked.
    expect(at.stderr).not.toContain('Using proxy');
    expect(at.stderr).toContain('\ncogsignout: [ERROR]: Failed to connect to proxy URL: "http://***:***@127.0.0.1:9"\n');
    const invalid = await runCli(['admin-user-global-sign-out', '--user-pool-id', pool, '--username', 'alice'], { env: { AWS_ENDPOINT_URL: 'http://ops:Pa55w0rd-x@' } });
    expect(invalid).toMatchObject({ code: 255, stderr: '\ncogsignout: [ERROR]: Invalid endpoint: http://ops:***@\n' });
  });
});
