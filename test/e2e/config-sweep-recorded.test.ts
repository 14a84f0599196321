// AWS CLI 2.36.7 recordings of the config and credentials files' sweep
// (test/fixtures/config-sweep-recordings.json): the INI syntax as botocore's parser reads it
// (comments at line start and inline, continuation and indented lines, nested blocks, key case
// and spaces, `:` and `:=` separators, duplicate sections and keys (also by case or spacing),
// section headers with quotes, spaces, tabs, `]]`, `Profile` or no space after `profile`,
// [DEFAULT], BOM, CRLF, CR-only lines, NUL, tabs, empty files; as AWS_CONFIG_FILE or
// AWS_SHARED_CREDENTIALS_FILE a directory, /dev/null, a /proc file, a path through a file,
// relative paths, `~` and `$VAR`) and profile selection
// (AWS_PROFILE vs AWS_DEFAULT_PROFILE vs --profile, [default] vs [profile default], one profile
// in both files and which keys win, keys split between the files, session tokens, partial keys,
// and the assume-role, SSO and credential_process errors that need no network).
// Replayed in process against the project's local endpoint: exact stdout, stderr and exit code,
// and the requests the endpoint received (signing key and region). The endpoint knows each key
// the recorded files hold, each session token with its key, so a request signed with the wrong
// file's key or token fails.
import { describe, expect, it } from 'vitest';
import { loadSweepFixture } from '../support/recordings.js';
import { replayEndpoint } from '../support/replay.js';

const FIXTURE = loadSweepFixture('config-sweep-recordings.json');

/** The keys the recorded environment and files hold (an empty key ID is what botocore signs with for `aws_access_key_id =`). */
const KEYS = [
  { accessKeyId: 'AKIDEXAMPLETEST', secretAccessKey: 'test-secret-access-key' },
  { accessKeyId: 'AKIDFILE', secretAccessKey: 's3cr3t' },
  { accessKeyId: 'AKIDP', secretAccessKey: 's' },
  { accessKeyId: 'AKIDQ', secretAccessKey: 's' },
  { accessKeyId: 'AKIDCRED', secretAccessKey: 's' },
  { accessKeyId: 'AKIDTOK1', secretAccessKey: 's', sessionToken: 'TOKEN123' },
  { accessKeyId: 'AKIDTOK2', secretAccessKey: 's', sessionToken: 'TOKEN456' },
  { accessKeyId: 'AKIDTOK3', secretAccessKey: 's', sessionToken: 'OTHER' },
  { accessKeyId: '', secretAccessKey: 's' },
];

const endpoint = replayEndpoint({ keys: KEYS, users: ['alice'] });

describe('config and credentials files: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      const r = await endpoint.run(c, FIXTURE.defaults.env);
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      if (c.compare !== 'exact') return;
      expect(r.stderr).toBe(c.stderr);
      expect(r.stdout).toBe(c.stdout);
      // The endpoint's log redacts the security token; it accepts AKIDTOK1-3 only with their own.
      expect(r.sent).toEqual(c.requests.map(({ securityToken: _token, ...q }) => q));
    });
  }
});
