// The credential providers' calls (remote.ts) against hostile servers on 127.0.0.1, called
// directly so that their timeouts can be shortened to below a second (the CLI's flags take whole
// seconds): every call has the body limit and the whole-answer read timeout.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { callSsoPortal, callSts, MAX_CREDENTIAL_BODY_BYTES, refreshSsoToken } from '../../src/credentials/remote.js';

const servers: Server[] = [];
afterAll(() => { for (const s of servers) s.close(); });

/** Answers each request, once its headers are in, with `answer`; counts the connections. */
async function rawServer(answer: (socket: Socket) => void): Promise<{ url: string; connections: () => number }> {
  let count = 0;
  const server = createServer((socket) => {
    count++;
    socket.on('error', () => {});
    let buf = '';
    let answered = false;
    socket.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      if (answered || !buf.includes('\r\n\r\n')) return;
      answered = true;
      answer(socket);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => count };
}

function endless(s: Socket): void {
  s.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
  const chunk = Buffer.from(`10000\r\n${'a'.repeat(0x10000)}\r\n`);
  const pump = (): void => { while (!s.destroyed) if (!s.write(chunk)) { s.once('drain', pump); return; } };
  pump();
}

function drip(s: Socket): void {
  s.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n');
  const timer = setInterval(() => { if (!s.destroyed) s.write(' '); }, 100);
  s.on('close', () => clearInterval(timer));
}

const sts = (endpoint: string) => ({
  endpoint, region: 'us-east-1', action: 'AssumeRole' as const,
  params: [['RoleArn', 'arn:aws:iam::123456789012:role/r'], ['RoleSessionName', 's']] as const,
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
});
const noSleep = { sleep: async (): Promise<void> => {} };

describe('body limit', () => {
  it('is 64 KiB', () => expect(MAX_CREDENTIAL_BODY_BYTES).toBe(65536));

  it('STS: an endless body is final (not retried)', async () => {
    const server = await rawServer(endless);
    await expect(callSts(sts(server.url), { maxAttempts: 3, ...noSleep }))
      .rejects.toThrow(`Response body too large (more than 65536 bytes) from endpoint URL: "${server.url}/"`);
    expect(server.connections()).toBe(1);
  });

  it('SSO portal GetRoleCredentials', async () => {
    const server = await rawServer(endless);
    const call = { endpoint: server.url, accessToken: 't', roleName: 'r', accountId: '123456789012' };
    await expect(callSsoPortal(call, { maxAttempts: 3, ...noSleep }, () => new Error('unauthorized')))
      .rejects.toThrow(`Response body too large (more than 65536 bytes) from endpoint URL: "${server.url}/federation/credentials?role_name=r&account_id=123456789012"`);
  });

  it('SSO-OIDC token refresh', async () => {
    const server = await rawServer(endless);
    const call = { endpoint: server.url, clientId: 'c', clientSecret: 's', refreshToken: 'r' };
    await expect(refreshSsoToken(call, { maxAttempts: 3, ...noSleep }))
      .rejects.toThrow(`Response body too large (more than 65536 bytes) from endpoint URL: "${server.url}/token"`);
  });
});

// Each its own server, waiting out its timeouts: side by side.
describe.concurrent('read timeout over the whole answer', () => {
  it('STS: a body dripped faster than the timeout still times out, and is retried', async ({ expect }) => {
    const server = await rawServer(drip);
    await expect(callSts(sts(server.url), { maxAttempts: 2, timeoutMs: 400, ...noSleep }))
      .rejects.toThrow(`Read timeout on endpoint URL: "${server.url}/"`);
    expect(server.connections()).toBe(2);
  });

  it('SSO-OIDC token refresh: the same', async ({ expect }) => {
    const server = await rawServer(drip);
    const call = { endpoint: server.url, clientId: 'c', clientSecret: 's', refreshToken: 'r' };
    await expect(refreshSsoToken(call, { maxAttempts: 1, timeoutMs: 400, ...noSleep }))
      .rejects.toThrow(`Read timeout on endpoint URL: "${server.url}/token"`);
  });
});
