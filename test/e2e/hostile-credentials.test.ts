// Hostile servers in the place of the credential providers' own endpoints: STS (an assume-role
// profile, AWS_ENDPOINT_URL_STS) and the container credentials endpoint
// (AWS_CONTAINER_CREDENTIALS_FULL_URI). Their calls share http-send.ts's bounds with the Cognito
// call: a body past 64 KiB stops the call, the read timeout bounds the whole answer. A server
// that never answers gets the AWS CLI's message (test/fixtures/hostile-credentials-recordings.json);
// one that floods or trickles gets cogsignout's (the AWS CLI reads any amount and waits forever).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server, Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli, type RunOptions, type RunResult } from '../support/cli.js';
import { fastTimer, flood, rawServer as sharedRawServer, RUN_SPEED, trickle } from '../support/hostile-peers.js';
import { runMeasured } from '../support/peak-rss.js';

const RECORDED = JSON.parse(readFileSync(new URL('../fixtures/hostile-credentials-recordings.json', import.meta.url), 'utf8')) as Record<string, { stderr: string; code: number }>;
const MAX_RSS = `${REPO}/test/support/max-rss.cjs`;
const servers: Server[] = [];
afterAll(() => { for (const s of servers) s.close(); });

const rawServer = (answer: Parameters<typeof sharedRawServer>[1]): Promise<string> => sharedRawServer(servers, answer);


const endless = (s: Socket): void => {
  s.write('HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n');
  flood(s, Buffer.from(`10000\r\n${'a'.repeat(0x10000)}\r\n`));
};
const hundredMegabytes = (s: Socket): void => {
  s.write('HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 100000000\r\n\r\n');
  flood(s, Buffer.alloc(64 * 1024, 'a'), 1526);
};
/** A 100 MB body with no length, ended by closing the connection: read until the limit. */
const unannounced = (s: Socket): void => {
  s.write('HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nConnection: close\r\n\r\n');
  flood(s, Buffer.alloc(64 * 1024, 'a'), 1526);
};


// The Cognito endpoint is never reached: the credentials fail first.
const signOut = ['admin-user-global-sign-out', '--endpoint-url', 'http://127.0.0.1:9', '--user-pool-id', 'us-east-1_X', '--username', 'u'];
const noEnvKeys = { AWS_ACCESS_KEY_ID: null, AWS_SECRET_ACCESS_KEY: null };
const assumeRole = (sts: string): RunOptions => ({
  env: { ...noEnvKeys, AWS_PROFILE: 'ar', AWS_ENDPOINT_URL_STS: sts },
  files: { '.aws/config': '[profile ar]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = src\n\n[profile src]\naws_access_key_id = a\naws_secret_access_key = b\n' },
});
const fast = (o: RunOptions): RunOptions => ({ ...o, factory: { timer: fastTimer } });
const container = (url: string): RunOptions => ({ env: { ...noEnvKeys, AWS_CONTAINER_CREDENTIALS_FULL_URI: `${url}/creds` } });
const containerError = (url: string, reason: string): string =>
  `\ncogsignout: [ERROR]: Error when retrieving credentials from container-role: Error retrieving metadata: Received error when attempting to retrieve container metadata: ${reason}\n`;
const recorded = (id: string, url: string): { code: number; stderr: string } => {
  const r = RECORDED[id];
  if (r === undefined) throw new Error(`no recording ${id}`);
  return { code: r.code, stderr: r.stderr.replaceAll('aws: [ERROR]', 'cogsignout: [ERROR]').replaceAll('PORT', new URL(url).port) };
};

// Every case has its own server and its own process: all side by side.
describe.concurrent('STS (assume-role) answers that would exhaust memory', () => {
  for (const [name, answer] of [['an endless chunked body', endless], ['a 100 MB body announced by Content-Length', hundredMegabytes], ['a 100 MB body with no length', unannounced]] as const) {
    it(`${name}: stopped at 64 KiB, exit 255, memory bounded`, async ({ expect }) => {
      const url = await rawServer(answer);
      const r = await runMeasured(signOut, assumeRole(url));
      expect(r).toMatchObject({ code: 255, stdout: '', stderr: `\ncogsignout: [ERROR]: Response body too large (more than 65536 bytes) from endpoint URL: "${url}/"\n` });
      expect(r.maxRssMiB).toBeGreaterThan(0);
      expect(r.maxRssMiB).toBeLessThan(100);
    });
  }
});

describe.concurrent('container credentials endpoint', () => {
  for (const [name, answer] of [['an endless chunked body', endless], ['a 100 MB body announced by Content-Length', hundredMegabytes]] as const) {
    it(`${name}: stopped at 64 KiB at the first attempt, exit 255, memory bounded`, async ({ expect }) => {
      let connections = 0;
      const url = await rawServer((s) => { connections++; answer(s); });
      const r = await runMeasured(signOut, container(url));
      expect(r).toMatchObject({ code: 255, stdout: '', stderr: containerError(url, `Response body too large (more than 65536 bytes) from endpoint URL: "${url}/creds"`) });
      expect(r.maxRssMiB).toBeGreaterThan(0);
      expect(r.maxRssMiB).toBeLessThan(100);
      expect(connections).toBe(1);
    });
  }

  // Each waits out botocore's 2 s container timeout three times (1 s apart): in this process, on
  // a clock SPEED times faster (the server's pace scaled alike), the waits between attempts
  // recorded instead of waited for.
  it('a server that never answers: the AWS CLI\'s message after 3 attempts', async ({ expect }) => {
    let connections = 0;
    const url = await rawServer(() => { connections++; });
    const r = await runCli(signOut, fast(container(url)));
    expect(r).toMatchObject({ ...recorded('container-hung', url), stdout: '' });
    expect(connections).toBe(3);
    if (r.waits) expect(r.waits).toEqual([1000, 1000, 1000]);
  });

  it('a body sent one byte a second after a 200: the 2 s read timeout bounds the whole answer', async ({ expect }) => {
    let connections = 0;
    const url = await rawServer((s) => {
      connections++;
      s.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n');
      trickle(s, ' '.repeat(1000), 1000 / RUN_SPEED);
    });
    const r = await runCli(signOut, fast(container(url)));
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: containerError(url, `Read timeout on endpoint URL: "${url}/creds"`) });
    expect(connections).toBe(3);
  });

  it('headers sent one byte a second: the same', async ({ expect }) => {
    const url = await rawServer((s) => trickle(s, `HTTP/1.1 200 OK\r\nX-Slow: ${'a'.repeat(1000)}`, 1000 / RUN_SPEED));
    const r = await runCli(signOut, fast(container(url)));
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: containerError(url, `Read timeout on endpoint URL: "${url}/creds"`) });
  });
});
