// The SDK's HTTP handler: each request sent through http-send.ts (with its timeouts and body
// limit) and each response body buffered. The AWS CLI's error messages are derived from the raw
// bytes of the answer (botocore's parser), and the SDK keeps the response it parsed on the error
// it throws ($response): buffering makes those bytes readable again. The operation's answers are
// tiny, so nothing is lost by not streaming.
import { HttpRequest, HttpResponse, type HttpHandler } from '@smithy/core/protocols';
import type { HttpHandlerOptions } from '@smithy/types';
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { isUtf8 } from 'node:buffer';
import { isIP } from 'node:net';
import { GeneralError } from '../errors/errors.js';
import { NO_DEBUG, type DebugLog } from '../diagnostics/debug-log.js';
import { REDACTED, redactParams } from '../diagnostics/redact.js';
import { bytesRepr, strRepr } from '../python/builtins.js';
import { SENSITIVE_MEMBERS } from '../service/model.js';
import { pythonJsonDumps } from './wire-body.js';
import { BodyTooLargeError, exchange, type Received, type Timer } from './http-send.js';
import { maskProxyUrl, type ProxyRoute } from './proxy.js';
import { classifyNetworkError } from './network-errors.js';
import { zoneNamesAnInterface } from './scoped-endpoint.js';
import { errorParseNote } from './service-error.js';

/** A JSON document that is `null`, with the whitespace Python's json module allows around it. */
const JSON_NULL = /^[ \t\n\r]*null[ \t\n\r]*$/;

export function requestUrl(req: HttpRequest): string {
  const port = req.port ? `:${req.port}` : '';
  return `${req.protocol}//${req.hostname}${port}${req.path}`;
}

/** The URL as botocore names it in messages and logs: the endpoint's query string included. */
function urlForMessages(req: HttpRequest): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(req.query ?? {})) {
    for (const one of Array.isArray(v) ? v : [v]) parts.push(one === null ? k : `${k}=${one}`);
  }
  return requestUrl(req) + (parts.length > 0 ? `?${parts.join('&')}` : '');
}

function pathWithQuery(req: HttpRequest): string {
  const query = Object.entries(req.query ?? {}).flatMap(([k, v]) => (v === null ? [encodeURIComponent(k)]
    : (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`)));
  return query.length === 0 ? req.path : `${req.path}?${query.join('&')}`;
}

/**
 * The most an answer may hold. An AdminUserGlobalSignOut answer is `{}` or an error of a few
 * hundred bytes: 16 KiB leaves room for any proxy's error page and keeps even 1,000 concurrent
 * bulk calls within a few MiB. A ListUsers page (60 users at most) is rarely above 100 KiB; at
 * 1 MiB, the SDK's parse of a full page keeps the process under 100 MiB.
 */
export const MAX_BODY_BYTES = 16 * 1024;
export const MAX_LIST_BODY_BYTES = 1024 * 1024;

function bodyLimitFor(req: HttpRequest): number {
  const target = req.headers['x-amz-target'] ?? '';
  return target.endsWith('.ListUsers') ? MAX_LIST_BODY_BYTES : MAX_BODY_BYTES;
}

/** Where the requests of one client went (one endpoint per client), for connection-error messages. */
export interface TargetRecord { url?: string }

/** Python's repr of a dict of header strings, the way botocore logs them. */
function headersForLog(headers: Readonly<Record<string, string>>, bytes: boolean): string {
  return `{${Object.entries(headers).map(([k, v]) => `${strRepr(k)}: ${bytes ? 'b' : ''}${strRepr(v)}`).join(', ')}}`;
}

/** The request body as botocore logs it, sensitive members replaced. */
function bodyForLog(body: unknown): string {
  if (typeof body !== 'string') return "b''";
  try {
    const parsed = JSON.parse(body) as Record<string, string>;
    return `b${strRepr(pythonJsonDumps(redactParams(parsed, SENSITIVE_MEMBERS) as Record<string, string>))}`;
  } catch {
    return `b${strRepr(body)}`;
  }
}

/** What urllib3 prints, once per host, for each unverified HTTPS host (the AWS CLI shows it as is). */
export function insecureRequestWarning(host: string): string {
  return '/usr/lib/python3/dist-packages/urllib3/connectionpool.py:1065: InsecureRequestWarning: ' +
    `Unverified HTTPS request is being made to host '${host}'. Adding certificate verification is strongly advised. ` +
    'See: https://urllib3.readthedocs.io/en/1.26.x/advanced-usage.html#ssl-warnings\n  warnings.warn(\n';
}

/** urllib3's warning for a TLS connection to an https proxy that is not verified (--no-verify-ssl). */
const INSECURE_PROXY_WARNING = '/usr/lib/python3/dist-packages/urllib3/connectionpool.py:1076: InsecureRequestWarning: ' +
  'Unverified HTTPS connection done to an HTTPS proxy. Adding certificate verification is strongly advised. ' +
  'See: https://urllib3.readthedocs.io/en/1.26.x/advanced-usage.html#ssl-warnings\n  warnings.warn(\n';

/** The host of a proxy URL as urllib3 names it (no brackets). */
function proxyHost(url: string): string {
  try { return new URL(url).hostname.replace(/^\[|\]$/g, ''); } catch { return ''; }
}

export interface HandlerOptions {
  readonly httpAgent: HttpAgent;
  readonly httpsAgent: HttpsAgent;
  readonly connectTimeoutMs: number;
  readonly readTimeoutMs: number;
  /** The connect and read timeouts' timer (src/cli/factory.ts); the real one by default. */
  readonly timer?: Timer | undefined;
  /** The proxy in use (either scheme), as configured, for the failure message. */
  readonly proxyUrl?: string | undefined;
  readonly log?: DebugLog;
  /** Where to print urllib3's warning when TLS verification is off (--no-verify-ssl). */
  readonly warnInsecure?: ((text: string) => void) | undefined;
  /** A proxy for plain-http requests, which get sent to it with their absolute URL. */
  readonly httpProxy?: ProxyRoute | undefined;
  /** httpProxy's agent when it is reached over TLS (an https proxy URL). */
  readonly forwardTlsAgent?: HttpsAgent | undefined;
  /** The proxy's URL is https: its TLS gets urllib3's warnings too. */
  readonly proxyTls?: boolean | undefined;
  /** Where urllib3's warnings about a proxy's unverified TLS go (stderr), whatever --no-verify-ssl says. */
  readonly warn?: ((text: string) => void) | undefined;
  /** The CA bundle's failure, for each https connection once it is made (see http-send.ts). */
  readonly caFailure?: Error | undefined;
  /** The proxy URL's failure (proxy.ts proxyUrlFailure), for each attempt: nothing is sent. */
  readonly proxyFailure?: Error | undefined;
  /** The endpoint's user-info (`user:password@`), which botocore's request URL keeps: --debug shows it (its password redacted). */
  readonly urlUserInfo?: string;
  /** An endpoint with an IPv6 zone ID (endpoint.ts scopedEndpoint): where its host's connections go. */
  readonly scoped?: { readonly hostname: string; readonly given: string; readonly connectTo: string } | undefined;
}

/** The request as a forward proxy expects it: to the proxy, absolute URL, its credentials added. */
function viaProxy(request: HttpRequest, proxy: ProxyRoute): HttpRequest {
  const headers = { ...request.headers };
  if (proxy.authorization !== undefined) headers['proxy-authorization'] = proxy.authorization;
  const forwarded = new HttpRequest({ ...request, protocol: proxy.protocol, hostname: proxy.hostname, port: proxy.port, headers });
  // Set after construction: the constructor would make the absolute URL a path by prefixing `/`.
  forwarded.path = requestUrl(request);
  return forwarded;
}

export function bufferingHandler(target: TargetRecord, options: HandlerOptions): HttpHandler<HttpHandlerOptions> {
  const { log = NO_DEBUG, warnInsecure, httpProxy, proxyUrl } = options;
  // Python shows a warning once per text.
  const warned = new Set<string>();
  const once = (sink: ((text: string) => void) | undefined, text: string): void => {
    if (sink === undefined || warned.has(text)) return;
    warned.add(text);
    sink(text);
  };
  const connections = new Map<string, number>();
  return {
    async handle(request: HttpRequest, handlerOptions?: HttpHandlerOptions) {
      // botocore's URL keeps an endpoint's zone ID as given, which the SDK's request has not.
      const scoped = options.scoped;
      target.url = scoped === undefined ? urlForMessages(request) : urlForMessages(request).replace(`//${scoped.hostname}`, `//${scoped.given}`);
      if (request.protocol !== 'http:' && request.protocol !== 'https:') {
        throw new GeneralError(`An HTTP Client raised an unhandled exception: Not supported URL scheme ${request.protocol.replace(/:$/, '')}`, 'HTTPClientError');
      }
      const forwarded = httpProxy !== undefined && request.protocol === 'http:';
      // urllib3 warns once the connection is up: a failed connect or handshake gets no warning.
      // It names the host it connected to: the proxy's, through one.
      const warn = (): void => {
        const host = proxyUrl === undefined ? request.hostname : proxyHost(proxyUrl);
        if (request.protocol === 'https:') {
          once(warnInsecure, insecureRequestWarning(host));
          if (options.proxyTls === true) once(warnInsecure, INSECURE_PROXY_WARNING);
        } else if (forwarded && httpProxy.protocol === 'https:') {
          once(options.warn, insecureRequestWarning(host));
        }
      };
      if (log.enabled) {
        const headers = { ...request.headers };
        if (headers['x-amz-security-token']) headers['x-amz-security-token'] = REDACTED;
        // The body's SHA-256: a dictionary of user names would recover the one in the body.
        if (headers['x-amz-content-sha256']) headers['x-amz-content-sha256'] = REDACTED;
        const url = options.urlUserInfo ? target.url.replace('://', `://${options.urlUserInfo}`) : target.url;
        log.log('botocore.endpoint', `Sending http request: <AWSPreparedRequest stream_output=False, method=${request.method}, url=${url}, headers=${headersForLog(headers, true)}, body=${bodyForLog(request.body)}>`);
      }
      const sent = forwarded ? viaProxy(request, httpProxy) : request;
      const tlsToProxy = forwarded && httpProxy.protocol === 'https:';
      const agent = tlsToProxy ? options.forwardTlsAgent ?? options.httpsAgent : request.protocol === 'https:' ? options.httpsAgent : options.httpAgent;
      // The address to connect to: an IPv6 host without its URL brackets (getaddrinfo would
      // take `[::1]` for a name), with its zone ID if the endpoint gave one. urllib3 logs it so.
      const host = scoped !== undefined && sent.hostname === scoped.hostname ? scoped.connectTo : sent.hostname.replace(/^\[(.*)\]$/s, '$1');
      const onNewConnection = !log.enabled ? undefined : (): void => {
        // urllib3's pool (one per scheme, host and port) numbers the connections it starts.
        const port = sent.port ?? (request.protocol === 'https:' ? 443 : 80);
        const key = `${request.protocol}//${host}:${port}`;
        const n = (connections.get(key) ?? 0) + 1;
        connections.set(key, n);
        log.log('urllib3.connectionpool', `Starting new ${request.protocol === 'https:' ? 'HTTPS' : 'HTTP'} connection (${n}): ${host}:${port}`);
      };
      const limits = { connectTimeoutMs: options.connectTimeoutMs, readTimeoutMs: options.readTimeoutMs, maxBodyBytes: bodyLimitFor(request), caFailure: options.caFailure, onNewConnection };
      const signal = handlerOptions?.abortSignal instanceof AbortSignal ? handlerOptions.abortSignal : undefined;
      let response: Received;
      try {
        const out = {
          ...sent, body: sent.body as string | Uint8Array | undefined, path: forwarded ? sent.path : pathWithQuery(sent),
          hostname: host,
          ...(tlsToProxy ? { tlsToProxy, servername: isIP(sent.hostname) === 0 ? sent.hostname : '' } : {}),
        };
        if (options.proxyFailure) throw options.proxyFailure;
        // A zone that names no interface of this machine: no connection, as getaddrinfo's failure
        // (which urllib3 meets after it logs the connection it starts).
        if (host === scoped?.connectTo && zoneNamesAnInterface(host) === false) {
          onNewConnection?.();
          throw Object.assign(new Error(`connect EINVAL ${host}`), { code: 'EINVAL', syscall: 'connect' });
        }
        response = await exchange(out, agent, limits, proxyUrl === undefined ? undefined : maskProxyUrl(proxyUrl), signal, options.timer);
      } catch (e) {
        const failure = classifyNetworkError(e);
        if (log.enabled && (failure === 'connect' || failure === 'connect-timeout' || failure === 'tls' || failure === 'proxy')) {
          // botocore logs, with its traceback (here the cause's stack), what http_session.send
          // raised unless it is an HTTPClientError: a read timeout, a closed connection and an
          // unhandled failure pass silently (endpoint.py _do_get_response).
          const cause = (e as { cause?: unknown }).cause;
          const stack = (cause instanceof Error ? cause : e instanceof Error ? e : undefined)?.stack;
          log.log('botocore.endpoint', `Exception received when sending HTTP request.${stack === undefined ? '' : `\n${stack}`}`);
        }
        if (failure !== 'connect' && failure !== 'connect-timeout' && failure !== 'tls' && failure !== 'proxy') warn();
        // A header value Node refuses (a newline in a key, token or region): the
        // AWS CLI quotes the value, which can be the session token; the header's name is enough.
        const code = (e as { code?: unknown } | null)?.code;
        if (code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN') {
          const name = /\["([^"]*)"\]/.exec((e as Error).message)?.[1];
          throw new GeneralError(`An HTTP Client raised an unhandled exception: Invalid header value${name === undefined ? '' : ` for '${name}'`}`, 'HTTPClientError');
        }
        if (e instanceof BodyTooLargeError) {
          throw new GeneralError(`Response body too large (more than ${e.limit} bytes) from endpoint URL: "${target.url}"`);
        }
        throw e;
      }
      warn();
      const { body } = response;
      if (log.enabled) {
        const origin = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}`;
        log.log('urllib3.connectionpool', `${origin} "${request.method} ${pathWithQuery(request)} HTTP/1.1" ${response.statusCode} ${body.length}`);
        const logParse = (): void => {
          log.log('botocore.parsers', `Response headers: ${headersForLog(response.sentHeaders ?? response.headers, false)}`);
          log.log('botocore.parsers', `Response body:\n${bytesRepr(body)}`);
        };
        logParse();
        const note = errorParseNote({ statusCode: response.statusCode, headers: response.headers, body });
        if (note === 'generic') log.log('botocore.parsers', 'Received a non protocol specific error response from the service, unable to populate error code and message.');
        if (note === 'parsed-twice') logParse();
      }
      // botocore decodes a success body as UTF-8 before parsing it and fails when it cannot (the
      // SDK would read it with replacement characters); error bodies: see service-error.ts.
      if (response.statusCode < 301 && body.length > 0 && !isUtf8(body)) {
        throw new GeneralError(`Unable to parse the response from endpoint URL: "${target.url}": the body is not valid UTF-8`);
      }
      // botocore's JSON parser hands a body of `null` on as None, then fails putting the response
      // metadata into it ('NoneType' object has no attribute 'setdefault', 255); the SDK would
      // read it as an empty answer and report success. Any other JSON, an array or a string
      // included, parses as an empty answer there too.
      if (response.statusCode < 301 && JSON_NULL.test(Buffer.from(body).toString('latin1'))) {
        throw new GeneralError(`Unable to parse the response from endpoint URL: "${target.url}": the body is null`);
      }
      return { response: new HttpResponse({ statusCode: response.statusCode, reason: response.reason, headers: response.headers, body }) };
    },
    // The client's settings are fixed when it is made; the SDK has nothing to change here.
    updateHttpClientConfig() {},
    httpHandlerConfigs() { return {}; },
    destroy() { options.httpAgent.destroy(); options.httpsAgent.destroy(); },
  };
}

/** The raw answer an SDK error carries, when the failure was an HTTP response. */
export function rawResponseOf(e: unknown): { statusCode: number; headers: Record<string, string>; body: Uint8Array } | undefined {
  if (e === null || typeof e !== 'object') return undefined;
  const res = (e as { $response?: unknown }).$response;
  if (!HttpResponse.isInstance(res)) return undefined;
  const body = res.body instanceof Uint8Array ? res.body : new Uint8Array();
  return { statusCode: res.statusCode, headers: res.headers, body };
}
