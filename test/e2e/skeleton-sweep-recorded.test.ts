// AWS CLI 2.36.7 recordings of the skeletons and parameter validation sweep
// (test/fixtures/skeleton-sweep-recordings.json): --generate-cli-skeleton's invalid values
// (case, spaces, '-1', 'help', empty after '='), its '=' form and abbreviations (which do not
// lift the required options), repeats in each order, extra words, with the global options
// (AWS_CLI_OUTPUT_ENCODING, which input skeletons do not go through, formats, queries that are
// bad or fail at run time, bad --output/--cli-read-timeout/endpoint,
// no region, no credentials, a failing credential_process, a broken config, a missing CA
// bundle), output skeletons that validate their input; several validation errors at once in
// botocore's order (missing, unknown, then each member) from documents and the command line,
// keys by case, option names, control, bidi and surrogate characters; documents that are not
// maps; repeated, abbreviated and ambiguous --cli-input- options; and the YAML corners ruamel
// has: a !!omap as the document, repeated and unhashable !!omap keys, merge keys in !!omap and
// !!pairs, recursive ones, two .nan keys, collection tags on empty nodes, '...' before any
// document, '---' with no blank after it or a mapping on its line, two anchors or tags of one
// node, merges of tagged nodes, how keys print in a value's repr, and a block scalar that ends
// the text without a line break, a list key holding a mapping, and empty keys.
// Replayed in process against the project's local endpoint: exact stdout, stderr and exit code
// (only the code under --debug), and the bodies the endpoint received. The recording stub
// answered every request 200 {}: here the endpoint's answer fault does, so pools and users need
// not exist and the signature is not checked (the global options sweep's matter).
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { loadSweepFixture } from '../support/recordings.js';
import { answerEverySignOut, replayEndpoint } from '../support/replay.js';

const FIXTURE = loadSweepFixture('skeleton-sweep-recordings.json');

const endpoint = replayEndpoint();

describe('skeletons and parameter validation: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  it('holds both the cases that send and the ones that stop before sending', () => {
    expect(FIXTURE.cases.filter((c) => c.requests.length > 0).length).toBeGreaterThan(10);
    expect(FIXTURE.cases.filter((c) => c.exitCode === 252).length).toBeGreaterThan(50);
  });

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
