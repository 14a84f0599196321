// HTTP wiring for the local Cognito endpoint: reads each request, applies faults, signature
// checks and throttling in the order the real service would, and dispatches to a handler.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { CognitoError, serialization } from './errors.js';
import { DEFAULT_DELAY_MS, type FaultAnswer, FaultInjector, type FaultSpec, RateLimiter } from './faults.js';
import { OPERATIONS, type OperationContext } from './operations.js';
import { type AccessKey, SigV4Verifier, type Verification } from './sigv4.js';
import { type RequestRecord, Stats, type StatsSnapshot, redactBody, redactHeaders } from './stats.js';
import { Store } from './store.js';
import { handleSts, stsError, UNSIGNED_ACTIONS } from './sts.js';
import { handleGetRoleCredentials } from './sso.js';
import { TokenAuthority } from './tokens.js';

export type { FaultKind, FaultSpec } from './faults.js';
export type { RequestRecord, StatsSnapshot } from './stats.js';

export const TEST_CREDENTIALS = {
  accessKeyId: 'AKIDLOCALCOGNITO',
  secretAccessKey: 'local-cognito-test-secret',
} as const;

export interface LocalCognitoOptions {
  port?: number;
  host?: string;
  // Access keys the endpoint accepts; defaults to [TEST_CREDENTIALS].
  keys?: Array<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
  // Wall clock in epoch ms, for signature skew and token expiry; lets tests move time.
  now?: () => number;
  // Monotonic ms for the rate limits and each request's arrival time (RequestRecord.at);
  // performance.now by default. A test holds or moves it, or shares a virtual clock with the
  // client, so that rates are counted in the same time the client paced itself in.
  rateClock?: () => number;
}

export interface SeedUser {
  username: string;
  attributes?: Record<string, string>;
  enabled?: boolean;
  status?: string;
  // Lets a seeded user sign in; seeded users without one cannot.
  password?: string;
}

export interface LocalCognito {
  url: string;
  port: number;
  close(): Promise<void>;
  setRateLimit(operation: string | '*', rps: number | undefined): void;
  injectFault(f: FaultSpec): void;
  clearFaults(): void;
  /** Ends every delay fault now: the requests held are answered as if their delay were over. */
  releaseDelays(): void;
  createUserPool(name: string): string;
  seedUsers(poolId: string, users: SeedUser[]): string[];
  stats(): StatsSnapshot;
  requests: RequestRecord[];
  resetStats(): void;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const JSON_TYPE = 'application/x-amz-json-1.1';
const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, contentType: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(body);
}

function sendAnswer(res: ServerResponse, requestId: string, answer: FaultAnswer): void {
  const text = Buffer.from(answer.body, 'utf8');
  const body = answer.bodyEncoding === 'gzip' ? gzipSync(text) : answer.bodyEncoding === 'deflate' ? deflateSync(text) : text;
  const headers: Record<string, string> = { 'Content-Type': JSON_TYPE, 'x-amzn-RequestId': requestId, ...answer.headers };
  if (!answer.chunked) {
    res.writeHead(answer.status, { ...headers, 'Content-Length': String(body.length) });
    res.end(body);
    return;
  }
  res.writeHead(answer.status, headers);
  res.write(body.subarray(0, 3));
  res.end(body.subarray(3));
}

function sendError(res: ServerResponse, requestId: string, err: CognitoError): void {
  send(res, err.status, JSON_TYPE, JSON.stringify({ __type: err.code, message: err.message }), {
    'x-amzn-RequestId': requestId,
    'x-amzn-ErrorType': err.code,
  });
}

class LocalCognitoServer {
  readonly store: Store;
  readonly stats = new Stats();
  readonly faults = new FaultInjector();
  readonly limiter: RateLimiter;
  private readonly tokens: TokenAuthority;
  private readonly verifier: SigV4Verifier;
  private readonly pendingDelays = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private closed = false;

  constructor(
    keys: readonly AccessKey[],
    private readonly now: () => number,
    private readonly rateClock: () => number = () => performance.now(),
  ) {
    this.limiter = new RateLimiter(rateClock);
    this.store = new Store(now);
    this.tokens = new TokenAuthority(now);
    this.verifier = new SigV4Verifier(keys, now);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    // The answer's Date in the endpoint's own wall clock, the one its signature check uses:
    // clients correct their clock skew by it (the SDK does), so a test that moves time moves it too.
    res.setHeader('Date', new Date(this.now()).toUTCString());
    const targetHeader = req.headers['x-amz-target'];
    const target = typeof targetHeader === 'string' ? targetHeader : '';
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
    const record: RequestRecord = {
      operation,
      headers: redactHeaders(req.headers),
      body: undefined,
      status: 0,
      signed: false,
      at: this.rateClock(),
    };
    this.stats.countRequest(operation);
    const finish = (status: number, error?: string): void => {
      record.status = status;
      if (error !== undefined) record.error = error;
      this.stats.record(record);
    };
    const fail = (err: CognitoError): void => {
      sendError(res, requestId, err);
      finish(err.status, err.code);
    };

    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        send(res, 413, 'text/plain', 'Request Entity Too Large', { Connection: 'close' });
        finish(413);
      }
      return;
    }

    // The SSO portal's GetRoleCredentials (for SSO profiles) shares the endpoint.
    if (req.method === 'GET' && (req.url ?? '').startsWith('/federation/credentials')) {
      record.operation = 'sso:GetRoleCredentials';
      const token = req.headers['x-amz-sso_bearer_token'];
      const answer = handleGetRoleCredentials(new URL(req.url ?? '/', 'http://localhost'), typeof token === 'string' ? token : undefined, this.now());
      if (answer.issued) this.verifier.addKey(answer.issued);
      send(res, answer.status, 'application/json', answer.json, { 'x-amzn-RequestId': requestId });
      finish(answer.status);
      return;
    }

    // STS's query protocol (AssumeRole, for assume-role profiles) shares the endpoint.
    if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      const params = new URLSearchParams(body.toString('utf8'));
      record.operation = `sts:${params.get('Action') ?? ''}`;
      record.body = Object.fromEntries(params);
      const verification = UNSIGNED_ACTIONS.has(params.get('Action') ?? '') && req.headers.authorization === undefined
        ? { signed: false }
        : this.verifier.verify({ method: req.method ?? 'POST', url: req.url ?? '/', rawHeaders: req.rawHeaders, body }, 'sts');
      record.signed = verification.signed;
      if (verification.accessKeyId !== undefined) record.accessKeyId = verification.accessKeyId;
      const answer = verification.error
        ? stsError(403, verification.error.code, verification.error.message, requestId)
        : handleSts(params, requestId, this.now());
      if (answer.issued) this.verifier.addKey(answer.issued);
      send(res, answer.status, 'text/xml', answer.xml, { 'x-amzn-RequestId': requestId });
      finish(answer.status);
      return;
    }

    let input: unknown;
    let badJson = false;
    const text = body.toString('utf8');
    try {
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      badJson = true;
    }
    record.body = badJson ? text : redactBody(input);
    const isObject = !badJson && typeof input === 'object' && input !== null && !Array.isArray(input);
    const usernameValue = isObject ? (input as Record<string, unknown>).Username : undefined;

    const fault = this.faults.take(operation, typeof usernameValue === 'string' ? usernameValue : undefined);
    if (fault) {
      if (fault.kind !== 'delay') {
        this.applyFault(fault, res, requestId, finish);
        return;
      }
      await this.sleep(fault.delayMs ?? DEFAULT_DELAY_MS);
      if (this.closed) return;
    }

    const op = target.startsWith(TARGET_PREFIX) && req.method === 'POST' ? OPERATIONS.get(operation) : undefined;
    if (!op) {
      fail(new CognitoError('UnknownOperationException', target === '' ? 'Missing X-Amz-Target header' : `Unknown operation ${target}`));
      return;
    }

    // Token-authorized operations ignore any signature, but the log still says who signed them.
    let verification: Verification = { signed: false };
    if (op.auth === 'iam' || req.headers.authorization !== undefined) {
      verification = this.verifier.verify({ method: req.method ?? 'POST', url: req.url ?? '/', rawHeaders: req.rawHeaders, body });
    }
    record.signed = verification.signed;
    if (verification.accessKeyId !== undefined) record.accessKeyId = verification.accessKeyId;
    if (verification.region !== undefined) record.region = verification.region;
    if (op.auth === 'iam' && verification.error) {
      fail(verification.error);
      return;
    }

    if (!this.limiter.admit(operation)) {
      this.stats.countThrottled();
      fail(new CognitoError('TooManyRequestsException', 'Rate exceeded'));
      return;
    }

    if (!isObject) {
      fail(serialization(badJson ? 'Unable to parse the request body as JSON' : 'Start of structure expected'));
      return;
    }

    const ctx: OperationContext = {
      store: this.store,
      tokens: this.tokens,
      now: this.now,
      region: verification.error ? '' : (verification.region ?? ''),
      onSignOut: (poolId, username) => this.stats.countSignOut(poolId, username),
    };
    let output: unknown;
    try {
      output = op.handle(input as Record<string, unknown>, ctx);
    } catch (err) {
      if (err instanceof CognitoError) {
        fail(err);
        return;
      }
      process.stderr.write(`local-cognito: ${operation} failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      fail(new CognitoError('InternalErrorException', 'Internal server error', 500));
      return;
    }
    send(res, 200, JSON_TYPE, JSON.stringify(output), { 'x-amzn-RequestId': requestId });
    finish(200);
  }

  private applyFault(
    fault: FaultSpec,
    res: ServerResponse,
    requestId: string,
    finish: (status: number, error?: string) => void,
  ): void {
    switch (fault.kind) {
      case 'status500': {
        const err = new CognitoError('InternalErrorException', 'Internal server error', 500);
        sendError(res, requestId, err);
        finish(500, err.code);
        return;
      }
      case 'html502':
        // What a load balancer in front of the service sends: no request id, no JSON.
        send(res, 502, 'text/html', '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n');
        finish(502);
        return;
      case 'reset':
        res.socket?.destroy();
        finish(0);
        return;
      case 'empty200':
        send(res, 200, JSON_TYPE, '', { 'x-amzn-RequestId': requestId });
        finish(200);
        return;
      case 'html200':
        // A misconfigured endpoint or proxy: a web server's welcome page, with 200.
        send(res, 200, 'text/html', '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n');
        finish(200);
        return;
      case 'throttle': {
        // Throttling caused by someone else's use of the shared quota, whatever our own rate.
        this.stats.countThrottled();
        const err = new CognitoError('TooManyRequestsException', 'Rate exceeded');
        sendError(res, requestId, err);
        finish(err.status, err.code);
        return;
      }
      case 'malformed':
        send(res, 200, JSON_TYPE, '{"UserPool": {"Id": "truncated', { 'x-amzn-RequestId': requestId });
        finish(200);
        return;
      case 'answer': {
        const answer = fault.answer as NonNullable<FaultSpec['answer']>;
        sendAnswer(res, requestId, answer);
        finish(answer.status);
        return;
      }
      case 'delay':
        return;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const pending = {
        timer: setTimeout(() => {
          this.pendingDelays.delete(pending);
          resolve();
        }, ms),
        resolve,
      };
      this.pendingDelays.add(pending);
    });
  }

  shutdown(): void {
    this.closed = true;
    this.releaseDelays();
  }

  releaseDelays(): void {
    for (const pending of this.pendingDelays) {
      clearTimeout(pending.timer);
      pending.resolve();
    }
    this.pendingDelays.clear();
  }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startLocalCognito(opts: LocalCognitoOptions = {}): Promise<LocalCognito> {
  const host = opts.host ?? '127.0.0.1';
  const now = opts.now ?? Date.now;
  const impl = new LocalCognitoServer(opts.keys ?? [TEST_CREDENTIALS], now, opts.rateClock);
  const server = createServer((req, res) => {
    impl.handle(req, res).catch((err: unknown) => {
      process.stderr.write(`local-cognito: unexpected failure: ${err instanceof Error ? err.stack : String(err)}\n`);
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal failure');
      else res.destroy();
    });
  });
  // Longer than any client's idle keep-alive, so the server never closes a socket a client is
  // about to reuse (which clients would see as a spurious ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const address = await listen(server, opts.port ?? 0, host);
  const urlHost = address.address.includes(':') ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        impl.shutdown();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
    setRateLimit: (operation, rps) => impl.limiter.set(operation, rps),
    injectFault: (f) => impl.faults.inject(f),
    clearFaults: () => impl.faults.clear(),
    releaseDelays: () => impl.releaseDelays(),
    createUserPool: (name) => impl.store.createPool(name).id,
    seedUsers(poolId, users) {
      const pool = impl.store.pools.get(poolId);
      if (!pool) throw new Error(`User pool ${poolId} does not exist.`);
      return users.map((u) => {
        if (!u.username) throw new Error('seedUsers: every user needs a username');
        return impl.store.addUser(pool, u).username;
      });
    },
    stats: () => impl.stats.snapshot(),
    requests: impl.stats.log,
    resetStats: () => impl.stats.reset(),
  };
}
