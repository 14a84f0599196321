// AWS CLI 2.36.7 recordings of the proxy sweep (test/fixtures/proxy-sweep-recordings.json): which
// variable names the proxy (HTTP_PROXY / http_proxy in any case, the lowercase suffix winning, an
// empty one removing it, REQUEST_METHOD dropping HTTP_PROXY, ALL_PROXY and the other scheme's
// ignored), NO_PROXY as urllib matches it (host, suffix, leading dots, ports only where the URL
// names one, `*` only alone, no CIDR, IPv6 brackets, user-info), proxies that refuse, answer 407
// or 502, close or are not HTTP, malformed proxy URLs, credentials (sent only with a user and a
// password, percent-decoded, non-ASCII failing as Python's encoder does, masked in messages),
// plain http forwarded by absolute URL, https through CONNECT (CA bundle, --no-verify-ssl,
// certificate and name failures), https proxy URLs (TLS to the proxy and urllib3's warnings),
// proxies_config in the config file (which the AWS CLI does not read) and the start path.
// Replayed in process against the local endpoint behind real proxies on 127.0.0.1 (the
// recorder's, test/support/proxies.ts) and an https front: exact stdout, stderr and exit code,
// the bodies the endpoint received and what each proxy received. The password of every case
// appears in no output, --debug included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCognito } from '../../local-cognito/server.js';
import { loadSweepFixture, maskPort, type SweepCase } from '../support/recordings.js';
import { replayEndpoint } from '../support/replay.js';
import { makeSelfSignedCert, startTlsFront, type SelfSigned } from '../support/network.js';
import { startSweepProxies, type ProxyLogEntry, type SweepProxies } from '../support/proxies.js';
import { stubAnswer } from '../support/stub-users.js';

interface ProxyCase extends SweepCase {
  readonly description: string;
  readonly proxyLog: ProxyLogEntry[];
  /** A deliberate difference (README "Differences from the AWS CLI"): what cogsignout prints instead. */
  readonly difference?: { readonly why: string; readonly stderr: string };
}

const FIXTURE = loadSweepFixture<ProxyCase>('proxy-sweep-recordings.json');
const SECRETS = ['hunter2secret', Buffer.from('bob:hunter2secret').toString('base64')];

const endpoint = replayEndpoint({ users: ['alice'], closedPort: true });
let tls: SelfSigned;
let front: Awaited<ReturnType<typeof startTlsFront>>;
let proxies: SweepProxies;

beforeAll(async () => {
  tls = makeSelfSignedCert();
  front = await startTlsFront(endpoint.target().url, tls);
  proxies = await startSweepProxies(endpoint.target().url, front.url, tls);
});
afterAll(() => {
  proxies.close();
  front.close();
});

/** The case with this file's servers put in for the fixture's placeholders (prepareReplay does the endpoint's). */
function withServers(c: ProxyCase): ProxyCase {
  const vars: Record<string, string> = {
    ...Object.fromEntries(Object.entries(proxies.ports).map(([k, v]) => [k, String(v)])),
    PROXY: `http://127.0.0.1:${proxies.ports.PROXY_PORT}`,
    TLS_PORT: new URL(front.url).port,
    TLS_ENDPOINT: front.url,
    CERT: tls.certPath,
  };
  const sub = (s: string): string => s.replace(/\{\{([A-Z_]+)\}\}/g, (m, k: string) => vars[k] ?? m);
  return {
    ...c,
    args: c.args.map(sub),
    env: Object.fromEntries(Object.entries(c.env).map(([k, v]) => [k, v === null ? null : sub(v)])),
    files: Object.fromEntries(Object.entries(c.files).map(([k, v]) => [k, sub(v)])),
  };
}

/** This file's ports and certificate in the recording's terms (the proxies' after any host: `LOCALHOST`, `127.0.0.%31`). */
function asRecordedServers(text: string): string {
  let out = text.split(tls.certPath).join('<CERT>');
  out = maskPort(out, Number(new URL(front.url).port), '<TLS_PORT>');
  for (const [name, port] of Object.entries(proxies.ports)) out = out.replace(new RegExp(`(?<=[A-Za-z0-9.%\\]]):${port}(?![\\d\\]])`, 'g'), `:<${name}>`);
  // The refused port is a small number (1) that cases also name: only after the host that needs it.
  out = out.replaceAll(`LOCALHOST:${endpoint.target().closedPort ?? ''}"`, 'LOCALHOST:<CLOSED_PORT>"');
  return out;
}

/** The stub's own answers to the users the cases name (anything else is the endpoint's). */
function stubUsers(server: LocalCognito): void {
  const answer = stubAnswer('anonymous-ok', '');
  if (answer) server.injectFault({ username: 'anonymous-ok', kind: 'answer', answer: answer.answer });
}

describe('proxies: AWS CLI 2.36.7 recordings replayed through real proxies', () => {
  it('has its fixture', () => {
    expect(FIXTURE.cases.length).toBeGreaterThan(100);
  });
  for (const c of FIXTURE.cases.filter((x) => x.compare !== 'skip')) {
    it(c.id, async () => {
      proxies.log.length = 0;
      const r = await endpoint.run(withServers(c), FIXTURE.defaults.env, stubUsers);
      for (const secret of SECRETS) {
        expect(r.raw.stdout).not.toContain(secret);
        expect(r.raw.stderr).not.toContain(secret);
      }
      expect({ code: r.code }).toEqual({ code: c.exitCode });
      const log = proxies.log.map((e) => JSON.parse(asRecordedServers(r.norm(JSON.stringify(e)))) as unknown);
      expect(log).toEqual(c.proxyLog);
      expect(r.sent.map((q) => q.body)).toEqual(c.requests.map((q) => q.body));
      if (c.compare !== 'exact') return;
      expect(asRecordedServers(r.stderr)).toBe(c.difference?.stderr ?? c.stderr);
      expect(asRecordedServers(r.stdout)).toBe(c.stdout);
    });
  }
});
