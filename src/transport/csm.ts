// botocore's client-side monitoring (botocore/monitoring.py): one UDP datagram of JSON per HTTP
// attempt (`ApiCallAttempt`) and one per API call (`ApiCall`) to csm_host:csm_port, for a local
// agent the user runs. The fields, their order, their truncation and the compact ASCII JSON are
// CSMSerializer's; as in botocore, the access key ID and the session token are sent (never the
// secret key), and nothing about monitoring ever fails or changes a call: a datagram that
// cannot be made or sent is dropped, as botocore's Monitor.capture swallows every exception.
import { createSocket, type Socket } from 'node:dgram';
import { lookup } from 'node:dns';
import { isIPv4 } from 'node:net';
import type { HttpRequest } from '@smithy/core/protocols';
import type { FinalizeHandler, FinalizeHandlerArguments, InitializeHandler, InitializeHandlerArguments, MiddlewareStack } from '@smithy/types';
import { jsonString } from '../python/json-dump.js';
import { rawResponseOf } from './buffering-handler.js';
import { networkErrorToCliError } from './network-errors.js';
import { CliError, GeneralError, type BotocoreError } from '../errors/errors.js';
import { isErrorStatus, parseServiceError, UnreadableErrorResponse } from './service-error.js';
import type { CsmSettings } from './csm-settings.js';
import { NO_DEBUG, type DebugLog } from '../diagnostics/debug-log.js';

const SERVICE_ID = 'Cognito Identity Provider';
const MAX_EXCEPTION_CLASS_LENGTH = 128;
const MAX_ERROR_CODE_LENGTH = 128;
const MAX_USER_AGENT_LENGTH = 256;
const MAX_MESSAGE_LENGTH = 512;
const MAX_EVENT_BYTES = 8 * 1024;
const RESPONSE_HEADERS: ReadonlyMap<string, string> = new Map([
  ['x-amzn-requestid', 'XAmznRequestId'], ['x-amz-request-id', 'XAmzRequestId'], ['x-amz-id-2', 'XAmzId2'],
]);

interface WireException {
  readonly name: BotocoreError;
  readonly message: string;
  /** One of monitoring.RETRYABLE_EXCEPTIONS: its after-call-error means the retries ran out. */
  readonly exhausting: boolean;
}

/**
 * monitoring.RETRYABLE_EXCEPTIONS (ConnectionError, ConnectionClosedError, ReadTimeoutError,
 * EndpointConnectionError) as classes: every one but HTTPClientError, a ConnectionError or one of those.
 */
const RETRYABLE: ReadonlySet<BotocoreError> = new Set<BotocoreError>([
  'EndpointConnectionError', 'ConnectTimeoutError', 'ReadTimeoutError', 'ConnectionClosedError', 'ProxyConnectionError', 'SSLError',
]);

/** The exception botocore's attempt ends with, or undefined for a failure to read the answer. */
function wireException(e: unknown, url: string): WireException | undefined {
  // One of ours is already worded as the AWS CLI words it; Node's and the SDK's are worded here.
  const err = e instanceof CliError ? e : networkErrorToCliError(e, url);
  const name = err instanceof GeneralError ? err.botocoreError : undefined;
  return name === undefined ? undefined : { name, message: err.message, exhausting: RETRYABLE.has(name) };
}

type Fields = Array<readonly [string, string | number]>;

/** The request headers the serializer reads (botocore's are case-insensitive). */
interface SentHeaders {
  readonly authorization: string | undefined;
  readonly token: string | undefined;
  readonly userAgent: string | undefined;
}

interface Attempt {
  readonly timestamp: number;
  latency?: number;
  headers: SentHeaders;
  status?: number;
  responseHeaders?: Readonly<Record<string, string>>;
  error?: { code: string; message: string };
  wire?: WireException;
  /** An error answer botocore's parser fails on (ResponseParserError, not retried). */
  unparsed?: boolean;
}

/** Where CSMSerializer's debug lines go (the run's --debug log). */
let debugLog: DebugLog = NO_DEBUG;

/** Python's `text[:n]`: code points, not UTF-16 units. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = [...text];
  if (points.length <= max) return text;
  // botocore's arguments are the wrong way round: the value is named as the maximum length.
  debugLog.log('botocore.monitoring', `Truncating following value to maximum length of ${text}: ${max}`);
  return points.slice(0, max).join('');
}

function sentHeaders(headers: Readonly<Record<string, string>>): SentHeaders {
  let authorization: string | undefined;
  let token: string | undefined;
  let userAgent: string | undefined;
  for (const k in headers) {
    const name = k.toLowerCase();
    if (name === 'authorization') authorization = headers[k];
    else if (name === 'x-amz-security-token') token = headers[k];
    else if (name === 'user-agent') userAgent = headers[k];
  }
  return { authorization, token, userAgent };
}

// CSMSerializer._AUTH_REGEXS['v4'], matched at the start; Python's \w and \d know Unicode.
let v4Auth: RegExp | undefined;
function authMatch(headers: SentHeaders): { accessKey: string; region: string } | undefined {
  const auth = headers.authorization;
  if (auth === undefined) return undefined;
  v4Auth ??= /^AWS4-HMAC-SHA256 Credential=([\p{L}\p{N}\p{M}_]+)\/\p{Nd}+\/([a-z0-9-]+)\//u;
  const m = v4Auth.exec(auth);
  return m ? { accessKey: m[1] as string, region: m[2] as string } : undefined;
}

/** Sends datagrams to one address, resolved once; a failure anywhere only loses the datagram. */
class Publisher {
  private socket: Socket | undefined;
  /** The socket once connected to the agent's address; null when it cannot be (nothing is sent). */
  private ready: Promise<Socket | null> | undefined;
  private connected: Socket | null | undefined;
  private pending = 0;
  private idle: Array<() => void> = [];
  private readonly port: number | undefined;

  constructor(private readonly host: string, port: bigint) {
    // Python's sendto refuses a port out of range (and Linux port 0): swallowed, nothing sent.
    this.port = port >= 1n && port <= 65535n ? Number(port) : undefined;
  }

  /**
   * getaddrinfo for AF_INET, as Python's sendto does (an IPv6 or unknown host sends nothing), but
   * once per run, and a connected socket: a bulk run neither looks the agent up nor routes each
   * datagram again.
   */
  private connect(port: number): Promise<Socket | null> {
    return new Promise((resolve) => {
      const socket = createSocket('udp4');
      this.socket = socket;
      // Errors (an agent that is not listening answers with ICMP) lose datagrams, nothing more.
      socket.on('error', () => { /* dropped, as botocore drops it */ });
      // Never what keeps the process alive: the calls wait for their own datagrams (drain).
      socket.unref();
      const address = this.host === '' ? '127.0.0.1' : this.host;
      const connectTo = (ip: string): void => {
        try {
          // Node calls back with the error of a connect that failed.
          socket.connect(port, ip, (err?: Error) => resolve(err ? null : socket));
        } catch {
          resolve(null);
        }
      };
      if (isIPv4(address)) connectTo(address);
      else lookup(address, { family: 4 }, (err, ip) => (err ? resolve(null) : connectTo(ip)));
    });
  }

  publish(bytes: Buffer): void {
    if (this.port === undefined) return;
    if (this.connected !== undefined) return this.sendNow(this.connected, bytes);
    this.ready ??= this.connect(this.port).then((socket) => (this.connected = socket));
    this.pending++;
    void this.ready.then((socket) => {
      this.sendNow(socket, bytes);
      if (--this.pending === 0) for (const wake of this.idle.splice(0)) wake();
    });
  }

  /**
   * libuv hands a datagram to the kernel within the call when nothing is queued before it, so
   * a sent datagram needs no callback (which would cost a bulk run a request object and a
   * callback per datagram); only the first ones wait for the address.
   */
  private sendNow(socket: Socket | null, bytes: Buffer): void {
    if (socket === null) return;
    try {
      socket.send(bytes);
    } catch {
      /* dropped */
    }
  }

  close(): void {
    try {
      this.socket?.close();
    } catch {
      /* already closed */
    }
  }

  /** Waits for the datagrams still waiting for the agent's address. */
  drain(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }
}

export interface MonitorOptions {
  readonly maxAttempts: number;
  /** The URL an attempt was sent to, for Fqdn and for the wording of a connection failure. */
  readonly url: () => string;
  /** An error that means the call was never made (the bulk rate gate): nothing is reported. */
  readonly notMade?: (e: unknown) => boolean;
  readonly now?: () => number;
  readonly log?: DebugLog;
}

/** The serializer and publisher for one client: botocore's Monitor, adapter and CSMSerializer. */
export class CsmMonitor {
  private readonly publisher: Publisher;
  private readonly now: () => number;

  constructor(private readonly csm: CsmSettings, private readonly options: MonitorOptions) {
    this.publisher = new Publisher(csm.host, csm.port);
    this.now = options.now ?? Date.now;
    // One run, one log: the serializer's helpers below write to the newest monitor's.
    debugLog = options.log ?? NO_DEBUG;
  }

  /** Registers on the client's stack: the call around everything, each attempt once signed. */
  register(stack: MiddlewareStack<object, object>): void {
    stack.add(<I extends object, O extends object>(next: InitializeHandler<I, O>, context: { commandName?: string }) => async (args: InitializeHandlerArguments<I>) => {
      const api = (context.commandName ?? '').replace(/Command$/, '');
      const call = { timestamp: this.now(), attempts: [] as Attempt[] };
      (context as { [CALL]?: typeof call })[CALL] = call;
      try {
        const out = await next(args);
        this.callDone(api, call, call.attempts.length >= this.options.maxAttempts);
        return out;
      } catch (e) {
        if (!this.options.notMade?.(e)) {
          // botocore's after-call sees a service error's answer (its MaxAttemptsReached); any
          // other failure is after-call-error, where only a connection failure means exhausted.
          const exhausted = call.attempts[call.attempts.length - 1]?.unparsed === true ? false
            : rawResponseOf(e) !== undefined ? call.attempts.length >= this.options.maxAttempts
            : call.attempts.length > 0 && call.attempts[call.attempts.length - 1]?.wire?.exhausting === true;
          this.callDone(api, call, exhausted);
        }
        throw e;
      } finally {
        await this.publisher.drain();
      }
    }, { step: 'initialize', priority: 'high', name: 'cogsignoutCsmCall' });

    stack.addRelativeTo(<I extends object, O extends object>(next: FinalizeHandler<I, O>, context: object) => async (args: FinalizeHandlerArguments<I>) => {
      const call = (context as { [CALL]?: { attempts: Attempt[] } })[CALL];
      const api = ((context as { commandName?: string }).commandName ?? '').replace(/Command$/, '');
      const attempt: Attempt = { timestamp: this.now(), headers: sentHeaders((args.request as HttpRequest).headers) };
      call?.attempts.push(attempt);
      try {
        const out = await next(args);
        const res = out.response as { statusCode?: number; headers?: Record<string, string> } | undefined;
        attempt.status = res?.statusCode;
        attempt.responseHeaders = res?.headers ?? {};
        this.attemptDone(api, attempt);
        return out;
      } catch (e) {
        const raw = rawResponseOf(e);
        if (raw !== undefined) {
          const parsed = isErrorStatus(raw.statusCode) ? parseServiceError(raw) : undefined;
          // An answer botocore cannot parse fails before its response-received: the attempt
          // counts in the call, with no datagram of its own.
          if (parsed instanceof UnreadableErrorResponse) {
            attempt.unparsed = true;
            throw e;
          }
          attempt.status = raw.statusCode;
          attempt.responseHeaders = raw.headers;
          if (parsed !== undefined) attempt.error = { code: parsed.code, message: typeof parsed.messageValue === 'string' ? parsed.messageValue : parsed.message };
        } else if (!this.options.notMade?.(e)) {
          const wire = wireException(e, this.options.url());
          if (wire === undefined) {
            // A success body botocore's parser fails on (or one over our size limit): like a
            // parse failure, the attempt has no datagram of its own.
            attempt.unparsed = true;
            throw e;
          }
          attempt.wire = wire;
        }
        this.attemptDone(api, attempt);
        throw e;
      }
    }, { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'cogsignoutCsmAttempt' });
  }

  /**
   * A call that failed while its first request was being signed (no credentials, an unknown
   * signature version, a port signing cannot read): botocore's after-call-error, no attempt.
   */
  async callNotSent(api: string, timestamp: number): Promise<void> {
    this.callDone(api, { timestamp, attempts: [] }, false);
    await this.publisher.drain();
  }

  /** Closes the socket (the client is destroyed). */
  close(): void {
    this.publisher.close();
  }

  private base(type: string, api: string, timestamp: number): Fields {
    return [['Version', 1], ['ClientId', this.csm.clientId], ['Type', type], ['Service', SERVICE_ID], ['Api', api], ['Timestamp', timestamp]];
  }

  private attemptDone(api: string, a: Attempt): void {
    a.latency = this.now() - a.timestamp;
    const f = this.base('ApiCallAttempt', api, a.timestamp);
    f.push(['AttemptLatency', a.latency]);
    f.push(['Fqdn', netloc(this.options.url())]);
    f.push(['UserAgent', userAgent(a.headers)]);
    if (a.headers.authorization !== undefined) {
      const m = authMatch(a.headers);
      // botocore's serializer fails on a signature it cannot read (an AttributeError, swallowed).
      if (m === undefined) return;
      f.push(['AccessKey', m.accessKey], ['Region', m.region]);
    }
    if (a.headers.token !== undefined) f.push(['SessionToken', a.headers.token]);
    if (a.status !== undefined) f.push(['HttpStatusCode', a.status]);
    if (a.responseHeaders !== undefined) {
      // The parsed response's HTTPHeaders: lower-case names, the last of a repeated one.
      const found = new Map<string, string>();
      for (const k in a.responseHeaders) {
        const name = k.toLowerCase();
        if (RESPONSE_HEADERS.has(name)) found.set(name, a.responseHeaders[k] as string);
      }
      for (const [name, entry] of RESPONSE_HEADERS) {
        const v = found.get(name);
        if (v !== undefined) f.push([entry, v]);
      }
    }
    errorFields(f, a, '');
    this.send(f);
  }

  private callDone(api: string, call: { timestamp: number; attempts: Attempt[] }, exhausted: boolean): void {
    const f = this.base('ApiCall', api, call.timestamp);
    f.push(['AttemptCount', call.attempts.length]);
    const last = call.attempts[call.attempts.length - 1];
    if (last !== undefined) {
      const m = authMatch(last.headers);
      if (m !== undefined) f.push(['Region', m.region]);
      f.push(['UserAgent', userAgent(last.headers)]);
      if (last.status !== undefined) f.push(['FinalHttpStatusCode', last.status]);
      errorFields(f, last, 'Final');
    }
    f.push(['Latency', this.now() - call.timestamp], ['MaxRetriesExceeded', exhausted ? 1 : 0]);
    this.send(f);
  }

  private send(fields: Fields): void {
    // json.dumps(separators=(',', ':')), ASCII only.
    const text = `{${fields.map(([k, v]) => `"${k}":${typeof v === 'number' ? String(v) : jsonString(v, true)}`).join(',')}}`;
    if (text.length > MAX_EVENT_BYTES) {
      debugLog.log('botocore.monitoring', `Serialized event of size ${text.length} exceeds the maximum length allowed: ${MAX_EVENT_BYTES}. Not sending event to socket.`);
      return;
    }
    this.publisher.publish(Buffer.from(text, 'latin1'));
  }
}

const CALL = Symbol('cogsignout csm call');

function userAgent(headers: SentHeaders): string {
  return truncate(headers.userAgent ?? '', MAX_USER_AGENT_LENGTH);
}

function errorFields(f: Fields, a: Attempt, prefix: string): void {
  if (a.error !== undefined) {
    f.push([`${prefix}AwsException`, truncate(a.error.code, MAX_ERROR_CODE_LENGTH)]);
    f.push([`${prefix}AwsExceptionMessage`, truncate(a.error.message, MAX_MESSAGE_LENGTH)]);
  }
  if (a.wire !== undefined) {
    f.push([`${prefix}SdkException`, truncate(a.wire.name, MAX_EXCEPTION_CLASS_LENGTH)]);
    f.push([`${prefix}SdkExceptionMessage`, truncate(a.wire.message, MAX_MESSAGE_LENGTH)]);
  }
}

/** urlparse(url).netloc: what follows `//` up to the path, query or fragment. */
function netloc(url: string): string {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(url);
  return m ? (m[1] as string) : '';
}
