// Each failed attempt's error carries the botocore exception it stands for (GeneralError's
// botocoreError), and client-side monitoring names the exception from it: here every site that
// makes such an error, each through the datagrams of a sign-out where the run can reach it (in
// process, against a local server), else directly. The name must be the class whose words
// (botocore/exceptions.py `fmt`) the message carries. The recorded datagrams are in
// csm-sweep-recorded.test.ts (refused, read timeout, closed connection); these runs' datagrams
// are AWS CLI 2.36.7's, but for the header refusal's words (named, not quoted: README
// "Differences from the AWS CLI").
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { refusedPort } from '../support/network.js';
import { GeneralError, type BotocoreError } from '../../src/errors/errors.js';
import { networkErrorToCliError } from '../../src/transport/network-errors.js';
import { TransportFailure } from '../../src/transport/http-send.js';
import { callSts } from '../../src/credentials/remote.js';

/** The start of each class's `fmt` in botocore/exceptions.py. */
const WORDS: Readonly<Record<BotocoreError, string>> = {
  HTTPClientError: 'An HTTP Client raised an unhandled exception: ',
  SSLError: 'SSL validation failed for ',
  ProxyConnectionError: 'Failed to connect to proxy URL: "',
  EndpointConnectionError: 'Could not connect to the endpoint URL: "',
  ConnectTimeoutError: 'Connect timeout on endpoint URL: "',
  ReadTimeoutError: 'Read timeout on endpoint URL: "',
  ConnectionClosedError: 'Connection was closed before we received a valid response from endpoint URL: "',
};

type Datagram = Record<string, string | number>;

let udp: Socket;
let received: Datagram[] = [];
/** The test's own datagram after a run's: loopback queues datagrams in order, so once it is in, so are the run's. */
const END = 'end of run';
let ended: (() => void) | undefined;
let server: Server;
let url = '';
let closed = 0;
beforeAll(async () => {
  udp = createSocket('udp4');
  udp.on('message', (m) => {
    if (m.toString('latin1') === END) ended?.();
    else received.push(JSON.parse(m.toString('latin1')) as Datagram);
  });
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  // Answers every request with a success (a failed attempt never gets this far).
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `127.0.0.1:${(server.address() as { port: number }).port}`;
  closed = await refusedPort();
});
afterAll(async () => {
  await new Promise<void>((resolve) => udp.close(() => resolve()));
  await new Promise((resolve) => server.close(resolve));
});

/** A sign-out with monitoring on, and the datagrams it sent, in order. */
async function signOut(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<{ stderr: string; datagrams: Datagram[] }> {
  received = [];
  const r = await runCli(['admin-user-global-sign-out', '--user-pool-id', 'us-east-1_Example', '--username', 'alice', ...args], {
    env: { AWS_CSM_ENABLED: 'true', AWS_CSM_PORT: String(udp.address().port), AWS_MAX_ATTEMPTS: '1', ...env },
  });
  expect(r.code, r.stderr).toBe(255);
  // The run's datagrams are sent before it returns.
  await new Promise<void>((resolve) => {
    ended = resolve;
    udp.send(END, udp.address().port, '127.0.0.1');
  });
  return { stderr: r.stderr, datagrams: received };
}

describe('client-side monitoring names the botocore exception of each failed attempt', () => {
  // [site, arguments, environment, the exception, whether botocore's monitor counts it as retries exhausted]
  const CASES: ReadonlyArray<readonly [string, (u: string) => string[], (u: string) => Record<string, string>, BotocoreError, 0 | 1]> = [
    ['a refused connection (network-errors)', () => ['--endpoint-url', `http://127.0.0.1:${closed}`], () => ({}), 'EndpointConnectionError', 1],
    ['a TLS handshake with a plain HTTP server (network-errors)', (u) => ['--endpoint-url', `https://${u}`], () => ({}), 'SSLError', 1],
    ['a refused proxy (network-errors)', () => ['--endpoint-url', 'http://example.invalid'], () => ({ HTTP_PROXY: `http://127.0.0.1:${closed}` }), 'ProxyConnectionError', 1],
    ['a proxy host with a space (network-errors)', (u) => ['--endpoint-url', `http://${u}`], () => ({ HTTP_PROXY: 'http://a b:1' }), 'ConnectionClosedError', 1],
    ['proxy credentials outside ASCII (network-errors)', (u) => ['--endpoint-url', `http://${u}`], () => ({ HTTP_PROXY: `http://\u00e9:p@127.0.0.1:${closed}` }), 'HTTPClientError', 0],
    ['a connect timeout past Python\'s (http-send)', (u) => ['--endpoint-url', `http://${u}`, '--cli-connect-timeout', '10000000000'], () => ({}), 'HTTPClientError', 0],
    ['an endpoint scheme urllib3 does not support (buffering-handler)', (u) => ['--endpoint-url', `ftp://${u}`], () => ({}), 'HTTPClientError', 0],
    ['a header value Node refuses (buffering-handler)', (u) => ['--endpoint-url', `http://${u}`], () => ({ AWS_SESSION_TOKEN: 'a\nb' }), 'HTTPClientError', 0],
    ['a CA bundle that cannot be read (client-settings)', (u) => ['--endpoint-url', `https://${u}`, '--ca-bundle', '/nonexistent/ca.pem'], () => ({}), 'SSLError', 1],
  ];
  for (const [site, args, env, name, exhausted] of CASES) {
    it(site, async () => {
      const { stderr, datagrams } = await signOut(args(url), env(url));
      const message = stderr.replace(/^\ncogsignout: \[ERROR\]: /, '').replace(/\n$/, '');
      expect(message.startsWith(WORDS[name]), message).toBe(true);
      expect(datagrams.map((d) => [d.Type, d.SdkException ?? d.FinalSdkException, d.SdkExceptionMessage ?? d.FinalSdkExceptionMessage, d.MaxRetriesExceeded]))
        .toEqual([['ApiCallAttempt', name, message, undefined], ['ApiCall', name, message, exhausted]]);
    });
  }

  // The AWS CLI reports its HTTPClientError attempts and their call; cogsignout, which refuses the
  // URL before any attempt, sends nothing (README "Differences from the AWS CLI"), and above all
  // not the call of no attempt that a failure to sign is.
  it('an endpoint urllib3 cannot parse, refused as the request is signed (endpoint): no call of no attempt', async () => {
    const { stderr, datagrams } = await signOut(['--endpoint-url', 'http://127.0.0.1:99999', '--no-sign-request']);
    expect(stderr).toBe(`\ncogsignout: [ERROR]: ${WORDS.HTTPClientError}Failed to parse: http://127.0.0.1:99999/\n`);
    expect(datagrams).toEqual([]);
  });

  it('a port out of range, refused as the request is signed: a call that sent no attempt', async () => {
    const { stderr, datagrams } = await signOut(['--endpoint-url', 'http://127.0.0.1:99999']);
    expect(stderr).toBe('\ncogsignout: [ERROR]: Port out of range 0-65535\n');
    expect(datagrams.map((d) => [d.Type, d.AttemptCount])).toEqual([['ApiCall', 0]]);
  });
});

describe('the botocore exception of every network failure, and of the credential calls\' CA bundle', () => {
  const at = 'https://cognito-idp.us-east-1.amazonaws.com/';
  const failures: ReadonlyArray<readonly [string, unknown, BotocoreError]> = [
    ['a connect timeout', new TransportFailure('connect-timeout', 'timed out'), 'ConnectTimeoutError'],
    ['a read timeout', new TransportFailure('read-timeout', 'timed out'), 'ReadTimeoutError'],
    ['a connection that cannot be made', new TransportFailure('connect', 'refused'), 'EndpointConnectionError'],
    ['a closed connection', new TransportFailure('closed', 'reset'), 'ConnectionClosedError'],
    ['a proxy', new TransportFailure('proxy', 'Cannot connect to proxy.', undefined, 'http://proxy:1'), 'ProxyConnectionError'],
    ['an unhandled failure', new TransportFailure('unhandled', 'boom'), 'HTTPClientError'],
    ['a certificate', Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }), 'SSLError'],
    ['anything else', new Error('something else'), 'HTTPClientError'],
  ];
  for (const [what, failure, name] of failures) {
    it(`${what}: ${name}`, () => {
      const err = networkErrorToCliError(failure, at);
      expect([err.botocoreError, err.message.startsWith(WORDS[name])]).toEqual([name, true]);
    });
  }

  it('a CA bundle the credential calls cannot read: SSLError', async () => {
    const sts = callSts({ endpoint: `https://${url}/`, region: 'us-east-1', action: 'AssumeRoleWithWebIdentity', params: [], credentials: undefined }, { maxAttempts: 1, caPath: '/nonexistent/ca.pem', env: {} });
    const err = await sts.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(GeneralError);
    expect([(err as GeneralError).botocoreError, (err as GeneralError).message.startsWith(WORDS.SSLError)]).toEqual(['SSLError', true]);
  });
});
