// AWS CLI 2.36.7 recordings of the --query x --output sweep (test/fixtures/query-sweep-recordings.json):
// JMESPath syntax errors (252, before anything is sent: unclosed tokens, bad literals, carets
// under non-ASCII and multi-line expressions, beating an unknown AWS_DEFAULT_OUTPUT) and runtime
// errors (255, after the call: unknown functions, arity, types, a zero slice step) with each
// output and error format; literals (floats past double range, -0.0, big ints, key order,
// unicode, strings YAML must quote, multi-line strings), functions, pipes, projections, slices
// and comparisons between types through json, text, table (nested, colored, wide, East Asian
// widths), yaml and yaml-stream; falsy results; --output and --color from the line,
// AWS_DEFAULT_OUTPUT and the config; --query given twice.
// Replayed in process (runCli) against the project's local endpoint: exact stdout, stderr and exit
// code, and the bodies the endpoint received (its answer fault says 200 {}, as the stub did).
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { loadSweepFixture } from '../support/recordings.js';
import { answerEverySignOut, replayEndpoint } from '../support/replay.js';

const FIXTURE = loadSweepFixture('query-sweep-recordings.json');

const endpoint = replayEndpoint();

describe('--query with every --output: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
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
