// One HTTP exchange with the bounds the CLI promises, whatever the server or the network does:
// - the connect timeout covers the TCP connection and, as in urllib3, the TLS handshake (a
//   stalled handshake is reported as a read timeout there, and so here);
// - the read timeout bounds every wait between two reads, as botocore's does, and also the whole
//   answer: headers and body must be complete within it, so a server trickling a byte at a time
//   cannot keep a call alive (the AWS CLI waits forever for one);
// - the body is read up to a limit, checked against Content-Length first and then as it arrives
//   (chunked bodies have no length), so an endless or huge answer cannot exhaust memory.
// Failures are TransportFailure (or BodyTooLargeError), classified the way urllib3 and botocore
// classify theirs, so that network-errors.ts words them as the AWS CLI does.
import { request as httpRequest, type Agent as HttpAgent, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import { GeneralError } from '../errors/errors.js';

/** `unhandled`: what botocore wraps as an HTTPClientError (retried, worded `An HTTP Client raised an unhandled exception: …`). */
export type TransportFailureKind = 'connect' | 'connect-timeout' | 'read-timeout' | 'closed' | 'proxy' | 'unhandled';

/** A failed exchange, already classified (`cause` is Node's error, when there was one). */
export class TransportFailure extends Error {
  override readonly name = 'TransportFailure';
  constructor(
    readonly kind: TransportFailureKind,
    message: string,
    override readonly cause?: unknown,
    /** kind `proxy`: the proxy's URL, credentials masked. */
    readonly proxyUrl?: string,
  ) {
    super(message);
  }
}

/**
 * The TLS handshake with an https proxy failed for another reason than a certificate (see
 * tunnel-agent.ts), or the TLS connection a forwarded request makes to one did: the proxy's failure.
 */
export class ProxyHandshakeError extends Error {
  override readonly name = 'ProxyHandshakeError';
  constructor(override readonly cause: Error) {
    super(cause.message);
  }
}

/** An answer longer than the limit; final (never retried). */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`response body larger than ${limit} bytes`);
  }
}

export interface Outgoing {
  readonly protocol: string;
  readonly hostname: string;
  readonly port?: number | undefined;
  readonly method: string;
  /** Path and query, or the absolute URL for a forward proxy. */
  readonly path: string;
  /** A plain-http request forwarded by an https proxy: the TLS is the proxy's, and so are its failures. */
  readonly tlsToProxy?: boolean;
  /** TLS only: the name sent as SNI ('' for none), when it is not the host's. */
  readonly servername?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array | undefined;
}

export interface ExchangeLimits {
  /** Called as a new connection is started (not for a kept-alive socket reused): urllib3 logs it. */
  readonly onNewConnection?: () => void;
  /** 0: no limit (the CLI's `0` = no timeout). */
  readonly connectTimeoutMs: number;
  readonly readTimeoutMs: number;
  readonly maxBodyBytes: number;
  /**
   * https only: the CA bundle cannot be used. urllib3 loads it when it wraps a connected socket,
   * so this fails the exchange once the TCP connection is made (a refused or unreachable
   * endpoint is reported as that), before any certificate is checked.
   */
  readonly caFailure?: Error | undefined;
}

export interface Received {
  readonly statusCode: number;
  readonly reason: string | undefined;
  readonly headers: Record<string, string>;
  /** The headers as the server spelled them (urllib3's HTTPHeaderDict, which --debug prints). */
  readonly sentHeaders?: Record<string, string>;
  readonly body: Buffer;
}

/** Node's errors from the HTTP parser: a reply that is not HTTP/1.x. */
const isParseError = (e: unknown): boolean => typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith('HPE_');

const MAX_HEADERS = 100;
export const TLS_EOF = /disconnected before secure TLS connection was established/;
const CANNOT_CONNECT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EAI_NONAME', 'EAI_FAIL']);
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** rawHeaders as urllib3 keeps them: each name as first spelled, repeated ones' values joined. */
function spelledHeaders(raw: readonly string[]): Record<string, string> {
  const byName = new Map<string, [string, string]>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const [name, value] = [raw[i] as string, raw[i + 1] as string];
    const seen = byName.get(name.toLowerCase());
    if (seen) seen[1] += `, ${value}`;
    else byName.set(name.toLowerCase(), [name, value]);
  }
  return Object.fromEntries(byName.values());
}

function flatHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/**
 * Sends one request through `agent` and reads the whole answer. `proxy`: the (masked) URL of the
 * proxy the connection goes through; urllib3 then reports socket failures as the proxy's.
 */
/**
 * Python keeps a socket timeout as int64 nanoseconds: a longer connect timeout fails when urllib3
 * sets it, before anything is sent; a longer read timeout fails when urllib3 sets it after the
 * request is sent (so the server got it), and botocore retries that. Node's timers hold 2^31-1 ms
 * at most (a longer one fires at once), so a timeout past that is kept at it (24.8 days).
 */
const PY_TIMEOUT_MAX_MS = 9_223_372_036_854;
const PY_TIMEOUT_OVERFLOW = 'timestamp too large to convert to C _PyTime_t';
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * Starts a timeout and returns what cancels it. The real one by default; a test hands in one
 * that runs faster than the wall clock (src/cli/factory.ts), with its peers' pace scaled alike.
 */
export type Timer = (fn: () => void, ms: number) => () => void;
const realTimer: Timer = (fn, ms) => {
  const t = setTimeout(fn, Math.min(ms, MAX_TIMER_MS));
  return () => clearTimeout(t);
};

/**
 * What a request's error is, as urllib3 tells them apart (network-errors.ts words them):
 * `beforeProxyAnswer` while a proxy is yet to answer, `tlsToProxy` for an https proxy.
 */
function requestFailure(e: Error, beforeProxyAnswer: boolean, tlsToProxy: boolean, proxyFailure: (cause: unknown) => TransportFailure): Error {
  const code = (e as { code?: string }).code ?? '';
  if (isParseError(e)) return new TransportFailure('closed', e.message, e);
  if (beforeProxyAnswer && (e instanceof ProxyHandshakeError || tlsToProxy)) return proxyFailure(e);
  // A server that hangs up during the handshake: ssl's EOF error, not a dropped connection.
  if (TLS_EOF.test(e.message)) return e;
  const socketFailure = CANNOT_CONNECT.has(code) || CLOSED.has(code) || /socket hang up/.test(e.message);
  if (beforeProxyAnswer && (socketFailure || /^Bad response: \d+$/.test(e.message))) return proxyFailure(e);
  if (CANNOT_CONNECT.has(code)) return new TransportFailure('connect', e.message, e);
  if (code === 'ETIMEDOUT') return new TransportFailure('connect-timeout', e.message, e);
  if (socketFailure) return new TransportFailure('closed', e.message, e);
  return e; // TLS failures and the unforeseen: network-errors.ts words them
}

export function exchange(out: Outgoing, agent: HttpAgent | HttpsAgent, limits: ExchangeLimits, proxy: string | undefined, signal?: AbortSignal, timer: Timer = realTimer): Promise<Received> {
  if (limits.connectTimeoutMs > PY_TIMEOUT_MAX_MS) {
    return Promise.reject(new GeneralError(`An HTTP Client raised an unhandled exception: ${PY_TIMEOUT_OVERFLOW}`, 'HTTPClientError'));
  }
  const viaProxy = proxy !== undefined;
  const proxyFailure = (cause?: unknown): TransportFailure => new TransportFailure('proxy', 'Cannot connect to proxy.', cause, proxy);
  return new Promise<Received>((resolve, reject) => {
    const tls = out.protocol === 'https:';
    const send = tls ? httpsRequest : httpRequest;
    const req = send({
      agent, host: out.hostname, port: out.port, method: out.method, path: out.path, headers: { ...out.headers },
      ...(out.servername === undefined ? {} : { servername: out.servername }),
    });
    let settled = false;
    let socket: Socket | undefined;
    let response: { readonly complete: boolean } | undefined;
    let tcpConnected = false;
    const timers: Array<() => void> = [];
    let idle: (() => void) | undefined;

    const cleanup = (): void => {
      settled = true;
      for (const cancel of timers) cancel();
      if (idle) idle();
      socket?.off('data', touch);
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (e: Error): void => {
      if (settled) return;
      cleanup();
      req.destroy();
      reject(e);
    };
    const readTimeout = (): void => fail(new TransportFailure('read-timeout', 'Read timed out.'));
    function touch(): void {
      if (settled || limits.readTimeoutMs <= 0) return;
      if (idle) idle();
      idle = timer(readTimeout, limits.readTimeoutMs);
    }
    function onAbort(): void {
      const e = new Error('Request aborted');
      e.name = 'AbortError';
      fail(e);
    }
    if (signal?.aborted) { onAbort(); return; }
    signal?.addEventListener('abort', onAbort);

    // Connected (and, for https, the handshake done): from here on the read timeout applies.
    const ready = (): void => {
      if (settled) return;
      for (const cancel of timers.splice(0)) cancel();
      if (limits.readTimeoutMs > 0) {
        timers.push(timer(readTimeout, limits.readTimeoutMs));
        touch();
      }
    };
    const startConnectTimer = (): void => {
      if (limits.connectTimeoutMs <= 0) return;
      timers.push(timer(() => {
        // urllib3: a TCP connect that times out is a connect timeout; a handshake that does is
        // reported as a read timeout; a proxy that never answers CONNECT is the proxy's failure.
        if (tls && tcpConnected) fail(new TransportFailure('read-timeout', 'Read timed out.'));
        else if (viaProxy && tls && socket === undefined) fail(proxyFailure());
        else fail(new TransportFailure('connect-timeout', 'Connect timed out.'));
      }, limits.connectTimeoutMs));
    };
    // The timer starts with the connection: a request waiting for one of the agent's sockets
    // (bulk runs use them all) is not connecting yet. Through an https proxy the socket comes
    // only after the CONNECT exchange, which the timer must cover, so it starts at once.
    if (viaProxy && tls) startConnectTimer();

    req.on('socket', (s: Socket) => {
      socket = s;
      s.on('data', touch);
      if (req.reusedSocket) { ready(); return; }
      limits.onNewConnection?.();
      if (!(viaProxy && tls)) startConnectTimer();
      if (tls) {
        const connected = (): void => {
          tcpConnected = true;
          if (limits.caFailure) fail(limits.caFailure);
        };
        // Through a proxy's tunnel the TCP part is already done when the socket arrives.
        if (!s.connecting) connected();
        else s.once('connect', connected);
        s.once('secureConnect', ready);
      } else if (s.connecting) {
        s.once('connect', ready);
      } else {
        ready();
      }
    });

    req.on('error', (e: Error) => {
      // Bytes after a complete answer (more than its Content-Length) are ignored, as by http.client.
      if (settled || response?.complete) return;
      fail(requestFailure(e, viaProxy && response === undefined, out.tlsToProxy === true, proxyFailure));
    });

    // http.client skips only `100 Continue`: any other informational answer (102, 103 Early
    // Hints) is the final one there, with no body, which botocore reads as a success. Node reads
    // on to the next status line, so the answer is taken here and the connection, holding the
    // rest, is closed.
    req.on('information', (info) => {
      if (settled || info.statusCode === 100) return;
      cleanup();
      req.destroy();
      resolve({ statusCode: info.statusCode, reason: info.statusMessage, headers: flatHeaders(info.headers), sentHeaders: spelledHeaders(info.rawHeaders), body: Buffer.alloc(0) });
    });

    req.on('response', (res) => {
      response = res;
      // http.client refuses an answer with more than 100 header lines.
      if (res.rawHeaders.length / 2 > MAX_HEADERS) return fail(new TransportFailure('closed', `got more than ${MAX_HEADERS} headers`));
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBodyBytes) return fail(new BodyTooLargeError(limits.maxBodyBytes));
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (): void => {
        cleanup();
        resolve({ statusCode: res.statusCode ?? 0, reason: res.statusMessage, headers: flatHeaders(res.headers), sentHeaders: spelledHeaders(res.rawHeaders), body: Buffer.concat(chunks, size) });
      };
      // A server that closes (FIN) before its Content-Length is complete: urllib3 streams the
      // body and keeps what came; a reset, or a chunked body cut short, is a broken connection.
      const broken = (e?: Error): void => {
        if (settled) return;
        if (Number.isFinite(declared) && socket?.readableEnded === true) return done();
        fail(new TransportFailure('closed', e?.message ?? 'Connection broken', e));
      };
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        touch();
        size += chunk.length;
        if (size > limits.maxBodyBytes) return fail(new BodyTooLargeError(limits.maxBodyBytes));
        chunks.push(chunk);
      });
      res.on('error', broken);
      res.on('aborted', () => broken());
      res.on('end', () => {
        if (settled) return;
        if (!res.complete) return broken();
        done();
      });
    });

    req.maxHeadersCount = MAX_HEADERS + 1; // enough to tell that there were too many
    if (limits.readTimeoutMs > PY_TIMEOUT_MAX_MS) req.once('finish', () => fail(new TransportFailure('unhandled', PY_TIMEOUT_OVERFLOW)));
    req.end(out.body === undefined ? undefined : out.body);
  });
}
