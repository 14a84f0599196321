// AWS CLI 2.36.7's client-side monitoring datagrams (test/fixtures/csm-sweep-recordings.json,
// recorded by scripts/csm/record.mjs against the conformance stub): AWS_CSM_ENABLED /
// csm_enabled, the port, host and client ID from the environment and the profile (precedence,
// empty values, int() errors, out-of-range ports, unresolvable and IPv6 hosts), their errors
// against the client's other checks (which comes first), and the datagrams of a success, service
// errors, retried 5xx and throttling (success after retries, exhaustion), a refused connection,
// --no-sign-request, a session token, regions from --region and the profile, a message past
// botocore's 512-character cut, a call that fails at signing (no attempt), and parameter errors
// (nothing sent); and, from a server of the recorder's own (`answers`), x-amz-request-id and
// x-amz-id-2, codes and messages past the cuts (in code points: astral characters), events
// over 8 KiB once escaped (not sent), a dropped connection, a read timeout (on a fast clock),
// and answers botocore cannot parse (an attempt with no
// datagram of its own). Replayed in process against the local endpoint, with a UDP listener of this
// file's own: each datagram's fields in order and exactly, except the run's times (integers in
// the run's range), the request IDs (UUIDs) and the User-Agent, which is cogsignout's own (what
// it sends in the HTTP request, as botocore reports its own).
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { runCli, runCliIn } from '../support/cli.js';
import { loadSweepFixture, RECORDED_POOL, type SweepCase } from '../support/recordings.js';
import { answerEverySignOut, replayEndpoint } from '../support/replay.js';
import { MISSING_AUTH_ANSWER, stubAnswer } from '../support/stub-users.js';
import { workDir } from '../bulk/support.js';
import { fastTimer, RUN_SPEED } from '../support/hostile-peers.js';

type Datagram = Record<string, string | number>;
/** `close`: the connection is dropped instead. */
interface Answer { readonly status: number; readonly headers?: Record<string, string>; readonly body: string; readonly close?: boolean }
interface CsmCase extends Omit<SweepCase, 'requests'> {
  /** How many requests the endpoint (or the answers server) received. */
  readonly requests: number;
  readonly datagrams: Datagram[];
  readonly rawAscii: boolean;
  /** Served in turn by the recorder's own server (its body as latin1 text): {{ANSWER_ENDPOINT}}. */
  readonly answers?: Answer[];
}

// The sweep format, but for `requests`: a count (the datagrams are what is compared).
const FIXTURE = loadSweepFixture('csm-sweep-recordings.json') as unknown as { defaults: { env: Record<string, string> }; cases: CsmCase[] };
const endpoint = replayEndpoint({ closedPort: true });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = 'FQoGZXIvYXdzEXAMPLETOKEN';

let udp: Socket;
let received: string[] = [];
let answers: Answer[] = [];
let served = 0;
/** The answers server: what a case's `answers` say, in turn. */
let answering: Server;
let answerUrl = '';
beforeAll(async () => {
  udp = createSocket('udp4');
  udp.on('message', (m) => received.push(m.toString('latin1')));
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  answering = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const a = answers[Math.min(served++, answers.length - 1)] ?? { status: 200, body: '{}' };
      if (a.close === true) return void req.socket.destroy();
      res.writeHead(a.status, { 'Content-Type': 'application/x-amz-json-1.1', ...a.headers });
      res.end(Buffer.from(a.body, 'latin1'));
    });
  });
  await new Promise<void>((resolve) => answering.listen(0, '127.0.0.1', resolve));
  answerUrl = `http://127.0.0.1:${(answering.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => udp.close(() => resolve()));
  await new Promise((resolve) => answering.close(resolve));
});
const csmPort = (): string => String(udp.address().port);

/** The datagrams of a run: they are sent before the call returns, and arrive at once. */
async function datagrams(expected: number): Promise<string[]> {
  for (const start = Date.now(); received.length < expected && Date.now() - start < 1000;) await new Promise((r) => setTimeout(r, 2));
  // One more turn of the loop for a datagram too many (loopback delivers what was sent at once).
  await new Promise((r) => setTimeout(r, 2));
  return received;
}

/**
 * A datagram in the recording's terms, its fields in order: the varying values checked (times
 * within the run, latencies within its duration, UUID request IDs, a User-Agent of at most 256
 * characters) and replaced by placeholders.
 */
function comparable(d: Datagram, run: { start: number; end: number }, norm: (s: string) => string): Array<[string, unknown]> {
  return Object.entries(d).map(([k, v]) => {
    if (k === 'Timestamp') {
      expect(Number.isInteger(v) && (v as number) >= run.start && (v as number) <= run.end, `${k} ${v}`).toBe(true);
      return [k, '<MS>'];
    }
    if (k === 'Latency' || k === 'AttemptLatency') {
      expect(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= run.end - run.start, `${k} ${v}`).toBe(true);
      return [k, '<MS>'];
    }
    if (k === 'XAmznRequestId') {
      expect(String(v)).toMatch(UUID);
      return [k, '<UUID>'];
    }
    if (k === 'UserAgent') {
      expect(typeof v === 'string' && v.startsWith('aws-sdk-js/') && v.includes(' cogsignout/') && [...v].length <= 256, String(v)).toBe(true);
      return [k, '<UA>'];
    }
    return [k, typeof v === 'string' ? norm(v) : v];
  });
}

const placeholders = (d: Datagram): Array<[string, unknown]> =>
  Object.entries(d).map(([k, v]) => [k, ['Timestamp', 'Latency', 'AttemptLatency'].includes(k) ? '<MS>' : k === 'XAmznRequestId' ? '<UUID>' : v]);

const userOf = (args: readonly string[]): string => args[args.indexOf('--username') + 1] ?? '';
const poolOf = (args: readonly string[]): string => args[args.indexOf('--user-pool-id') + 1] ?? RECORDED_POOL;

describe('client-side monitoring: AWS CLI 2.36.7 datagrams replayed against the local endpoint', () => {
  for (const c of FIXTURE.cases) {
    it(c.id, async () => {
      const env = Object.fromEntries(Object.entries({ AWS_CSM_ENABLED: 'true', AWS_CSM_PORT: '{{CSM_PORT}}', ...c.env })
        .map(([k, v]) => [k, v === null ? null : v.replaceAll('{{CSM_PORT}}', csmPort())]));
      const files = Object.fromEntries(Object.entries(c.files).map(([k, v]) => [k, v.replaceAll('{{CSM_PORT}}', csmPort())]));
      const args = c.args.map((a) => a.replaceAll('{{ANSWER_ENDPOINT}}', answerUrl));
      received = [];
      answers = c.answers ?? [];
      served = 0;
      const start = Date.now();
      const slow = userOf(c.args) === 'slow-user';
      const replayed = await endpoint.run({ ...c, requests: [], args, env, files }, FIXTURE.defaults.env, (s) => {
        const user = userOf(c.args);
        // Longer than the recording's --cli-read-timeout 1 (on the run's fast clock), shorter than the stub's 2.5 s.
        if (slow) return s.injectFault({ operation: 'AdminUserGlobalSignOut', username: user, kind: 'delay', delayMs: 1500 / RUN_SPEED });
        const stub = c.args.includes('--no-sign-request') && user !== 'anonymous-ok' ? { answer: MISSING_AUTH_ANSWER } : stubAnswer(user, poolOf(c.args));
        if (stub) s.injectFault({ operation: 'AdminUserGlobalSignOut', username: user, kind: 'answer', answer: stub.answer, ...(stub.times ? { times: stub.times } : {}) });
        answerEverySignOut(s);
      }, slow ? { factory: { timer: fastTimer } } : undefined);
      // The answers server's port is the recording's <PORT> too.
      // (The recorder wrote its URL in the output as {{ANSWER_ENDPOINT}}, its port in datagrams as <PORT>.)
      const answerPort = (t: string): string => t.replaceAll(answerUrl.replace('http://', ''), '127.0.0.1:<PORT>');
      const r = { ...replayed, stderr: replayed.stderr.replaceAll(answerUrl, '{{ANSWER_ENDPOINT}}'), norm: (t: string) => replayed.norm(answerPort(t)) };
      const raw = await datagrams(c.datagrams.length);
      const end = Date.now();
      if (c.compare === 'exact') expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: c.exitCode, stdout: c.stdout, stderr: c.stderr });
      else expect(r.code).toBe(c.exitCode);
      // The endpoint logs a request once answered: one the CLI gave up on (a read timeout) later.
      const signOuts = (): number => endpoint.server().requests.filter((q) => q.operation === 'AdminUserGlobalSignOut').length;
      for (const t0 = Date.now(); c.answers === undefined && signOuts() < c.requests && Date.now() - t0 < 2000;) await new Promise((w) => setTimeout(w, 20));
      expect(c.answers === undefined ? signOuts() : served).toBe(c.requests);
      // json.dumps writes ASCII only (`\u00e9`).
      expect(raw.every((t) => /^[\x20-\x7e]*$/.test(t))).toBe(c.rawAscii);
      const got = raw.map((t) => comparable(JSON.parse(t) as Datagram, { start, end }, r.norm));
      expect(got).toEqual(c.datagrams.map(placeholders));
      if (c.env.AWS_SESSION_TOKEN === TOKEN) {
        // botocore's datagram carries the session token (to the agent the user configured); no
        // output ever shows it, --debug included.
        expect(raw.some((t) => t.includes(`"SessionToken":"${TOKEN}"`))).toBe(true);
        expect(r.raw.stderr + r.raw.stdout).not.toContain(TOKEN);
      }
      expect(raw.join('')).not.toContain('test-secret-access-key');
    });
  }
});

describe('client-side monitoring in bulk-sign-out', () => {
  let server: LocalCognito;
  const USERS = ['u1', 'u2', 'u3', 'no-such-user'];
  beforeAll(async () => { server = await startLocalCognito({ keys: [{ accessKeyId: 'AKIDEXAMPLETEST', secretAccessKey: 'test-secret-access-key' }] }); });
  afterAll(async () => { await server.close(); });

  it('reports every call it makes, each attempt and each call, as the sign-out command does', async () => {
    const pool = server.createUserPool('csm-bulk');
    server.seedUsers(pool, USERS.slice(0, 3).map((username) => ({ username })));
    const { dir, remove } = workDir();
    try {
      writeFileSync(join(dir, 'users.txt'), `${USERS.join('\n')}\n`);
      received = [];
      const before = server.requests.length;
      const r = await runCliIn(dir, ['bulk-sign-out', '--endpoint-url', server.url, '--user-pool-id', pool, '--usernames-file', 'users.txt', '--concurrency', '2'], {
        env: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLETEST', AWS_SECRET_ACCESS_KEY: 'test-secret-access-key', AWS_REGION: 'us-east-1', AWS_CSM_ENABLED: 'true', AWS_CSM_PORT: csmPort(), AWS_CSM_CLIENT_ID: 'bulk' },
      });
      expect(r.code, r.stderr).toBe(254);
      const sent = server.requests.slice(before);
      const got = (await datagrams(sent.length * 2)).map((t) => JSON.parse(t) as Datagram);
      const calls = got.filter((d) => d.Type === 'ApiCall');
      const attempts = got.filter((d) => d.Type === 'ApiCallAttempt');
      // One attempt per request the endpoint saw, one call per API call.
      expect(attempts.length).toBe(sent.length);
      expect(calls.map((d) => d.Api).filter((a) => a === 'AdminUserGlobalSignOut')).toHaveLength(USERS.length);
      for (const d of got) expect([d.Version, d.ClientId, d.Service, d.Region]).toEqual([1, 'bulk', 'Cognito Identity Provider', 'us-east-1']);
      const failed = calls.filter((d) => d.FinalAwsException !== undefined);
      expect(failed.map((d) => [d.Api, d.FinalHttpStatusCode, d.FinalAwsException])).toEqual([['AdminUserGlobalSignOut', 400, 'UserNotFoundException']]);
    } finally {
      remove();
    }
  });

  it('never fails a run when the agent cannot be reached', async () => {
    const pool = server.createUserPool('csm-bulk-2');
    server.seedUsers(pool, [{ username: 'a' }]);
    const { dir, remove } = workDir();
    try {
      writeFileSync(join(dir, 'users.txt'), 'a\n');
      for (const [host, port] of [['no-such-host.invalid', '31000'], ['::1', '31000'], ['127.0.0.1', '70000']]) {
        const r = await runCliIn(dir, ['bulk-sign-out', '--endpoint-url', server.url, '--user-pool-id', pool, '--usernames-file', 'users.txt'], {
          env: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLETEST', AWS_SECRET_ACCESS_KEY: 'test-secret-access-key', AWS_REGION: 'us-east-1', AWS_CSM_ENABLED: 'true', AWS_CSM_HOST: host as string, AWS_CSM_PORT: port as string },
        });
        expect(r.code, r.stderr).toBe(0);
      }
    } finally {
      remove();
    }
  });
});

describe('client-side monitoring settings', () => {
  it('AWS_CSM_PORT that int() refuses fails the sign-out as the AWS CLI does, after the client checks', async () => {
    const r = await runCli(['admin-user-global-sign-out', '--user-pool-id', RECORDED_POOL, '--username', 'x'], {
      env: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLETEST', AWS_SECRET_ACCESS_KEY: 'test-secret-access-key', AWS_REGION: 'us-east-1', AWS_CSM_ENABLED: 'True', AWS_CSM_PORT: '３１x' },
    });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 255, stderr: "\ncogsignout: [ERROR]: invalid literal for int() with base 10: '３１x'\n" });
  });
});
