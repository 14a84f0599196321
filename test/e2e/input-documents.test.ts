// --cli-input-yaml and --cli-input-json documents as the AWS CLI 2.36.7 types them, replayed
// from recordings of the real CLI (test/fixtures/input-recordings.json): YAML 1.2/1.1 scalars,
// timestamps, tags, merge keys, anchors, tabs and syntax errors, keys that are not strings,
// nesting, JSON duplicates, NaN, big ints and depth, and file:// reads of /dev/null and
// directories. Same argv, environment and files; exact stdout, stderr and exit code; the body
// the local endpoint received.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { REPO, runCli } from '../support/cli.js';
import { prepareReplay } from '../support/recordings.js';

interface Recorded {
  readonly id: string;
  readonly description: string;
  readonly args: string[];
  readonly env: Record<string, string | null>;
  readonly files: Record<string, string>;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly requests: Array<{ readonly body: Record<string, unknown>; readonly accessKeyId: string }>;
}

const fixture = JSON.parse(readFileSync(join(REPO, 'test/fixtures/input-recordings.json'), 'utf8')) as {
  defaults: { env: Record<string, string> };
  cases: Recorded[];
};

/**
 * Cases the stub answered 200 for a username the service's pattern rejects (a tab, a newline, a
 * control character, a lone surrogate): the local endpoint, like the service, answers
 * InvalidParameterException. What they check is that the value was read as a str and sent as is.
 */
const SERVICE_REJECTS = new Set(['yin-dquoted', 'yin-block', 'yin-folded', 'yin-ctrl-char', 'jin-lone-surrogate']);

let server: LocalCognito;
let poolId: string;

beforeAll(async () => {
  server = await startLocalCognito({ keys: [{ accessKeyId: 'AKIDEXAMPLETEST', secretAccessKey: 'test-secret-access-key' }] });
  poolId = server.createUserPool('Example');
  // Every username a recorded call sent exists, so that each call succeeds as it did.
  const names = new Set(fixture.cases.flatMap((c) => c.requests.map((q) => String(q.body.Username))));
  server.seedUsers(poolId, [...names].map((username) => ({ username })));
});

afterAll(async () => {
  await server.close();
});

describe('--cli-input documents and file reads, replayed from AWS CLI 2.36.7', () => {
  for (const c of fixture.cases) {
    it(`${c.id}: ${c.description}`, async () => {
      const { args, env, files } = prepareReplay(c, { url: server.url, port: server.port, poolId }, fixture.defaults.env);
      server.resetStats();
      const r = await runCli(args, { env, files });
      const back = (s: string): string => s.replaceAll(poolId, 'us-east-1_Example');
      if (SERVICE_REJECTS.has(c.id)) {
        expect(c.exitCode).toBe(0);
        expect(r.code).toBe(254);
        expect(r.stderr).toContain('(InvalidParameterException)');
      } else {
        expect({ code: r.code, stdout: back(r.stdout), stderr: back(r.stderr) }).toEqual({ code: c.exitCode, stdout: c.stdout, stderr: c.stderr });
      }
      const sent = server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut')
        .map((q) => ({ body: JSON.parse(back(JSON.stringify(q.body))) as unknown, accessKeyId: q.accessKeyId }));
      expect(sent).toEqual(c.requests.map((q) => ({ body: q.body, accessKeyId: q.accessKeyId })));
    });
  }
});
