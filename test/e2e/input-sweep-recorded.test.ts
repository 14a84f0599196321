// AWS CLI 2.36.7 recordings of the input sweep (test/fixtures/input-sweep-recordings.json):
// --cli-input-json and --cli-input-yaml inline, with `=`, and from file:// (relative, ~, paths
// through `dir/..` where dir is missing or exists, missing, a directory, empty, a BOM, CRLF),
// each JSON and YAML type for the two parameters, unknown and duplicate keys, both documents at
// once, a document plus the same option on the line; option values from file:// and fileb://
// (missing, empty, BOM, CRLF, dotted paths), values starting with '-' with and without '=',
// empty and blank values, values past the model's pattern and maximum (sent: only the minimum is
// checked); --generate-cli-skeleton's values, with `=`, abbreviated, repeated, after `--`, with
// documents, missing files and the global options; AWS_CLI_FILE_ENCODING (ascii, latin-1,
// utf-16, an unknown name) for values and documents; ~ and then $VAR in file:// paths (a
// variable holding ~, HOME with trailing slashes, an unknown ~name); the Python reprs of
// wrong-typed values (unicode, quotes, floats, long lists and strings, YAML bytes and dates).
// A YAML !!set is left out: its repr's order follows Python's per-process string hashing.
// Replayed against the built CLI and the project's local endpoint: exact stdout, stderr and exit
// code, and the bodies the endpoint received. The recording stub answered every request 200 {}:
// here the endpoint's answer fault does, so pools and users need not exist and the signature is
// not checked (the signing key and region are the global options sweep's matter).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { runCli } from '../support/cli.js';
import { asRecorded, loadSweepFixture, prepareReplay } from '../support/recordings.js';

const FIXTURE = loadSweepFixture('input-sweep-recordings.json');

let server: LocalCognito;
let poolId: string;

beforeAll(async () => {
  server = await startLocalCognito({ keys: [{ accessKeyId: 'AKIDEXAMPLETEST', secretAccessKey: 'test-secret-access-key' }] });
  poolId = server.createUserPool('Example');
});

afterAll(async () => {
  await server.close();
});

describe('input documents and parameter values: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      const { args, env, files } = prepareReplay(c, { url: server.url, port: server.port, poolId }, FIXTURE.defaults.env);
      server.clearFaults();
      server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'answer', answer: { status: 200, body: '{}' } });
      server.resetStats();

      const r = await runCli(args, { env, files });
      const norm = (s: string): string => asRecorded(s, { url: server.url, port: server.port, poolId });
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      if (c.compare !== 'exact') return;
      expect(norm(r.stderr)).toBe(c.stderr);
      expect(norm(r.stdout)).toBe(c.stdout);
      const sent = server.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut')
        .map((q) => JSON.parse(norm(JSON.stringify(q.body))) as unknown);
      expect(sent).toEqual(c.requests.map((q) => q.body));
    });
  }
});
