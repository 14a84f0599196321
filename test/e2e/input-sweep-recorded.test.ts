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
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { loadSweepFixture } from '../support/recordings.js';
import { answerEverySignOut, replayEndpoint } from '../support/replay.js';

const FIXTURE = loadSweepFixture('input-sweep-recordings.json');

const endpoint = replayEndpoint();

describe('input documents and parameter values: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      const r = await endpoint.run(c, FIXTURE.defaults.env, answerEverySignOut);
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      if (c.compare !== 'exact') return;
      expect(r.stderr).toBe(c.stderr);
      expect(r.stdout).toBe(c.stdout);
      expect(r.sent.map((q) => q.body)).toEqual(c.requests.map((q) => q.body));
    });
  }
});
