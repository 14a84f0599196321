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
import { describe, expect, it } from 'vitest';
import { loadSweepFixture } from '../support/recordings.js';
import { replayEndpoint } from '../support/replay.js';

const FIXTURE = loadSweepFixture('credential-sweep2-recordings.json');

/** The keys the recorded sources hand out (an empty key ID is what botocore signs with for `aws_access_key_id =`). */
const KEYS = [
  { accessKeyId: 'AKIDEXAMPLETEST', secretAccessKey: 'test-secret-access-key' },
  { accessKeyId: 'AKIDPROCESS', secretAccessKey: 'secret-process' },
  { accessKeyId: 'AKIDBLANK', secretAccessKey: '' },
  { accessKeyId: 'AKIDENV', secretAccessKey: 's', sessionToken: 't' },
  ...['AKIDCFG', 'AKIDCRED', '', 'AKIDD', 'AKIDLAST', 'AKIDGOOD', 'AKIDTILDE', 'AKIDX'].map((accessKeyId) => ({ accessKeyId, secretAccessKey: 's' })),
];

const endpoint = replayEndpoint({ keys: KEYS, users: ['alice'], closedPort: true });

describe('credential sources, second sweep: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      const r = await endpoint.run(c, FIXTURE.defaults.env);
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      if (c.compare !== 'exact') return;
      expect(r.stderr).toBe(c.stderr);
      expect(r.stdout).toBe(c.stdout);
      // The endpoint's log redacts the token; it accepts AKIDENV only with its own and the others only without one.
      expect(r.sent).toEqual(c.requests.map(({ securityToken: _token, ...q }) => q));
    });
  }
});
