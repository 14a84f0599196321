// AWS CLI 2.36.7 recordings of the response sweep (test/fixtures/response-sweep-recordings.json):
// what the service answers rather than what the user types. Status codes (204, 299, 3xx with and
// without a body, 400 to 429, 5xx retried or not, 599, 999), error bodies (`__type` with a
// namespace, a `:http://…` suffix, a `#` at the end or a `:` first; `code`/`Code` instead; the
// type only in x-amzn-ErrorType, or in x-amzn-query-error, well or badly formed; errorMessage;
// text, HTML, a byte order mark, trailing garbage, duplicate keys, NaN, 1e400, floats and nested
// messages), content types, gzip and deflate bodies (decoded or not), chunked bodies, odd 200
// bodies (null, an array, a string, truncated JSON, members the model lacks, an error type),
// every throttling code botocore retries and some it does not, and answers that change from one
// attempt to the next. Each with its exit code, its message in the error formats and the number
// of requests sent. Replayed against the local endpoint, whose `answer` faults send the recorded
// answers in turn (the last one standing), so the signature is not checked; the `raw` cases
// (a 102 or 103 before the answer, which the AWS CLI takes as the answer; close-delimited
// bodies; custom reasons) against a TCP server sending the recorded bytes.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultAnswer } from '../../local-cognito/faults.js';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { runCli } from '../support/cli.js';
import { loadSweepFixture, type SweepCase } from '../support/recordings.js';

interface ResponseCase extends Omit<SweepCase, 'requests' | 'files' | 'endpoint' | 'compare'> {
  /** What the recording's server sent, one per attempt; the last one for any further attempt. */
  readonly answers: FaultAnswer[];
  /** The number of requests the AWS CLI sent. */
  readonly requests: number;
  /** Where the AWS CLI fails with a Python message: cogsignout's own (README, "Differences from the AWS CLI"). */
  readonly cogsignout?: { readonly stderr: string };
}

/** The bytes a raw server sent on each connection: what the local endpoint's HTTP server cannot send (a 103 before the answer). */
interface RawCase {
  readonly id: string;
  readonly raw: string;
  readonly env: Record<string, string>;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly requests: number;
}

const FIXTURE = loadSweepFixture<ResponseCase & SweepCase>('response-sweep-recordings.json');
const RAW_CASES = (FIXTURE as unknown as { rawCases: RawCase[] }).rawCases;
const RECORDED_POOL = 'us-east-1_Example';

let server: LocalCognito;

beforeAll(async () => {
  server = await startLocalCognito({ keys: [{ accessKeyId: 'AKIDEXAMPLETEST', secretAccessKey: 'test-secret-access-key' }] });
});

afterAll(async () => {
  await server.close();
});

describe('service answers: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  for (const c of FIXTURE.cases as unknown as ResponseCase[]) {
    it(c.id, async () => {
      server.clearFaults();
      c.answers.forEach((answer, i) => {
        const last = i === c.answers.length - 1;
        server.injectFault({ operation: 'AdminUserGlobalSignOut', username: c.id, kind: 'answer', answer, ...(last ? {} : { times: 1 }) });
      });
      server.resetStats();

      const args = ['admin-user-global-sign-out', '--endpoint-url', server.url, '--user-pool-id', RECORDED_POOL, '--username', c.id, ...c.args];
      const r = await runCli(args, { env: { ...FIXTURE.defaults.env, ...c.env } });
      const norm = (s: string): string => s.replaceAll(`127.0.0.1:${server.port}`, '127.0.0.1:PORT');
      expect({
        code: r.code,
        stdout: r.stdout,
        stderr: norm(r.stderr),
        requests: server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut').length,
      }).toEqual({ code: c.exitCode, stdout: c.stdout, stderr: c.cogsignout?.stderr ?? c.stderr, requests: c.requests });
    });
  }
});

describe('answers as raw bytes: informational answers (only 100 is skipped), close-delimited bodies, reasons', () => {
  for (const c of RAW_CASES) {
    it(c.id, async () => {
      let requests = 0;
      const sockets = new Set<Socket>();
      const raw: Server = createServer((s) => {
        sockets.add(s);
        s.on('error', () => {});
        // Each request answered on its connection, kept open where the answer has a length: a
        // retry (the test's backoff takes no time) may come on it before a close would be seen.
        const keep = /content-length/i.test(c.raw) && !c.raw.startsWith('HTTP/1.0');
        s.on('data', (d: Buffer) => {
          for (const _ of d.toString('latin1').matchAll(/^POST /gm)) {
            requests++;
            if (keep) s.write(c.raw);
            else s.end(c.raw);
          }
        });
      });
      await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
      const { port } = raw.address() as { port: number };
      try {
        const args = ['admin-user-global-sign-out', '--endpoint-url', `http://127.0.0.1:${port}`, '--user-pool-id', RECORDED_POOL, '--username', 'u'];
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
