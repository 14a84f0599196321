// AWS CLI 2.36.7 recordings of the cross-family sweep (test/fixtures/cross-sweep-recordings.json):
// cases made by scripts/gen-cross-sweep.mjs, each combining 2 to 6 ingredients of the public
// cases' families (parameter spellings and positions, --output and --query from the flag, the
// environment and the profile, every stub user, --cli-input-json/yaml, skeletons, validation
// failures, profiles and credentials, region, endpoint, retries, pager, --color,
// --cli-error-format from everywhere, the session flags, --version and help in odd places), and
// hand-made ones: `xt1-` and `xt4-`, an invalid error format from the environment or the profile
// next to an error raised before the AWS CLI sets its logging up (main-parser errors, the
// top-level checks), whose warning Python's last-resort handler prints bare on stderr, and the
// errors it does not print for (later ones, the first pass's, a flag's profile); `xt2-`, errors
// of every stage with an error format from the environment or the profile; `xt3-`, the stub's
// odd answers through every output, query and color; `xt5-`, --version after an option argparse
// refuses (the error, with the warning, wins); `xt6-`, the error format of the environment's
// profile (AWS_PROFILE, AWS_DEFAULT_PROFILE) before --profile takes over.
// Replayed in process against the project's local endpoint: exact stdout, stderr and exit code,
// and the requests the endpoint received. The conformance stub's special users are the endpoint's
// faults, with the stub's own answers (test/support/stub-users.ts).
import { describe, expect, it } from 'vitest';
import type { FaultAnswer } from '../../local-cognito/faults.js';
import { loadSweepFixture, RECORDED_POOL, type SweepCase } from '../support/recordings.js';
import { replayEndpoint } from '../support/replay.js';
import { comparedRequests, MISSING_AUTH_ANSWER, stubAnswer } from '../support/stub-users.js';

const FIXTURE = loadSweepFixture<SweepCase & { readonly requests: FixtureRequest[] }>('cross-sweep-recordings.json');

const KEYS = [['AKIDEXAMPLETEST', 'test-secret-access-key'], ['AKIDDEV', 's1'], ['AKIDOTHER', 's2']]
  .map(([accessKeyId, secretAccessKey]) => ({ accessKeyId: accessKeyId as string, secretAccessKey: secretAccessKey as string }));

const field = (body: unknown, name: string): unknown => (body as Record<string, unknown> | null)?.[name];
const userOf = (body: unknown): string => {
  const user = field(body, 'Username');
  return typeof user === 'string' ? user : '';
};

interface FixtureRequest {
  readonly url?: string;
  readonly body: unknown;
  readonly accessKeyId: string | null;
  readonly securityToken?: string | null;
}

/**
 * A request the stub answered 200 {} that the endpoint would answer otherwise: another pool, a
 * name the endpoint's users cannot have (empty, too long, a newline from a file), a session token
 * its keys do not hold.
 */
const answeredBlindly = (q: FixtureRequest): boolean =>
  field(q.body, 'UserPoolId') !== RECORDED_POOL || !/^[\w.@+-]{1,128}$/.test(userOf(q.body)) || (q.securityToken ?? null) !== null;

/** The stub's answer to a request sent to any path but `/` (an endpoint URL with a path). */
const UNKNOWN_OPERATION: FaultAnswer = {
  status: 404,
  body: JSON.stringify({ __type: 'UnknownOperationException' }),
  headers: { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-ErrorType': 'UnknownOperationException', 'x-amzn-ErrorMessage': '' },
};

// The users the stub answered 200 {} (any it does not know, and flaky-500 after its two 500s).
const ANSWERED = new Set(FIXTURE.cases.flatMap((c) => c.requests.filter((q) => !answeredBlindly(q)).map((q) => userOf(q.body))));
const endpoint = replayEndpoint({ keys: KEYS, closedPort: true, users: [...ANSWERED].filter((u) => stubAnswer(u, '') === undefined || u === 'flaky-500') });

describe('cross-family sweep: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  it('has its fixture', () => {
    expect(FIXTURE.cases.length).toBeGreaterThan(100);
  });
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      const first = c.requests[0];
      const user = userOf(first?.body);
      const unsigned = first !== undefined && first.accessKeyId === null;
      const stub = first === undefined ? undefined
        : (first.url ?? '/') !== '/' ? { answer: UNKNOWN_OPERATION }
        : unsigned && user !== 'anonymous-ok' ? { answer: MISSING_AUTH_ANSWER }
          : stubAnswer(user, String(field(first.body, 'UserPoolId') ?? ''))
            ?? (answeredBlindly(first) ? { answer: { status: 200, body: '{}' } } : undefined);
      const r = await endpoint.run(c, FIXTURE.defaults.env, (server) => {
        if (stub) server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'answer', answer: stub.answer, ...('times' in stub ? { times: stub.times } : {}) });
      });
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      if (c.compare !== 'exact') return;
      expect(r.stderr).toBe(c.stderr);
      expect(r.stdout).toBe(c.stdout);
      const sent = endpoint.server().requests.filter((q) => q.operation === 'AdminUserGlobalSignOut');
      const compared = comparedRequests(sent, c.requests, stub === undefined ? 0 : ('times' in stub ? stub.times : undefined) ?? Infinity, r.norm);
      expect(compared.sent).toEqual(compared.recorded);
    });
  }
});
