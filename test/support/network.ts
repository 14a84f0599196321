// Real servers for the network tests, all on 127.0.0.1: an HTTPS front for the local Cognito
// endpoint with a self-signed certificate made at test time, and a proxy (CONNECT for https,
// absolute-URI forwarding for http) that records what went through it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSigned { readonly certPath: string; readonly keyPath: string; readonly cert: Buffer; readonly key: Buffer }

export function makeSelfSignedCert(): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), 'cogso-tls-'));
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '2', '-keyout', keyPath, '-out', certPath], { stdio: 'ignore' });
  return { certPath, keyPath, cert: readFileSync(certPath), key: readFileSync(keyPath) };
}

const listen = (server: Server): Promise<number> => new Promise((resolve) => {
  server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
});

/** An HTTPS endpoint that hands every request, Host header included, to an HTTP one. */
export async function startTlsFront(targetUrl: string, tls: SelfSigned): Promise<{ url: string; close(): void }> {
  const target = new URL(targetUrl);
  const server = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  const port = await listen(server);
  return { url: `https://127.0.0.1:${port}`, close: () => { server.closeAllConnections(); server.close(); } };
}

export interface ProxyLog { readonly method: string; readonly target: string; readonly authorization: string | undefined }

export async function startRecordingProxy(): Promise<{ url: string; port: number; log: ProxyLog[]; close(): void }> {
  const log: ProxyLog[] = [];
  const server = createHttpServer((req, res) => {
    // Plain HTTP through a proxy: the request line carries the absolute URL.
    log.push({ method: req.method ?? '', target: req.url ?? '', authorization: req.headers['proxy-authorization'] });
    const url = new URL(req.url ?? '');
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = httpRequest({ host: url.hostname, port: url.port, method: req.method, path: url.pathname + url.search, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket, head) => {
    log.push({ method: 'CONNECT', target: req.url ?? '', authorization: req.headers['proxy-authorization'] });
    const [host, port] = (req.url ?? '').split(':') as [string, string];
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, port, log, close: () => { server.closeAllConnections(); server.close(); } };
}

/**
 * A port on 127.0.0.1 where nothing listens, for "could not connect": one below the kernel's
 * ephemeral range, so no server anywhere on the machine that listens on port 0 can be handed it
 * between the check and its use (a port taken with listen(0) and closed again could be).
 */
export async function refusedPort(): Promise<number> {
  for (const port of [1, 9, 19, 47, 49, 63, 83, 97]) {
    // [::1] too, for the cases that name localhost; a machine without IPv6 cannot listen there.
    const answers = await Promise.all(['127.0.0.1', '::1'].map((host) => new Promise<string>((resolve) => {
      const socket = connect(port, host);
      socket.once('connect', () => { socket.destroy(); resolve('listening'); });
      socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    })));
    if (answers[0] === 'ECONNREFUSED' && answers[1] !== 'listening') return port;
  }
  throw new Error('every candidate port below 100 on 127.0.0.1 has a listener');
}
