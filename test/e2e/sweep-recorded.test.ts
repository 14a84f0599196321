// AWS CLI 2.36.7 recordings of the family sweep (test/fixtures/sweep-recordings.json: error
// documents, parameter files, profiles, the JMESPath and output corners that once differed),
// replayed against the built CLI and the project's local endpoint. Exact stdout, stderr and exit
// code, and the requests the endpoint received (body, signing key, region). The recording stub's
// special users are reproduced with the endpoint's fault injection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { runCli } from '../support/cli.js';
import { asRecorded, loadSweepFixture, prepareReplay, type SweepCase } from '../support/recordings.js';

const FIXTURE = loadSweepFixture('sweep-recordings.json');

/** Every access key the recordings sign with. */
const KEYS = [
  ['AKIDEXAMPLETEST', 'test-secret-access-key'], ['AKIDDEF', 's'], ['AKIDSPACE', 's'],
].map(([accessKeyId, secretAccessKey]) => ({ accessKeyId: accessKeyId as string, secretAccessKey: secretAccessKey as string }));

/** The stub's special users, as the endpoint's faults (answered before the signature check). */
const FAULTS: Record<string, Parameters<LocalCognito['injectFault']>[0]> = {
  'html-502': { username: 'html-502', kind: 'html502' },
  'empty-200': { username: 'empty-200', kind: 'empty200' },
};

let server: LocalCognito;
let poolId: string;

beforeAll(async () => {
  server = await startLocalCognito({ keys: KEYS });
  poolId = server.createUserPool('Example');
  server.seedUsers(poolId, ['alice', 'bob', 'html-502', 'empty-200'].map((username) => ({ username })));
});

afterAll(async () => {
  await server.close();
});

const prepare = (c: SweepCase) => prepareReplay(c, { url: server.url, port: server.port, poolId }, FIXTURE.defaults.env);

describe('family sweep: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      const { args, env, files } = prepare(c);
      server.clearFaults();
      const user = c.args[c.args.indexOf('--username') + 1] ?? '';
      const fault = FAULTS[user];
      if (fault) server.injectFault(fault);
      server.resetStats();

      const r = await runCli(args, { env, files });
      // Python's repr names a memory address; the recordings hold compare.mjs's placeholder.
      const norm = (s: string): string => asRecorded(s, { url: server.url, port: server.port, poolId }).replace(/\b0x[0-9a-f]{6,16}\b/g, '<ADDR>');
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      if (c.compare !== 'exact') return;
      expect(norm(r.stderr)).toBe(c.stderr);
      expect(norm(r.stdout)).toBe(c.stdout);
      const sent = server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut').map((q) => ({
        body: JSON.parse(norm(JSON.stringify(q.body))) as unknown,
        // A faulted request is answered before the endpoint checks who signed it.
        accessKeyId: fault ? null : q.accessKeyId ?? null,
        region: fault ? null : q.signed ? q.region ?? null : null,
      }));
      expect(sent).toEqual(c.requests.map((q) => (fault ? { ...q, accessKeyId: null, region: null } : q)));
    });
  }
});
