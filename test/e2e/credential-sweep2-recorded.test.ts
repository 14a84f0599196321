// AWS CLI 2.36.7 recordings of the second credential sweep (test/fixtures/credential-sweep2-recordings.json):
// several sources in one profile (role_arn, SSO, credential_process, static keys: which wins and
// whose error shows), half keys in the environment, the credentials file and the config file
// with another source behind them, a lone session token, blank and empty values; what a
// credential_process prints (extra keys, no/empty/null/0 token, values of the wrong type and
// the order botocore's signer trips over them, a BOM, duplicate keys, a killed process, exit 1
// with valid JSON, 1 MB of output, paths with spaces and $HOME) and its Expiration as dateutil
// reads it (milliseconds, a space, date only, lone numbers, compact digits, blank, datetime's
// range errors, offsets of 24 h, inside the refresh windows); AWS_CREDENTIAL_EXPIRATION the
// same way; source_profile chains (empty, a loop through the credentials file, a working
// process then STS refused) and credential_source values; --profile, AWS_PROFILE and
// AWS_DEFAULT_PROFILE naming a missing profile beside a good one; the credentials and config
// file variables pointing at missing files, directories, ~, nothing and one file for both;
// source profiles holding several sources, profile names with dots and spaces, a process
// command with an inline comment, a continuation line, a relative path, a busy stderr.
// Replayed against the built CLI and the project's local endpoint, which checks each request's
// signature with the keys below: exact stdout, stderr and exit code, and the requests received.
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { runCli } from '../support/cli.js';
import { refusedPort } from '../support/network.js';
import { asRecorded, loadSweepFixture, prepareReplay } from '../support/recordings.js';

const FIXTURE = loadSweepFixture('credential-sweep2-recordings.json');

/** The keys the recorded sources hand out (an empty key ID is what botocore signs with for `aws_access_key_id =`). */
const KEYS = [
  { accessKeyId: 'AKIDEXAMPLETEST', secretAccessKey: 'test-secret-access-key' },
  { accessKeyId: 'AKIDPROCESS', secretAccessKey: 'secret-process' },
  { accessKeyId: 'AKIDBLANK', secretAccessKey: '' },
  { accessKeyId: 'AKIDENV', secretAccessKey: 's', sessionToken: 't' },
  ...['AKIDCFG', 'AKIDCRED', '', 'AKIDD', 'AKIDLAST', 'AKIDGOOD', 'AKIDTILDE', 'AKIDX'].map((accessKeyId) => ({ accessKeyId, secretAccessKey: 's' })),
];

let server: LocalCognito;
let poolId: string;
let closedPort: number;

beforeAll(async () => {
  server = await startLocalCognito({ keys: KEYS });
  poolId = server.createUserPool('Example');
  server.seedUsers(poolId, [{ username: 'alice' }]);
  closedPort = await refusedPort();
});

afterAll(async () => {
  await server.close();
});

describe('credential sources, second sweep: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      const target = { url: server.url, port: server.port, poolId, closedPort };
      const { args, env, files } = prepareReplay(c, target, FIXTURE.defaults.env);
      server.resetStats();

      const r = await runCli(args, { env, files });
      const norm = (s: string): string => asRecorded(s, target, dirname(r.home));
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      if (c.compare !== 'exact') return;
      expect(norm(r.stderr)).toBe(c.stderr);
      expect(norm(r.stdout)).toBe(c.stdout);
      const sent = server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut').map((q) => ({
        body: JSON.parse(norm(JSON.stringify(q.body))) as unknown,
        accessKeyId: q.accessKeyId ?? null,
        region: q.signed ? q.region ?? null : null,
      }));
      // The endpoint's log redacts the token; it accepts AKIDENV only with its own and the others only without one.
      expect(sent).toEqual(c.requests.map(({ securityToken: _token, ...q }) => q));
    });
  }
});
