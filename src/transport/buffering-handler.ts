// The SDK's Node HTTP handler, with each response body buffered. The AWS CLI's error messages
// are derived from the raw bytes of the answer (botocore's parser), and the SDK keeps the
// response it parsed on the error it throws ($response): buffering makes those bytes readable
// again. The operation's answers are tiny, so nothing is lost by not streaming.
import { HttpRequest, HttpResponse, type HttpHandler } from '@smithy/core/protocols';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions } from '@smithy/types';
import type { Readable } from 'node:stream';
import { GeneralError } from '../errors/errors.js';
import { NO_DEBUG, type DebugLog } from '../diagnostics/debug-log.js';
import { REDACTED, redactParams } from '../diagnostics/redact.js';
import { bytesRepr, strRepr } from '../output/python.js';
import { SENSITIVE_MEMBERS } from '../service/model.js';
import { pythonJsonDumps } from './wire-body.js';
import { classifyNetworkError } from './network-errors.js';

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

async function readAll(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body as Readable) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
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

export interface HandlerOptions {
  readonly log?: DebugLog;
  /** Where to print urllib3's warning when TLS verification is off (--no-verify-ssl). */
  readonly warnInsecure?: ((text: string) => void) | undefined;
  /** A proxy for plain-http requests, which get sent to it with their absolute URL. */
  readonly httpProxy?: URL | undefined;
}

/** The request as a forward proxy expects it: to the proxy, absolute URL, its credentials added. */
function viaProxy(request: HttpRequest, proxy: URL): HttpRequest {
  const headers = { ...request.headers };
  if (proxy.username !== '') {
    const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    headers['proxy-authorization'] = `Basic ${Buffer.from(user).toString('base64')}`;
  }
  const forwarded = new HttpRequest({ ...request, hostname: proxy.hostname, port: Number(proxy.port || 80), headers });
  // Set after construction: the constructor would make the absolute URL a path by prefixing `/`.
  forwarded.path = requestUrl(request);
  return forwarded;
}

export function bufferingHandler(inner: NodeHttpHandler, target: TargetRecord, options: HandlerOptions = {}): HttpHandler<HttpHandlerOptions> {
  const { log = NO_DEBUG, warnInsecure, httpProxy } = options;
  const warned = new Set<string>();
  return {
    async handle(request: HttpRequest, handlerOptions?: HttpHandlerOptions) {
      target.url = urlForMessages(request);
      if (request.protocol !== 'http:' && request.protocol !== 'https:') {
        throw new GeneralError(`An HTTP Client raised an unhandled exception: Not supported URL scheme ${request.protocol.replace(/:$/, '')}`);
      }
      // urllib3 warns once the connection is up: a failed connect or handshake gets no warning.
      const warn = (): void => {
        if (warnInsecure && request.protocol === 'https:' && !warned.has(request.hostname)) {
          warned.add(request.hostname);
          warnInsecure(insecureRequestWarning(request.hostname));
        }
      };
      if (log.enabled) {
        const headers = { ...request.headers };
        if (headers['x-amz-security-token']) headers['x-amz-security-token'] = REDACTED;
        log.log('botocore.endpoint', `Sending http request: <AWSPreparedRequest stream_output=False, method=${request.method}, url=${target.url}, headers=${headersForLog(headers, true)}, body=${bodyForLog(request.body)}>`);
      }
      const sent = httpProxy && request.protocol === 'http:' ? viaProxy(request, httpProxy) : request;
      let response;
      try {
        ({ response } = await inner.handle(sent, handlerOptions));
      } catch (e) {
        const failure = classifyNetworkError(e);
        if (failure !== 'connect' && failure !== 'connect-timeout' && failure !== 'tls') warn();
        throw e;
      }
      warn();
      const body = await readAll(response.body);
      if (log.enabled) {
        const origin = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}`;
        log.log('urllib3.connectionpool', `${origin} "${request.method} ${request.path} HTTP/1.1" ${response.statusCode} ${body.length}`);
        log.log('botocore.parsers', `Response headers: ${headersForLog(response.headers, false)}`);
        log.log('botocore.parsers', `Response body:\n${bytesRepr(body)}`);
      }
      return { response: new HttpResponse({ statusCode: response.statusCode, reason: response.reason, headers: response.headers, body }) };
    },
    updateHttpClientConfig(key, value) { inner.updateHttpClientConfig(key as never, value as never); },
    httpHandlerConfigs() { return inner.httpHandlerConfigs(); },
    destroy() { inner.destroy(); },
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
