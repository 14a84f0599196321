// AWS CLI 2.36.7 recordings of the global options' sweep (test/fixtures/global-options-recordings.json):
// each global option before the command, between the operation's options and after `--`; as
// `--opt value`, `--opt=value`, a unique or ambiguous prefix, repeated, without a value, with a
// value that looks like an option or is empty; bad choices, timeouts (Unicode digits, past
// Python's int64 nanoseconds), malformed endpoint URLs (brackets, spaces, tabs), CA bundles
// (loaded once connected), the auto-prompt flags; the same settings from the environment and the
// config profile (which wins, bad values, cli_timestamp_format, pagers); and the order in which
// the top-level, session and client checks report several bad values at once.
// Replayed against the built CLI and the project's local endpoint: exact stdout, stderr and exit
// code, and the requests the endpoint received. The stub's throttled user is the endpoint's
// throttle fault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { runCli } from '../support/cli.js';
import { refusedPort } from '../support/network.js';
import { asRecorded, loadSweepFixture, prepareReplay } from '../support/recordings.js';

const FIXTURE = loadSweepFixture('global-options-recordings.json');

const KEYS = [{ accessKeyId: 'AKIDEXAMPLETEST', secretAccessKey: 'test-secret-access-key' }];

/** The stub's special users, as the endpoint's faults (answered before the signature check). */
const FAULTS: Record<string, Parameters<LocalCognito['injectFault']>[0]> = {
  throttled: { username: 'throttled', kind: 'throttle' },
};

let server: LocalCognito;
let poolId: string;
let closedPort: number;

beforeAll(async () => {
  server = await startLocalCognito({ keys: KEYS });
  poolId = server.createUserPool('Example');
  server.seedUsers(poolId, ['alice', 'throttled'].map((username) => ({ username })));
  closedPort = await refusedPort();
});

afterAll(async () => {
  await server.close();
});

describe('global options: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      const { args, env, files } = prepareReplay(c, { url: server.url, port: server.port, poolId, closedPort }, FIXTURE.defaults.env);
      server.clearFaults();
      const user = c.args.includes('--username') ? c.args[c.args.indexOf('--username') + 1] ?? '' : '';
      const fault = FAULTS[user];
      if (fault) server.injectFault(fault);
      server.resetStats();

      const r = await runCli(args, { env, files });
      // A read timeout past Python's limit fails each attempt once its request is sent, without
      // waiting for the answer: the endpoint may still be taking the last requests in.
      const signOuts = () => server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut');
      while (signOuts().length < c.requests.length) await new Promise((resolve) => setTimeout(resolve, 5));
      const norm = (s: string): string => asRecorded(s, { url: server.url, port: server.port, poolId, closedPort });
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      if (c.compare !== 'exact') return;
      expect(norm(r.stderr)).toBe(c.stderr);
      expect(norm(r.stdout)).toBe(c.stdout);
      const sent = signOuts().map((q) => ({
        body: JSON.parse(norm(JSON.stringify(q.body))) as unknown,
        // A faulted request is answered before the endpoint checks who signed it.
        accessKeyId: fault ? null : q.accessKeyId ?? null,
        region: fault ? null : q.signed ? q.region ?? null : null,
      }));
      expect(sent).toEqual(c.requests.map((q) => (fault ? { ...q, accessKeyId: null, region: null } : q)));
    });
  }
});
