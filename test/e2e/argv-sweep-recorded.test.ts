// AWS CLI 2.36.7 recordings of the command-line sweep (test/fixtures/argv-sweep-recordings.json):
// argparse's rules as the AWS CLI uses them — abbreviated command and global options and their
// ambiguous prefixes (with `=` too), values that start with `-` or look like options or negative
// numbers (`-1e5`, `-1,5`, `-a b`), empty, unicode and very long words, repeated options,
// options before the operation word, unknown and misspelled operation words, boolean globals
// given values, flags after `--`, the suggestions of invalid choices (`yaml-strem`); the
// operation's optional help positional, which drops an empty word (`… --username alice ''` runs;
// `'' x` is "Unknown options: x"; an alias's `''` too); and `help` after the service and after the
// operation with options, errors and files around it. An unknown command word close to a
// cognito-idp operation cogsignout lacks (`sign-out`: "Maybe you meant: sign-up") is left out:
// cogsignout suggests its own commands only (README, Differences).
// Replayed in process against the project's local endpoint: exact stdout, stderr and exit code,
// and the bodies the endpoint received. A help page differs from the AWS CLI's by design (README,
// "Differences"): for those the exit code and stderr are exact and stdout must be the page the
// recording shows (its title). The endpoint's answer fault answers 200 {} as the recording stub did.
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { runCli } from '../support/cli.js';
import { asRecorded, loadSweepFixture, prepareReplay, type SweepCase } from '../support/recordings.js';

const FIXTURE = loadSweepFixture<SweepCase & { readonly page?: string }>('argv-sweep-recordings.json');

let server: LocalCognito;
let poolId: string;

beforeAll(async () => {
  server = await startLocalCognito({ keys: [{ accessKeyId: 'AKIDEXAMPLETEST', secretAccessKey: 'test-secret-access-key' }] });
  poolId = server.createUserPool('Example');
});

afterAll(async () => {
  await server.close();
});

describe('the command line and help: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      const target = { url: server.url, port: server.port, poolId };
      const { args, env, files } = prepareReplay(c, target, FIXTURE.defaults.env);
      server.clearFaults();
      server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'answer', answer: { status: 200, body: '{}' } });
      server.resetStats();

      const r = await runCli(args, { env, files });
      const norm = (s: string): string => asRecorded(s, target, dirname(r.home));
      expect({ code: r.code, stderr: norm(r.stderr) }).toEqual({ code: c.exitCode, stderr: c.stderr });
      if (c.compare === 'exact') expect(norm(r.stdout)).toBe(c.stdout);
      else expect(r.stdout.startsWith(c.page ?? '\0')).toBe(true);
      const sent = server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut')
        .map((q) => JSON.parse(norm(JSON.stringify(q.body))) as unknown);
      expect(sent).toEqual(c.requests.map((q) => q.body));
    });
  }
});
