// AWS CLI 2.36.7 recordings of the retry and timeout sweep (test/fixtures/retry-sweep-recordings.json):
// the retry mode from AWS_RETRY_MODE and the profile's retry_mode (standard, adaptive, legacy,
// upper case, spaces, empty, unknown; the environment against the config, another profile's, the
// credentials file's), max attempts from AWS_MAX_ATTEMPTS and max_attempts (1 to 10, huge, -0,
// negative past 2^53, floats, text, spaces, Unicode digits, inline comments, duplicates); which
// stub users are retried in each mode and with 1 or 2 attempts, and the final message, with every
// --output and --cli-error-format, after retries run out (`(reached max retries: N)`, also for a
// user error on the last attempt); connection refused; --cli-read-timeout and
// --cli-connect-timeout values (0, signs, padding, huge, text, empty, `=`, repeated) and a read
// timeout against a slow user; pairs of bad settings (which is reported first: retry settings,
// timeouts, region, profile, credentials, CA bundle, compression and account-id settings,
// parameters, --query, --output). `answerCases` were recorded against a server sending given
// answers in turn: every throttling and transient code botocore knows, 500/502/503/504 in each
// mode, a user error after a 500, x-amz-retry-after, AWS_NEW_RETRIES_2026, and (`socket`)
// connections closed, reset or answered with garbage.
// Replayed in process against the local endpoint: the stub's users are its answer faults
// (test/support/stub-users.ts), slow-user a delay longer than the recorded read timeout; the
// backoff between attempts takes no time (runCli's sleep), and the read timeouts run on the fast
// timer (test/support/hostile-peers.ts: the timeouts and the slow answer SPEED times shorter).
import { createServer, type Server, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { FaultAnswer } from '../../local-cognito/faults.js';
import { runCli } from '../support/cli.js';
import { loadSweepFixture, RECORDED_POOL, type SweepCase } from '../support/recordings.js';
import { answerEverySignOut, replayEndpoint } from '../support/replay.js';
import { fastTimer, SPEED } from '../support/hostile-peers.js';
import { MISSING_AUTH_ANSWER, stubAnswer } from '../support/stub-users.js';

interface AnswerCase {
  readonly id: string;
  /** What the recording's server sent, one per attempt, the last one for any further attempt. */
  readonly answers?: FaultAnswer[];
  /** Instead of answers: each request's connection closed, reset or answered with garbage. */
  readonly socket?: 'close' | 'reset' | 'garbage';
  readonly args: string[];
  readonly env: Record<string, string>;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly requests: number;
}

const FIXTURE = loadSweepFixture('retry-sweep-recordings.json');
const ANSWER_CASES = (FIXTURE as unknown as { answerCases: AnswerCase[] }).answerCases;
/** Longer than the recordings' --cli-read-timeout 1, shorter than the stub's 2.5 s. */
const SLOW_MS = 1300;

const endpoint = replayEndpoint({ users: ['slow-user'], closedPort: true });

const userOf = (args: readonly string[]): string => args[args.indexOf('--username') + 1] ?? '';
const SLOW_CASES = FIXTURE.cases.filter((c) => userOf(c.args) === 'slow-user');
// The read-timeout cases run in process on the fast timer (the program's timeouts SPEED times
// shorter, the slow answer's delay too), each against an endpoint of its own, so that no late
// request of one counts in another's.
const slowEndpoints = new Map(SLOW_CASES.map((c) => [c.id, replayEndpoint({ users: ['slow-user'], closedPort: true })]));

/**
 * The sign-out bodies the endpoint logged, once `expected` of them are (or a moment has passed):
 * it logs a request when it has answered it, so one the CLI gave up on (a read timeout, a huge
 * timeout that fails once sent) is logged when the slow answer or the dropped socket ends, after
 * the run, and would otherwise count in the next case's.
 */
async function sentBodies(on: typeof endpoint, expected: number, norm: (s: string) => string): Promise<unknown[]> {
  const bodies = (): unknown[] => on.server().requests.filter((q) => q.operation === 'AdminUserGlobalSignOut')
    .map((q) => JSON.parse(norm(JSON.stringify(q.body))) as unknown);
  for (const start = Date.now(); bodies().length < expected && Date.now() - start < SLOW_MS + 1000;) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return bodies();
}

async function replayStubCase(on: typeof endpoint, c: SweepCase, fast = false): Promise<void> {
  const r = await on.run(c, FIXTURE.defaults.env, (s) => {
    const user = userOf(c.args);
    if (user === 'slow-user') {
      s.injectFault({ operation: 'AdminUserGlobalSignOut', username: user, kind: 'delay', delayMs: fast ? SLOW_MS / SPEED : SLOW_MS });
      return;
    }
    const stub = c.args.includes('--no-sign-request') && user !== 'anonymous-ok' ? { answer: MISSING_AUTH_ANSWER } : stubAnswer(user, RECORDED_POOL);
    if (stub) s.injectFault({ operation: 'AdminUserGlobalSignOut', username: user, kind: 'answer', answer: stub.answer, ...(stub.times ? { times: stub.times } : {}) });
    answerEverySignOut(s);
  }, fast ? { factory: { timer: fastTimer } } : undefined);
  expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: c.exitCode, stdout: c.stdout, stderr: c.stderr });
  expect(await sentBodies(on, c.requests.length, r.norm)).toEqual(c.requests.map((q) => q.body));
}

describe('retries and timeouts: AWS CLI 2.36.7 recordings (conformance stub users) replayed against the local endpoint', () => {
  for (const c of FIXTURE.cases) {
    if (slowEndpoints.has(c.id)) continue;
    it(c.id, () => replayStubCase(endpoint, c));
  }
});

describe('read timeouts: AWS CLI 2.36.7 recordings of a slow user, each against an endpoint of its own', () => {
  it('the slow cases are recorded', () => {
    expect(SLOW_CASES.length).toBeGreaterThan(0);
  });
  for (const c of SLOW_CASES) {
    it(c.id, () => replayStubCase(slowEndpoints.get(c.id) as typeof endpoint, c, true));
  }
});

/** An answer case as the replay runs it: the recording's user is the case's id. */
const asSweepCase = (c: AnswerCase): SweepCase => ({
  id: c.id, args: ['admin-user-global-sign-out', '--user-pool-id', RECORDED_POOL, '--username', c.id, ...c.args], env: c.env, files: {},
  endpoint: true, compare: 'exact', exitCode: c.exitCode, stdout: c.stdout, stderr: c.stderr, requests: [],
});

describe('retries: answers recorded from a server that sends them in turn', () => {
  for (const c of ANSWER_CASES.filter((x) => x.answers !== undefined)) {
    it(c.id, async () => {
      const answers = c.answers as FaultAnswer[];
      const r = await endpoint.run(asSweepCase(c), FIXTURE.defaults.env, (s) => {
        answers.forEach((answer, i) => {
          const last = i === answers.length - 1;
          s.injectFault({ operation: 'AdminUserGlobalSignOut', username: c.id, kind: 'answer', answer, ...(last ? {} : { times: 1 }) });
        });
      });
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr.replaceAll('127.0.0.1:<PORT>', '127.0.0.1:PORT'), requests: r.sent.length })
        .toEqual({ code: c.exitCode, stdout: c.stdout, stderr: c.stderr, requests: c.requests });
    });
  }
});

describe('retries: connections closed, reset or answered with garbage', () => {
  for (const c of ANSWER_CASES.filter((x) => x.socket !== undefined)) {
    it(c.id, async () => {
      let requests = 0;
      const sockets = new Set<Socket>();
      const raw: Server = createServer((s) => {
        sockets.add(s);
        s.on('error', () => {});
        s.on('data', (d: Buffer) => {
          for (const _ of d.toString('latin1').matchAll(/^POST /gm)) {
            requests++;
            if (c.socket === 'close') s.end();
            else if (c.socket === 'reset') s.resetAndDestroy();
            else s.end('garbage\r\n\r\n');
          }
        });
      });
      await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
      const { port } = raw.address() as { port: number };
      try {
        const args = ['admin-user-global-sign-out', '--endpoint-url', `http://127.0.0.1:${port}`, '--user-pool-id', RECORDED_POOL, '--username', c.id, ...c.args];
        const r = await runCli(args, { env: { ...FIXTURE.defaults.env, ...c.env } });
        expect({ code: r.code, stdout: r.stdout, stderr: r.stderr.replaceAll(`127.0.0.1:${port}`, '127.0.0.1:PORT'), requests })
          .toEqual({ code: c.exitCode, stdout: c.stdout, stderr: c.stderr, requests: c.requests });
      } finally {
        for (const s of sockets) s.destroy();
        await new Promise((resolve) => raw.close(resolve));
      }
    });
  }
});
