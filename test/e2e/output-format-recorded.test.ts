// Output-format recordings of the AWS CLI 2.36.7 (test/fixtures/output-format-recordings.json),
// replayed against the built CLI and the project's local endpoint: YAML as libyaml writes it for
// --output yaml, yaml-stream and --cli-error-format yaml, the output the AWS CLI has written
// before a formatter or encoding error, and stdout and stderr under AWS_CLI_OUTPUT_ENCODING (an
// error that stderr cannot encode either). Exact stdout, stderr and exit code, and the request
// the endpoint received.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, TEST_CREDENTIALS, type LocalCognito } from '../../local-cognito/server.js';
import { REPO, runCli } from '../support/cli.js';
import { escapeControlChars } from '../../src/output/control-chars.js';

interface Recording {
  readonly id: string;
  readonly args: string[];
  readonly env: Record<string, string>;
  /** True: recorded against the conformance stub, whose endpoint the replay puts in. */
  readonly endpoint: boolean;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly requests: Array<{ body: unknown }>;
}

const FIXTURE = JSON.parse(readFileSync(join(REPO, 'test/fixtures/output-format-recordings.json'), 'utf8')) as {
  defaults: { env: Record<string, string> };
  cases: Recording[];
};
/** Where the local endpoint listened when the cases without the stub were recorded. */
const RECORDED_LOCAL_ENDPOINT = 'http://127.0.0.1:47391';
/**
 * Cases whose service message carries control characters, which the AWS CLI prints raw and
 * cogsignout escapes in the layouts that would print them raw (README, "Differences from the AWS
 * CLI"): their expected stderr is the recording with that one change.
 */
const ESCAPED_CONTROL_CHARS = new Set(['err-text-weird-message']);

let server: LocalCognito;
let poolId: string;

beforeAll(async () => {
  const [stubKey, stubSecret] = [FIXTURE.defaults.env.AWS_ACCESS_KEY_ID as string, FIXTURE.defaults.env.AWS_SECRET_ACCESS_KEY as string];
  server = await startLocalCognito({ keys: [{ accessKeyId: stubKey, secretAccessKey: stubSecret }, TEST_CREDENTIALS] });
  poolId = server.createUserPool('Example');
  server.seedUsers(poolId, [{ username: 'alice' }]);
});

afterAll(async () => {
  await server.close();
});

describe('output formats: AWS CLI 2.36.7 recordings replayed', () => {
  for (const c of FIXTURE.cases) {
    it(c.id, async () => {
      server.resetStats();
      let args = c.args.map((a) => a.replaceAll(RECORDED_LOCAL_ENDPOINT, server.url).replaceAll('us-east-1_Example', poolId));
      if (c.endpoint) args = [args[0] as string, '--endpoint-url', server.url, ...args.slice(1)];
      const r = await runCli(args, { env: { ...FIXTURE.defaults.env, ...c.env } });
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr.replaceAll(poolId, 'us-east-1_Example') })
        .toEqual({ code: c.exitCode, stdout: c.stdout, stderr: ESCAPED_CONTROL_CHARS.has(c.id) ? escapeControlChars(c.stderr) : c.stderr });
      if (c.endpoint) {
        const sent = server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut')
          .map((q) => ({ body: JSON.parse(JSON.stringify(q.body).replaceAll(poolId, 'us-east-1_Example')) as unknown }));
        expect(sent).toEqual(c.requests);
      }
    });
  }
});
