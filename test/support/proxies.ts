// The proxies of the proxy sweep (test/fixtures/proxy-sweep-recordings.json), on 127.0.0.1, as
// the sweep's recorder ran them beside the AWS CLI: one that forwards every absolute-form request
// to one endpoint and tunnels every CONNECT to another (whatever host either names), the same over
// TLS, and misbehaving ones (407 or 502 to everything, a connection closed at once, a reply that
// is not HTTP, a request dropped or a tunnel closed once made). Each logs what it received as the fixture's `proxyLog` does.
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { SelfSigned } from './network.js';

export interface ProxyLogEntry {
  readonly method: string;
  readonly target: string;
  /** `Basic user:password` decoded (the fixture's form), the raw value otherwise, null when absent. */
  readonly proxyAuthorization?: string | null;
  /** The misbehaving proxies: the status they answered, or `drop`. */
  readonly answered?: number | string;
}

export interface SweepProxies {
  /** The ports by the fixture's placeholder names (PROXY_PORT, TPROXY_PORT, PDENY_PORT, PGATE_PORT, PCLOSE_PORT, PJUNK_PORT, PDROP_PORT). */
  readonly ports: Readonly<Record<string, number>>;
  readonly log: ProxyLogEntry[];
  close(): void;
}

const decodeAuth = (v: string | undefined): string | null => {
  if (v === undefined) return null;
  const m = /^Basic (.*)$/.exec(v);
  return m ? `Basic ${Buffer.from(m[1] as string, 'base64').toString('utf8')}` : v;
};

const listen = (server: Server | ReturnType<typeof createNetServer>): Promise<number> => new Promise((resolve) => {
  server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
});

/**
 * `http`: where absolute-form requests go (an http URL; https targets go to `tls` instead);
 * `tls`: where CONNECT tunnels go, unless they name http's port.
 */
export async function startSweepProxies(http: string, tls: string, cert: SelfSigned): Promise<SweepProxies> {
  const log: ProxyLogEntry[] = [];
  const plain = new URL(http);
  const secure = new URL(tls);
  const servers: Array<Server | ReturnType<typeof createNetServer>> = [];

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    log.push({ method: req.method ?? '', target: req.url ?? '', proxyAuthorization: decodeAuth(req.headers['proxy-authorization']) });
    let url: URL;
    try { url = new URL(req.url ?? ''); } catch { res.writeHead(400); res.end('bad request line'); return; }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const to = url.protocol === 'https:' ? secure : plain;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const up = send({ host: to.hostname, port: to.port, method: req.method, path: url.pathname + url.search, headers, rejectUnauthorized: false }, (u) => {
      res.writeHead(u.statusCode ?? 502, u.headers);
      u.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  };
  const tunnel = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    log.push({ method: 'CONNECT', target: req.url ?? '', proxyAuthorization: decodeAuth(req.headers['proxy-authorization']) });
    const port = Number((req.url ?? '').split(':').pop());
    const to = port === Number(plain.port) ? plain : secure;
    const up = connect(Number(to.port), to.hostname, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
  };
  const answering = (status: number, reason: string, extra: Record<string, string> = {}): Server => {
    const body = `<html><body>${status} ${reason}</body></html>\n`;
    const s = createHttpServer((req, res) => {
      log.push({ method: req.method ?? '', target: req.url ?? '', proxyAuthorization: decodeAuth(req.headers['proxy-authorization']), answered: status });
      res.writeHead(status, reason, { 'Content-Type': 'text/html', ...extra });
      res.end(body);
    });
    s.on('connect', (req: IncomingMessage, socket: Duplex) => {
      log.push({ method: 'CONNECT', target: req.url ?? '', proxyAuthorization: decodeAuth(req.headers['proxy-authorization']), answered: status });
      socket.end(`HTTP/1.1 ${status} ${reason}\r\n${Object.entries(extra).map(([k, v]) => `${k}: ${v}\r\n`).join('')}Content-Length: ${body.length}\r\nContent-Type: text/html\r\n\r\n${body}`);
    });
    return s;
  };

  const fwd = createHttpServer(forward);
  fwd.on('connect', tunnel);
  const tfwd = createHttpsServer({ key: cert.key, cert: cert.cert }, forward);
  tfwd.on('connect', tunnel);
  const deny = answering(407, 'Proxy Authentication Required', { 'Proxy-Authenticate': 'Basic realm="proxy"' });
  const gate = answering(502, 'Bad Gateway');
  const closing = createNetServer((s: Socket) => { log.push({ method: 'TCP', target: 'closed' }); s.destroy(); });
  const junk = createNetServer((s: Socket) => { log.push({ method: 'TCP', target: 'junk' }); s.on('error', () => {}); s.end('SSH-2.0-OpenSSH_9.2\r\n'); });
  // Drops a forwarded request unanswered; closes a CONNECT tunnel just after saying it is up.
  const drop = createHttpServer((req) => { log.push({ method: req.method ?? '', target: req.url ?? '', answered: 'drop' }); req.socket.destroy(); });
  drop.on('connect', (req: IncomingMessage, socket: Duplex) => {
    log.push({ method: 'CONNECT', target: req.url ?? '', answered: 'drop' });
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    setTimeout(() => socket.destroy(), 20);
  });
  servers.push(fwd, tfwd, deny, gate, closing, junk, drop);
  const [PROXY_PORT, TPROXY_PORT, PDENY_PORT, PGATE_PORT, PCLOSE_PORT, PJUNK_PORT, PDROP_PORT] = await Promise.all(servers.map(listen)) as number[];
  return {
    ports: { PROXY_PORT, TPROXY_PORT, PDENY_PORT, PGATE_PORT, PCLOSE_PORT, PJUNK_PORT, PDROP_PORT } as Record<string, number>,
    log,
    close() {
      for (const s of servers) {
        if ('closeAllConnections' in s) s.closeAllConnections();
        s.close();
      }
    },
  };
}
