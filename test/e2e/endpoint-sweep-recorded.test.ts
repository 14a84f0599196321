// AWS CLI 2.36.7 recordings of the region and endpoint sweep (test/fixtures/endpoint-sweep-recordings.json):
// the region from --region, AWS_REGION, AWS_DEFAULT_REGION and the profile, empty, padded and
// malformed (botocore's format check, with Python's `$` that lets a final newline through), and
// the signing region each gives; the default endpoint per partition (aws, cn, us-gov, iso, isob,
// isoe, isof, eusc, unknown names, upper case) with FIPS and dual-stack from the environment and
// the profile (true, TRUE, 1, yes, empty, invalid), FIPS pseudo-regions (`fips-us-east-1`,
// `us-east-1-fips`: normalized, FIPS on, signed for the plain region), and the partitions that have
// no dual-stack cognito-idp endpoint (botocore's legacy resolver refuses them whatever the
// endpoint); configured endpoints (AWS_ENDPOINT_URL[_COGNITO_IDENTITY_PROVIDER], the profile's
// endpoint_url, `services` sections under both keys) against each other, --endpoint-url and
// ignore_configured_endpoint_urls in every spelling; --endpoint-url forms (IPv6, ports, userinfo,
// query, fragment, schemes, IDNA, trailing dots, paths with dot segments).
// Replayed in process against the local endpoint (its pool has alice, who signs out): exact stdout, stderr and exit code, and the
// bodies and signing regions the endpoint received. `network: isolated-only` cases were recorded
// where no DNS name resolves, so the error names the URL the AWS CLI resolved; here every host
// name lookup but localhost's fails the same way for the file's duration (so no case can reach
// AWS), and those cases are left out when the CLI runs as a process (COGSO_TEST_SPAWN=1).
import dns from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSweepFixture, type SweepCase } from '../support/recordings.js';
import { replayEndpoint } from '../support/replay.js';

interface EndpointCase extends SweepCase {
  readonly network?: string;
  /** With the path and query each request was sent to. */
  readonly requests: Array<SweepCase['requests'][number] & { readonly url: string }>;
}

const FIXTURE = loadSweepFixture<EndpointCase>('endpoint-sweep-recordings.json');
const SPAWNED = process.env.COGSO_TEST_SPAWN === '1';

const endpoint = replayEndpoint({ closedPort: true, users: ['alice'] });

type Lookup = typeof dns.lookup;
const realLookup: Lookup = dns.lookup;
beforeAll(() => {
  const failing = ((hostname: string, ...rest: unknown[]) => {
    if (hostname === 'localhost' || hostname === 'localhost.') {
      return (realLookup as (...a: unknown[]) => void)(hostname, ...rest);
    }
    const callback = rest[rest.length - 1] as (e: NodeJS.ErrnoException) => void;
    const e: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo', hostname });
    process.nextTick(() => callback(e));
    return undefined;
  }) as unknown as Lookup;
  dns.lookup = failing;
});
afterAll(() => {
  dns.lookup = realLookup;
});

describe('region and endpoint resolution: AWS CLI 2.36.7 recordings replayed against the local endpoint', () => {
  it('has its fixture', () => {
    expect(FIXTURE.cases.length).toBeGreaterThan(300);
  });
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip' && !(SPAWNED && x.network === 'isolated-only'))) {
    // The recording stub answers any path but `/` (a query included) with 404 UnknownOperationException.
    const elsewhere = c.requests.some((q) => q.url !== '/');
    it(c.id, async () => {
      const r = await endpoint.run(c, FIXTURE.defaults.env, elsewhere ? (server) => {
        server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'answer', answer: {
          status: 404, body: JSON.stringify({ __type: 'UnknownOperationException' }),
          headers: { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-ErrorType': 'UnknownOperationException', 'x-amzn-ErrorMessage': '' },
        } });
      } : undefined);
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      if (c.compare !== 'exact') return;
      expect(r.stderr).toBe(c.stderr);
      expect(r.stdout).toBe(c.stdout);
      // An answer fault is given before the signature is read: then the bodies alone.
      const seen = (q: { body: unknown; region: string | null }) => (elsewhere ? { body: q.body } : { body: q.body, region: q.region });
      expect(r.sent.map(seen)).toEqual(c.requests.map(seen));
    });
  }
});

describe('a region with a final newline, signed (a deliberate difference: README "Differences from the AWS CLI")', () => {
  it('names the Authorization header the AWS CLI quotes with its signature', async () => {
    const c = FIXTURE.cases.find((x) => x.id === 'ep2-nl-unsigned');
    if (c === undefined) throw new Error('no ep2-nl-unsigned case');
    const r = await endpoint.run({ ...c, args: c.args.filter((a) => a !== '--no-sign-request') }, FIXTURE.defaults.env);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 255, stdout: '', stderr: "\ncogsignout: [ERROR]: An HTTP Client raised an unhandled exception: Invalid header value for 'authorization'\n",
    });
  });
});
