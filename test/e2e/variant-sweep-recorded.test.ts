// AWS CLI 2.36.7 recordings of the variant sweep (test/fixtures/variant-sweep-recordings.json):
// the public conformance cases, each perturbed the way a sibling would be: the same situation
// with another --output (json, text, table, yaml, yaml-stream, off) from the flag, `--opt=value`,
// before the operation word, AWS_DEFAULT_OUTPUT or the profile's `output` (and two at once, for
// precedence); every stub user with another output and error format; usage and validation errors
// with each error format and next to other bad settings (which is reported first); the session
// settings (region, profile, credentials, endpoint, retries, pager, CA bundle, timeouts) from the
// flag, the environment and the config file; malformed proxy URLs (HTTP_PROXY that Python's
// http.client refuses, botocore fixes up or urllib3 cannot parse); and the profile's
// parameter_validation turned off (`v-pv-`: what is then sent, and what the serializer refuses);
// the profile's cognito-idp signature_version (`v-sig-`); pairs of bad settings (`pair-`, and
// `np-` for the three above), to see which one is reported.
// `recordedAs: cogsignout` cases were recorded with the AWS CLI's usage text naming cogsignout
// (its USAGE and HELP_BLURB patched): a table or YAML error holding the usage text is as wide,
// and folded where, the program's name makes it.
// Replayed against the built CLI and the project's local endpoint: exact stdout, stderr and exit
// code, and the requests the endpoint received. The conformance stub's special users are the
// endpoint's faults, with the stub's own answers.
import { describe, expect, it } from 'vitest';
import { loadSweepFixture } from '../support/recordings.js';
import { replayEndpoint } from '../support/replay.js';
import { comparedRequests, stubAnswer } from '../support/stub-users.js';

const FIXTURE = loadSweepFixture('variant-sweep-recordings.json');

const KEYS = [
  ['AKIDEXAMPLETEST', 'test-secret-access-key'], ['AKIDDEV', 's1'], ['AKIDOTHER', 's2'], ['AKIDDEFAULT', 'secret-default'],
].map(([accessKeyId, secretAccessKey]) => ({ accessKeyId: accessKeyId as string, secretAccessKey: secretAccessKey as string }));

const userOf = (body: unknown): string => {
  const user = (body as { Username?: unknown } | null)?.Username;
  return typeof user === 'string' ? user : '';
};

// The users the stub answered 200 {} (any it does not know, and flaky-500 after its two 500s);
// no-such-user is the endpoint's own UserNotFoundException (and its own unsigned-request error).
const ANSWERED = new Set(FIXTURE.cases.flatMap((c) => c.requests.map((q) => userOf(q.body))));
const endpoint = replayEndpoint({
  keys: KEYS,
  closedPort: true,
  users: [...ANSWERED].filter((u) => u !== '' && u !== 'no-such-user' && (stubAnswer(u, '') === undefined || u === 'flaky-500')),
});

describe('variant sweep: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  it('has its fixture', () => {
    expect(FIXTURE.cases.length).toBeGreaterThan(40);
  });
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      // The user and pool the recording sent (the stub chose its answer by them).
      const user = userOf(c.requests[0]?.body);
      const pool = String((c.requests[0]?.body as { UserPoolId?: unknown } | undefined)?.UserPoolId ?? '');
      // A session token the endpoint's keys do not hold: answered 200 {} before the signature check.
      const tokened = c.requests.some((q) => (q.securityToken ?? null) !== null);
      // `v-pv-`, `v-pv2-`, `v-cf-pv-`, `v-sel-pv-`, `np-pv-`: parameter_validation = false sends the
      // input the endpoint's own checks refuse (an empty name, a number); the stub answered 200 {}.
      const unvalidated = /^(v-(cf-|sel-)?pv2?|np-pv)-/.test(c.id) && user !== 'no-such-user';
      const blanket = tokened || unvalidated;
      const stub = blanket ? { answer: { status: 200, body: '{}' } } : user === 'no-such-user' ? undefined : stubAnswer(user, pool);
      const r = await endpoint.run(c, FIXTURE.defaults.env, (server) => {
        if (stub) server.injectFault({ ...(blanket ? { operation: 'AdminUserGlobalSignOut' } : { username: user }), kind: 'answer', answer: stub.answer, ...(stub.times ? { times: stub.times } : {}) });
      });
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      if (c.compare !== 'exact') return;
      expect(r.stderr).toBe(c.stderr);
      expect(r.stdout).toBe(c.stdout);
      const sent = endpoint.server().requests.filter((q) => q.operation === 'AdminUserGlobalSignOut');
      const compared = comparedRequests(sent, c.requests, stub === undefined ? 0 : stub.times ?? Infinity, r.norm);
      expect(compared.sent).toEqual(compared.recorded);
    });
  }
});
