// AWS CLI 2.36.7 recordings of the leftovers sweep (test/fixtures/leftovers-sweep-recordings.json):
// IPv6 endpoints with zone IDs and other odd IPv6 forms, from the flag, the environment and the
// profile; FIPS pseudo-regions that botocore's single pass of replace() leaves looking like FIPS
// ones, and other partitions' global names; aliases that name `completion`; relative HOMEs;
// AWS_NEW_RETRIES_2026 (its backoff, x-amz-retry-after and retry quota) and adaptive mode (its
// rate limiter's waits) against a server sending given answers; stdout and stderr closed by the shell.
// Replayed in process against the local endpoint, but for the closed descriptors, which only a
// process has (the built CLI under `sh -c 'exec "$@" >&-'`). A zone naming `eth0` is replayed
// with an interface no machine has: a real eth0 would make the connection to fe80::1 wait for
// neighbour discovery (minutes) where the recording's network namespace had no eth0 at all;
// either way the interface cannot be used, and the output names the recording's.
import dns from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultAnswer } from '../../local-cognito/faults.js';
import { loadSweepFixture, RECORDED_POOL, type SweepCase } from '../support/recordings.js';
import { replayEndpoint } from '../support/replay.js';
import { stubAnswer } from '../support/stub-users.js';

interface NewRetriesCase {
  readonly id: string;
  /** What the server sent, one per attempt, the last one for any further attempt. */
  readonly answers: FaultAnswer[];
  readonly env: Record<string, string>;
  readonly exitCode: number;
  readonly stderr: string;
  readonly requests: number;
  /** botocore's delays before each retry for a jitter of 0.5 (ms); the recording's own were random. */
  readonly waitsAtHalf?: number[];
  /** Adaptive mode: each backoff is followed by a wait for the rate limiter's token (its length is the clock's). */
  readonly tokenWaits?: boolean;
  /** Lines the --debug log has (after the timestamp and thread). */
  readonly debugLines?: string[];
}

interface ClosedFdCase {
  readonly id: string;
  /** The shell's redirection that closes the descriptors. */
  readonly close: string;
  readonly args: string[];
  readonly env: Record<string, string>;
  readonly endpoint: boolean;
  /** What the AWS CLI did. */
  readonly aws: { readonly exitCode: number; readonly stdout: string; readonly stderr: string };
  /** Where cogsignout differs on purpose (README "Differences from the AWS CLI"). */
  readonly cogsignout?: { readonly exitCode?: number; readonly stderr?: string };
}

interface DebugCase {
  readonly id: string;
  readonly args: string[];
  readonly exitCode: number;
  /** Parts of the --debug log, from the logger's name on. */
  readonly lines: string[];
}

const FIXTURE = loadSweepFixture('leftovers-sweep-recordings.json');
const EXTRA = FIXTURE as unknown as { newRetriesCases: NewRetriesCase[]; closedFdCases: ClosedFdCase[]; debugCases: DebugCase[] };

const endpoint = replayEndpoint({ closedPort: true, users: ['alice'] });

const NO_SUCH_INTERFACE = 'cogso9';
const swapZone = (s: string): string => s.replaceAll('eth0', NO_SUCH_INTERFACE);
const withoutEth0 = (c: SweepCase): SweepCase => ({
  ...c,
  args: c.args.map(swapZone),
  env: Object.fromEntries(Object.entries(c.env).map(([k, v]) => [k, v === null ? null : swapZone(v)])),
  files: Object.fromEntries(Object.entries(c.files).map(([k, v]) => [k, swapZone(v)])),
});

// The FIPS regions' own endpoints are looked up (and must not resolve): every name but
// localhost fails for the file's duration, as in the recording's network namespace.
type Lookup = typeof dns.lookup;
const realLookup: Lookup = dns.lookup;
beforeAll(() => {
  dns.lookup = ((hostname: string, ...rest: unknown[]) => {
    if (hostname === 'localhost' || hostname === 'localhost.') return (realLookup as (...a: unknown[]) => void)(hostname, ...rest);
    const callback = rest[rest.length - 1] as (e: NodeJS.ErrnoException) => void;
    const e: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo', hostname });
    process.nextTick(() => callback(e));
    return undefined;
  }) as unknown as Lookup;
});
afterAll(() => {
  dns.lookup = realLookup;
});

describe('IPv6 endpoints, FIPS-looking regions, completion aliases, relative HOMEs: AWS CLI 2.36.7 recordings replayed', () => {
  for (const c of FIXTURE.cases.filter((x) => x.compare === 'exact')) {
    it(c.id, async () => {
      // alice signs out: the endpoint itself answers, having read the signature (its region).
      const r = await endpoint.run(withoutEth0(c), FIXTURE.defaults.env);
      const { port, closedPort } = endpoint.target();
      // The ports of hosts other than 127.0.0.1, localhost and [::1] (a zone, the long form) as this run's.
      const ours = (s: string): string => s.replaceAll(']:<PORT>/', `]:${port}/`).replaceAll(']:<CLOSED_PORT>/', `]:${String(closedPort)}/`);
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr.replaceAll(NO_SUCH_INTERFACE, 'eth0') }).toEqual({ code: c.exitCode, stdout: c.stdout, stderr: ours(c.stderr) });
      expect(r.sent.map((q) => ({ body: q.body, region: q.region }))).toEqual(c.requests.map((q) => ({ body: q.body, region: q.region })));
    });
  }
});

describe('IPv6 endpoints under --debug: the lines the AWS CLI 2.36.7 logged', () => {
  for (const c of EXTRA.debugCases) {
    it(c.id, async () => {
      const r = await endpoint.run(withoutEth0({ ...c, env: {}, files: {}, endpoint: false, compare: 'exit-code-only', stdout: '', stderr: '', requests: [] }), FIXTURE.defaults.env);
      expect(r.code).toBe(c.exitCode);
      const log = r.stderr.replaceAll(NO_SUCH_INTERFACE, 'eth0');
      for (const line of c.lines) expect(log).toContain(` - MainThread - ${line.replaceAll('<CLOSED_PORT>', String(endpoint.target().closedPort))}`);
    });
  }
});

const answerCase = (c: NewRetriesCase, extra: string[] = []): SweepCase => ({
  id: c.id, args: ['admin-user-global-sign-out', '--user-pool-id', RECORDED_POOL, '--username', c.id, ...extra], env: c.env, files: {},
  endpoint: true, compare: 'exact', exitCode: c.exitCode, stdout: '', stderr: c.stderr, requests: [],
});

function injectAnswers(c: NewRetriesCase): (s: Parameters<NonNullable<Parameters<typeof endpoint.run>[2]>>[0]) => void {
  return (s) => {
    c.answers.forEach((answer, i) => {
      const last = i === c.answers.length - 1;
      s.injectFault({ operation: 'AdminUserGlobalSignOut', username: c.id, kind: 'answer', answer, ...(last ? {} : { times: 1 }) });
    });
  };
}

describe('AWS_NEW_RETRIES_2026 and adaptive mode: the AWS CLI 2.36.7 against a server sending given answers', () => {
  for (const c of EXTRA.newRetriesCases) {
    it(c.id, async () => {
      const r = await endpoint.run(answerCase(c), FIXTURE.defaults.env, injectAnswers(c), { factory: { random: () => 0.5 } });
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr, requests: r.sent.length })
        .toEqual({ code: c.exitCode, stdout: '', stderr: c.stderr, requests: c.requests });
      if (c.waitsAtHalf !== undefined) expect(r.raw.waits).toEqual(c.waitsAtHalf);
      if (c.tokenWaits === true) {
        // Backoffs of 0.5 s and 1 s (throttling); the first is followed by a wait for the token
        // (a first answer measures at most 1.6 sends a second, so the bucket fills at most at
        // 1.12 a second from empty); a later one waits less, or not at all, as the measured rate allows.
        const waits = [...(r.raw.waits ?? [])];
        const all = JSON.stringify(waits);
        expect(waits.shift()).toBe(500);
        const token = waits.shift() ?? 0;
        expect(token > 0 && token <= 2000, all).toBe(true);
        if (c.requests > 2) {
          expect(waits.shift()).toBe(1000);
          for (const w of waits) expect(w > 0 && w <= 2000, all).toBe(true);
          expect(waits.length).toBeLessThanOrEqual(1);
        }
      }
    });
  }
  for (const c of EXTRA.newRetriesCases.filter((x) => x.debugLines !== undefined)) {
    it(`${c.id} (--debug)`, async () => {
      const r = await endpoint.run(answerCase(c, ['--debug']), FIXTURE.defaults.env, injectAnswers(c), { factory: { random: () => 0.5 } });
      expect(r.code).toBe(c.exitCode);
      for (const line of c.debugLines ?? []) expect(r.stderr).toContain(` - MainThread - ${line}\n`);
    });
  }
});

describe('stdout or stderr closed (`>&-`, `2>&-`): the built CLI, as the AWS CLI 2.36.7 did', () => {
  for (const c of EXTRA.closedFdCases) {
    const ours = { exitCode: c.cogsignout?.exitCode ?? c.aws.exitCode, stdout: c.aws.stdout, stderr: c.cogsignout?.stderr ?? c.aws.stderr };
    it(`${c.id}${c.cogsignout === undefined ? '' : ' (a deliberate difference: README "Differences from the AWS CLI")'}`, async () => {
      const user = c.args[c.args.indexOf('--username') + 1] ?? '';
      const r = await endpoint.run({ ...c, files: {}, compare: 'exact', exitCode: ours.exitCode, stdout: ours.stdout, stderr: ours.stderr, requests: [] }, FIXTURE.defaults.env, (s) => {
        const stub = stubAnswer(user, RECORDED_POOL);
        s.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'answer', answer: stub?.answer ?? { status: 200, body: '{}' } });
      }, { shellScript: `exec "$@" ${c.close}` });
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: ours.exitCode, stdout: ours.stdout, stderr: ours.stderr });
    });
  }
});
