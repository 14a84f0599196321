// The AWS CLI 2.36.7 recordings, replayed against the built CLI and the project's own local
// Cognito endpoint: same argv, environment and files; exact stdout, stderr and exit code; and the
// requests the endpoint received (count, body, signing key and region). Cases whose outcome
// depends on the recording stub's invented users are covered by hand-written tests instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { runCli } from '../support/cli.js';
import { refusedPort } from '../support/network.js';
import { maskPort, prepareReplay, recorded, RECORDING_DEFAULT_ENV } from '../support/recordings.js';

/** Cases of issue 2 (command line, configuration, credentials, the call, errors). */
const CASES = [
  'ok-default', 'ok-output-json', 'ok-output-table', 'ok-output-yaml', 'ok-output-off', 'ok-output-uppercase',
  'ok-equals-form', 'missing-username', 'missing-user-pool-id', 'empty-username', 'empty-user-pool-id',
  'username-unicode', 'username-missing-value', 'username-dash-value', 'username-fileb', 'username-https-literal',
  'unknown-option', 'unknown-option-with-value', 'extra-positional', 'abbreviated-option', 'no-operation',
  'invalid-operation', 'invalid-output', 'no-paginate', 'cli-binary-format', 'cli-binary-format-invalid',
  'no-cli-auto-prompt', 'no-verify-ssl', 'read-timeout-invalid', 'connect-timeout-negative', 'region-flag',
  'region-flag-empty', 'endpoint-invalid', 'endpoint-trailing-slash', 'endpoint-refused',
  'endpoint-refused-max-attempts-1', 'missing-region', 'partial-credentials', 'unknown-profile', 'unknown-profile-env',
  'profile-credentials-file', 'profile-config-file', 'profile-flag-beats-env', 'default-profile-credentials-file',
  'env-keys-beat-credentials-file', 'profile-keys-beat-env-keys', 'region-from-config', 'region-env-both',
  'region-env-beats-config', 'region-flag-beats-config', 'default-output-env-invalid-no-output', 'config-parse-error',
  'credentials-parse-error', 'aws-config-file-env', 'aws-shared-credentials-file-env', 'config-endpoint-url',
  'env-endpoint-url', 'err-user-not-found', 'err-no-sign-request', 'retry-legacy-mode', 'err-html-502',
  'retry-flaky-500', 'ok-empty-200', 'version', 'version-after-op',
];

/** Every access key the recordings sign with, so the endpoint's signature check passes for them. */
const KEYS = [
  ['AKIDEXAMPLETEST', 'test-secret-access-key'], ['AKIDFROMCREDFILE', 'secret-from-cred-file'],
  ['AKIDFROMCONFIG', 'secret-from-config'], ['AKIDDEV', 's1'], ['AKIDOTHER', 's2'], ['AKIDDEFAULT', 'secret-default'],
  ['AKIDFROMFILE', 'secret-file'], ['AKIDFROMPROFILE', 'secret-profile'], ['AKIDCUSTOMFILE', 'secret-custom'],
].map(([accessKeyId, secretAccessKey]) => ({ accessKeyId: accessKeyId as string, secretAccessKey: secretAccessKey as string }));

/** The stub's special users, reproduced with the endpoint's fault injection. */
const FAULTS: Record<string, Parameters<LocalCognito['injectFault']>[0]> = {
  'err-html-502': { username: 'html-502', kind: 'html502' },
  'retry-flaky-500': { username: 'flaky-500', kind: 'status500', times: 2 },
  'ok-empty-200': { username: 'empty-200', kind: 'empty200' },
};

let server: LocalCognito;
let poolId: string;
let closedPort: number;

beforeAll(async () => {
  server = await startLocalCognito({ keys: KEYS });
  poolId = server.createUserPool('Example');
  server.seedUsers(poolId, ['alice', 'bob', '-dash', 'ünïcødé-用户', 'https://example.invalid/name', 'html-502', 'flaky-500', 'empty-200']
    .map((username) => ({ username })));
  closedPort = await refusedPort();
});

afterAll(async () => {
  await server.close();
});

function prepare(id: string, extraEnv: Record<string, string> = {}) {
  const c = recorded(id);
  return { c, ...prepareReplay(c, { url: server.url, port: server.port, poolId, closedPort }, RECORDING_DEFAULT_ENV, extraEnv) };
}

describe('AWS CLI 2.36.7 recordings, replayed against the local endpoint', () => {
  for (const id of CASES) {
    it(id, async () => {
      const { c, args, env, files } = prepare(id);
      server.clearFaults();
      if (FAULTS[id]) server.injectFault(FAULTS[id]);
      server.resetStats();

      const r = await runCli(args, { env, files });
      const norm = (s: string): string => maskPort(maskPort(s, server.port, '<PORT>'), closedPort, '<CLOSED_PORT>')
        .replaceAll(poolId, 'us-east-1_Example');
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      if (c.compare === 'exact') {
        expect(norm(r.stderr)).toBe(c.stderr);
        expect(norm(r.stdout)).toBe(c.stdout);
        const sent = server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut').map((q) => ({
          body: JSON.parse(norm(JSON.stringify(q.body))) as unknown,
          accessKeyId: q.accessKeyId ?? null,
          region: q.signed ? q.region ?? null : null,
        }));
        // Faults are injected in front of the signature check (as a proxy would answer), so the
        // endpoint records who signed only the requests that reached it.
        const faulted = (q: { body: unknown }) => FAULTS[id] !== undefined && (q.body as { Username?: string }).Username === FAULTS[id]?.username;
        expect(sent.map((q) => (faulted(q) ? { ...q, accessKeyId: null, region: null } : q)))
          .toEqual(c.requests.map((q) => (faulted(q) ? { body: q.body, accessKeyId: null, region: null } : { body: q.body, accessKeyId: q.accessKeyId, region: q.region })));
      }
    });
  }
});

describe('the same cases with --debug: the exit code is unchanged and no secret is ever printed', () => {
  const SECRETS = KEYS.map((k) => k.secretAccessKey).filter((s) => s.length >= 6);
  for (const id of CASES.filter((c) => !c.startsWith('version'))) {
    it(id, async () => {
      const { c, args, env, files } = prepare(id, { AWS_SESSION_TOKEN: 'debug-test-session-token' });
      server.clearFaults();
      if (FAULTS[id]) server.injectFault(FAULTS[id]);
      const r = await runCli([...args, '--debug'], { env, files });
      const everything = r.stdout + r.stderr;
      for (const s of [...SECRETS, 'debug-test-session-token']) expect(everything).not.toContain(s);
      expect(everything).not.toMatch(/Signature=[0-9a-f]{64}/);
      // The session token makes the signature check fail for keys registered without one; the
      // exit codes of argument and configuration errors must not change under --debug.
      if (c.requests.length === 0) expect(r.code).toBe(c.exitCode);
    });
  }
});
