// Issue 11's families, as AWS CLI 2.36.7 answered them (test/fixtures/h11-recordings.json):
// `--` and `--opt=--` on the command line, error labels after an unknown profile, command
// aliases, byte-order marks in the config files, AWS_CLI_FILE_ENCODING, environment variables,
// endpoint URLs, TLS failures and error formats. Each case is replayed against the built CLI and
// the local endpoint: exact stdout, stderr and exit code, and the requests the endpoint received.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { REPO, runCli } from '../support/cli.js';
import { refusedPort } from '../support/network.js';
import { asRecorded, prepareReplay, RECORDING_DEFAULT_ENV, type RecordedCase } from '../support/recordings.js';

interface Fixture { readonly cases: RecordedCase[] }
const fixture = JSON.parse(readFileSync(join(REPO, 'test/fixtures/h11-recordings.json'), 'utf8')) as Fixture;

const KEYS = [['AKIDEXAMPLETEST', 'test-secret-access-key'], ['AKIDDEV', 's1'], ['AKIDDEFAULT', 'secret-default']]
  .map(([accessKeyId, secretAccessKey]) => ({ accessKeyId: accessKeyId as string, secretAccessKey: secretAccessKey as string }));

let server: LocalCognito;
let poolId: string;
let closedPort: number;

beforeAll(async () => {
  server = await startLocalCognito({ keys: KEYS });
  poolId = server.createUserPool('Example');
  server.seedUsers(poolId, ['alice', 'bob', 'u2', 'bÃ¶b', 'html-502', '-', '-1', '-.5', '-x', '=x', 'a"b', '\u6f62', '--', '--x']
    .map((username) => ({ username })));
  closedPort = await refusedPort();
});

afterAll(async () => {
  await server.close();
});

const prepare = (c: RecordedCase) => prepareReplay(c, { url: server.url, port: server.port, poolId, closedPort }, RECORDING_DEFAULT_ENV);

describe('issue 11 families, replayed from AWS CLI 2.36.7 recordings', () => {
  it('has its fixture', () => {
    expect(fixture.cases.length).toBeGreaterThan(100);
  });
  for (const c of fixture.cases) {
    it(c.id, async () => {
      const { args, env, files } = prepare(c);
      server.clearFaults();
      if (c.args.includes('html-502')) server.injectFault({ username: 'html-502', kind: 'html502' });
      server.resetStats();
      const r = await runCli(args, { env, files });
      const tmp = dirname(r.home);
      const norm = (s: string): string => asRecorded(s, { url: server.url, port: server.port, poolId, closedPort }, tmp);
      expect({ code: r.code, stderr: norm(r.stderr), stdout: norm(r.stdout) })
        .toEqual({ code: c.exitCode, stderr: c.stderr, stdout: c.stdout });
      const sent = server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut')
        .map((q) => JSON.parse(norm(JSON.stringify(q.body))) as unknown);
      expect(sent).toEqual(c.requests.map((q) => q.body));
    });
  }
});

/** A server of our own for what the local endpoint cannot show: the request line, a hang-up. */
function listen(server: Server | ReturnType<typeof createHttpServer>): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

describe('endpoints and TLS, with servers that show what the AWS CLI 2.36.7 recordings showed', () => {
  it('the endpoint URL\'s query string goes into the request (/?a=b, /p/q?a=b&c=d)', async () => {
    const urls: string[] = [];
    const http = createHttpServer((req: IncomingMessage, res) => {
      urls.push(req.url ?? '');
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end('{}'));
    });
    const port = await listen(http);
    try {
      for (const suffix of ['/?a=b', '/p/q?a=b&c=d']) {
        const r = await runCli(['admin-user-global-sign-out', '--endpoint-url', `http://127.0.0.1:${port}${suffix}`, '--user-pool-id', 'us-east-1_Example', '--username', 'alice']);
        expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      }
      expect(urls).toEqual(['/?a=b', '/p/q?a=b&c=d']);
    } finally {
      http.close();
    }
  });

  it('an https URL to a server that hangs up in the handshake is an SSL failure (EOF), and --no-verify-ssl adds no warning', async () => {
    const tcp = createServer((socket) => socket.once('data', () => socket.destroy()));
    const port = await listen(tcp);
    try {
      for (const extra of [[], ['--no-verify-ssl']]) {
        const r = await runCli(['admin-user-global-sign-out', '--endpoint-url', `https://127.0.0.1:${port}`, '--user-pool-id', 'us-east-1_Example', '--username', 'alice', ...extra],
          { env: { AWS_MAX_ATTEMPTS: '1' } });
        expect({ code: r.code, stderr: r.stderr }).toEqual({
          code: 255,
          stderr: `\ncogsignout: [ERROR]: SSL validation failed for https://127.0.0.1:${port}/ TLS/SSL connection has been closed (EOF) (_ssl.c:992)\n`,
        });
      }
    } finally {
      tcp.close();
    }
  });

  it('a port Python cannot read fails the signed call with its ValueError', async () => {
    const r = await runCli(['admin-user-global-sign-out', '--endpoint-url', `http://127.0.0.1:${server.port} `, '--user-pool-id', 'us-east-1_Example', '--username', 'alice']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 255, stderr: `\ncogsignout: [ERROR]: Port could not be cast to integer value as '${server.port} '\n` });
  });
});
