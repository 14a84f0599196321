// AWS CLI 2.36.7 recordings of the alias sweep (test/fixtures/alias-sweep-recordings.json): the
// `[toplevel]` alias of cognito-idp (options, globals only, chains and loops through other names,
// external aliases, shlex quoting, empty, `=` and multi-line values, inline comments), the
// `[command cognito-idp]` and operation sections (global options and `--` around the alias word,
// chains, loops, aliases named help or completion or leading to help), broken alias files, and
// where the file is looked up (HOME moved or holding a `$VAR`; AWS_CONFIG_FILE does not move it).
// Replayed in process (runCli) against the project's local endpoint: exact stdout, stderr and exit
// code, and the bodies the endpoint received (its answer fault says 200 {}, as the stub did, except
// where a case needs the endpoint's own answers: an unknown user, an unsigned call).
import { describe, expect, it } from 'vitest';
import { loadSweepFixture } from '../support/recordings.js';
import { answerEverySignOut, replayEndpoint } from '../support/replay.js';

const FIXTURE = loadSweepFixture('alias-sweep-recordings.json');

const endpoint = replayEndpoint();

/** The stub's `no-such-user` and its refusal of unsigned calls come from the endpoint itself; every other sign-out is 200 {}. */
const realAnswers = (c: { readonly args: readonly string[]; readonly files?: Readonly<Record<string, string>> }): boolean =>
  /no-such-user|--no-sign-request/.test(JSON.stringify([c.args, c.files ?? {}]));

describe('aliases and where words stand: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      const r = await endpoint.run(c, FIXTURE.defaults.env, realAnswers(c) ? undefined : answerEverySignOut);
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      if (c.compare !== 'exact') return;
      expect(r.stderr).toBe(c.stderr);
      expect(r.stdout).toBe(c.stdout);
      expect(r.sent.map((q) => q.body)).toEqual(c.requests.map((q) => q.body));
    });
  }
});
