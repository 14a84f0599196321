// The network calls of the credential providers, as botocore makes them: STS AssumeRole and
// AssumeRoleWithWebIdentity (query protocol, SigV4 or unsigned), the SSO portal's
// GetRoleCredentials, and the container credentials endpoint. Failures carry botocore's words
// (a refused connection is "Could not connect to the endpoint URL", a service error is
// "An error occurred (Code) when calling the Op operation: …"), never Node's or the SDK's.
// The AWS CLI makes the STS, SSO and SSO-OIDC clients from its session, so they share some of
// the command's network settings and not others: the environment's proxies (HTTPS_PROXY,
// HTTP_PROXY, NO_PROXY), the CA bundle of AWS_CA_BUNDLE / `ca_bundle` / REQUESTS_CA_BUNDLE, and
// --cli-connect-timeout / --cli-read-timeout apply; --ca-bundle, --no-verify-ssl and
// --endpoint-url are given to the command's own client only. The container fetcher uses none.
// Loaded only when such a source is used (the build puts it in dist/credential-providers.cjs).
import { createHash, createHmac } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isIP } from 'node:net';
import { tunnelAgent } from '../transport/tunnel-agent.js';
import type { Env } from '../config/files.js';
import { GeneralError, ServiceError } from '../errors/errors.js';
import { PythonError, bytesRepr } from '../python/builtins.js';
import { BodyTooLargeError, exchange, type Timer } from '../transport/http-send.js';
import { maskProxyUrl, proxyFor, proxyRoute, proxyUrlFailure } from '../transport/proxy.js';
import { caBundleOrFailure, checkCaBundleSetting, readCaBundle } from '../transport/ca-bundle.js';
import { classifyNetworkError, networkErrorToCliError } from '../transport/network-errors.js';
import { parseServiceError, UnreadableErrorResponse } from '../transport/service-error.js';
import type { Credentials } from './types.js';
import { logKeysOf } from '../transport/tls-keylog.js';

interface Response { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: Buffer }

export interface CallOptions {
  readonly maxAttempts: number;
  readonly caBundle?: Buffer | undefined;
  /** A CA bundle file to read when an https connection is made (AWS_CA_BUNDLE, `ca_bundle`, REQUESTS_CA_BUNDLE). */
  readonly caPath?: string | undefined;
  /** The environment: its proxy variables, and `~` in caPath. Without it no proxy is used. */
  readonly env?: Env | undefined;
  /** Milliseconds, 0 for none; botocore's default connect and read timeouts are 60 s. */
  readonly timeoutMs?: number;
  /** --cli-connect-timeout / --cli-read-timeout in milliseconds (0: none); timeoutMs otherwise. */
  readonly connectTimeoutMs?: number | undefined;
  readonly readTimeoutMs?: number | undefined;
  readonly sleep?: (ms: number) => Promise<void>;
  /** The connect and read timeouts' timer (src/cli/factory.ts); the real one by default. */
  readonly timer?: Timer | undefined;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The most a credential answer may hold. An STS AssumeRole answer with a session token and a
 * packed policy is 2 to 4 KiB, and the SSO, SSO-OIDC and container answers are smaller: 64 KiB
 * leaves room for a proxy's error page while a server sending an endless or huge body cannot
 * exhaust memory (the whole body is kept to be parsed).
 */
export const MAX_CREDENTIAL_BODY_BYTES = 64 * 1024;

/**
 * One HTTP exchange through http-send.ts, with its bounds: the connect timeout covers the TLS
 * handshake, the read timeout bounds each wait and the whole answer (a server dripping a byte a
 * second cannot keep it alive), the body is capped. A socket failure rejects with a
 * TransportFailure or Node's error (classified by the caller), a long body with BodyTooLargeError.
 */
async function send(url: URL, method: string, headers: Record<string, string>, body: string | undefined, opts: CallOptions, shownUrl: string): Promise<Response> {
  const tls = url.protocol === 'https:';
  // A bundle that cannot be used fails the call once its TCP connection is made (see caBundleOrFailure).
  const { ca, caFailure } = caBundleOrFailure(() => (tls ? opts.caBundle ?? (opts.caPath === undefined ? undefined : readCaBundle(opts.caPath, opts.env ?? {}, (reason) => new CaBundleError(`SSL validation failed for ${shownUrl} ${reason}`, 'SSLError'))) : undefined));
  const proxy = opts.env === undefined ? undefined : proxyFor(url.href, opts.env);
  // A proxy URL the AWS CLI cannot use fails the call as it fails there (proxy.ts).
  const proxyFailure = proxy === undefined ? undefined : proxyUrlFailure(proxy, tls ? 'https' : 'http');
  if (proxyFailure !== undefined) throw proxyFailure;
  const route = proxy === undefined ? undefined : proxyRoute(proxy);
  // Plain http through a proxy: sent to the proxy with the absolute URL, as urllib3 does (over
  // TLS, unverified, to an https proxy).
  const forward = !tls ? route : undefined;
  const tlsToProxy = forward?.protocol === 'https:';
  // One connection per call, closed after it: credentials are fetched once per command.
  const agent = tlsToProxy ? new HttpsAgent({ rejectUnauthorized: false })
    : !tls ? new HttpAgent()
      : route !== undefined ? tunnelAgent({ route, caFailure, ...(ca ? { ca } : {}) })
        : new HttpsAgent(ca ? { ca } : {});
  if ((tls || tlsToProxy) && opts.env !== undefined) logKeysOf(opts.env, agent as HttpsAgent);
  const timeout = opts.timeoutMs ?? 60_000;
  const proxyHeaders: Record<string, string> = forward?.authorization !== undefined ? { 'proxy-authorization': forward.authorization } : {};
  try {
    const res = await exchange({
      protocol: forward?.protocol ?? url.protocol,
      hostname: forward !== undefined ? forward.hostname : url.hostname.replace(/^\[|\]$/g, ''),
      port: forward !== undefined ? forward.port : url.port === '' ? undefined : Number(url.port),
      method, path: forward !== undefined ? url.href : `${url.pathname}${url.search}`, headers: { ...headers, ...proxyHeaders }, body,
      ...(tlsToProxy ? { tlsToProxy, servername: isIP(forward.hostname) === 0 ? forward.hostname : '' } : {}),
    }, agent, {
      connectTimeoutMs: opts.connectTimeoutMs ?? timeout, readTimeoutMs: opts.readTimeoutMs ?? timeout, maxBodyBytes: MAX_CREDENTIAL_BODY_BYTES, caFailure,
    }, proxy === undefined ? undefined : maskProxyUrl(proxy), undefined, opts.timer);
    return { status: res.statusCode, headers: res.headers, body: res.body };
  } finally {
    agent.destroy();
  }
}

/**
 * What botocore checks when it makes the client, before any request: a CA bundle setting that
 * is blank, whatever the endpoint's scheme (--no-verify-ssl does not reach these clients).
 */
function checkClientSettings(opts: CallOptions): void {
  checkCaBundleSetting(opts.caPath);
}

/** A CA bundle that cannot be used: botocore's SSLError for the call, final. */
class CaBundleError extends GeneralError {}

/** The Cognito path's words for an answer past the limit; final, never retried. */
const tooLarge = (e: BodyTooLargeError, shownUrl: string): GeneralError =>
  new GeneralError(`Response body too large (more than ${e.limit} bytes) from endpoint URL: "${shownUrl}"`);

/** A failed send as the caller throws it: too large is final, a socket failure retryable. */
function sendFailure(e: unknown, shownUrl: string): Error {
  if (e instanceof BodyTooLargeError) return tooLarge(e, shownUrl);
  if (e instanceof CaBundleError) return e;
  const err = networkErrorToCliError(e, shownUrl);
  if (classifyNetworkError(e) === 'other') return err;
  return new Retryable(err);
}

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string): Buffer => createHmac('sha256', key).update(s, 'utf8').digest();

/** SigV4 headers for a form POST to `/` (the only request STS needs). */
function signQuery(url: URL, body: string, region: string, creds: Credentials, now: Date): Record<string, string> {
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    host: url.host,
    'x-amz-date': amzDate,
    ...(creds.sessionToken ? { 'x-amz-security-token': creds.sessionToken } : {}),
  };
  const names = Object.keys(headers).sort();
  const canonical = ['POST', url.pathname || '/', '', ...names.map((n) => `${n}:${(headers[n] as string).trim()}`), '', names.join(';'), sha256(body)].join('\n');
  const scope = `${day}/${region}/sts/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${creds.secretAccessKey}`, day), region), 'sts'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}

/** botocore's percent-encoding of query values (RFC 3986 unreserved characters kept). */
const encode = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const THROTTLING = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottledException', 'TooManyRequestsException',
  'ProvisionedThroughputExceededException', 'TransactionInProgressException', 'RequestLimitExceeded',
  'BandwidthLimitExceeded', 'LimitExceededException', 'RequestThrottled', 'SlowDown', 'PriorRequestNotComplete', 'EC2ThrottledException',
]);
const TRANSIENT = new Set(['RequestTimeout', 'RequestTimeoutException', 'PriorRequestNotComplete', 'IDPCommunicationError']);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);

class Retryable extends Error {
  constructor(readonly error: Error) {
    super(error.message);
  }
}

/** botocore's standard retry loop around `attempt`; the final error names the retries made. */
async function withRetries<T>(opts: CallOptions, attempt: (isLast: boolean, retries: number) => Promise<T>): Promise<T> {
  const sleep = opts.sleep ?? defaultSleep;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n >= opts.maxAttempts, n - 1);
    } catch (e) {
      if (!(e instanceof Retryable)) throw e;
      if (n >= opts.maxAttempts) throw e.error;
      await sleep(Math.random() * Math.min(20_000, 1000 * 2 ** (n - 1)));
    }
  }
}

const xmlText = (s: string): string => s
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
  .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');

function tag(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  if (m) return xmlText(m[1] as string);
  return new RegExp(`<${name}\\s*/>`).test(xml) ? '' : undefined;
}

function notXml(res: Response): PythonError {
  // What expat says of a body that is not XML, in botocore's ResponseParserError.
  const text = res.body.toString('utf8');
  const col = text.length - text.trimStart().length;
  const reason = text.trim() === '' ? 'no element found: line 1, column 0' : `not well-formed (invalid token): line 1, column ${col}`;
  return new PythonError('ResponseParserError', `Unable to parse response (${reason}), invalid XML received. Further retries may succeed:\n${bytesRepr(res.body)}`);
}

const looksLikeXml = (res: Response): boolean => res.body.toString('utf8').trimStart().startsWith('<');

export interface StsCall {
  readonly endpoint: string;
  readonly region: string;
  readonly action: 'AssumeRole' | 'AssumeRoleWithWebIdentity';
  /** Parameters in the operation's member order. */
  readonly params: ReadonlyArray<readonly [string, string]>;
  /** undefined: unsigned (web identity). */
  readonly credentials: Credentials | undefined;
}

export interface TemporaryCredentials extends Credentials {
  readonly expirationText: string | undefined;
  /** AssumedRoleUser of an STS answer. */
  readonly assumedRoleArn?: string | undefined;
  readonly assumedRoleId?: string | undefined;
}

export async function callSts(call: StsCall, opts: CallOptions): Promise<TemporaryCredentials> {
  const url = new URL(call.endpoint);
  if (url.pathname === '') url.pathname = '/';
  const body = [['Action', call.action], ['Version', '2011-06-15'], ...call.params].map(([k, v]) => `${k}=${encode(v as string)}`).join('&');
  const shownUrl = `${url.origin}${url.pathname}`;
  checkClientSettings(opts);
  return withRetries(opts, async (_last, retries) => {
    const headers = call.credentials
      ? signQuery(url, body, call.region, call.credentials, new Date())
      : { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
    let res: Response;
    try {
      res = await send(url, 'POST', { ...headers, 'content-length': String(Buffer.byteLength(body)) }, body, opts, shownUrl);
    } catch (e) {
      throw sendFailure(e, shownUrl);
    }
    const xml = res.body.toString('utf8');
    if (res.status >= 300) {
      if (!looksLikeXml(res)) {
        if (TRANSIENT_STATUS.has(res.status)) throw new Retryable(new ServiceError(String(res.status), '', call.action, [], retries));
        throw notXml(res);
      }
      const code = tag(xml, 'Code') ?? String(res.status);
      const message = tag(xml, 'Message') ?? '';
      const retry = THROTTLING.has(code) || TRANSIENT.has(code) || TRANSIENT_STATUS.has(res.status);
      const error = new ServiceError(code, message, call.action, message === '' ? [] : [['message', message]], retry ? retries : undefined);
      if (retry) throw new Retryable(error);
      throw error;
    }
    if (!looksLikeXml(res)) throw notXml(res);
    const accessKeyId = tag(xml, 'AccessKeyId');
    const secretAccessKey = tag(xml, 'SecretAccessKey');
    const sessionToken = tag(xml, 'SessionToken');
    if (accessKeyId === undefined || secretAccessKey === undefined) throw new PythonError('KeyError', "'Credentials'");
    return {
      accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), expirationText: tag(xml, 'Expiration'),
      assumedRoleArn: tag(xml, 'Arn'), assumedRoleId: tag(xml, 'AssumedRoleId'),
    };
  });
}

export interface SsoCall {
  readonly endpoint: string;
  readonly accessToken: string;
  readonly roleName: string;
  readonly accountId: string;
}

/** GetRoleCredentials; `unauthorized` is the error botocore raises for UnauthorizedException. */
export async function callSsoPortal(call: SsoCall, opts: CallOptions, unauthorized: () => Error): Promise<TemporaryCredentials & { expirationMs: number }> {
  const base = call.endpoint.replace(/\/$/, '');
  const url = new URL(`${base}/federation/credentials?role_name=${encode(call.roleName)}&account_id=${encode(call.accountId)}`);
  const shownUrl = `${base}/federation/credentials?role_name=${encode(call.roleName)}&account_id=${encode(call.accountId)}`;
  checkClientSettings(opts);
  return withRetries(opts, async (_last, retries) => {
    let res: Response;
    try {
      res = await send(url, 'GET', { 'x-amz-sso_bearer_token': call.accessToken }, undefined, opts, shownUrl);
    } catch (e) {
      throw sendFailure(e, shownUrl);
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k] = v;
    if (res.status >= 300) {
      const answer = parseServiceError({ statusCode: res.status, headers, body: res.body });
      // An error body that cannot be read still has its status: botocore words it by the code alone.
      const parsed = answer instanceof UnreadableErrorResponse ? { code: String(res.status), message: '' } : answer;
      const code = headers['x-amzn-errortype']?.split(':')[0] || parsed.code;
      if (code === 'UnauthorizedException') throw unauthorized();
      const retry = THROTTLING.has(code) || TRANSIENT.has(code) || TRANSIENT_STATUS.has(res.status);
      const error = new ServiceError(code, parsed.message, 'GetRoleCredentials', [], retry ? retries : undefined);
      if (retry) throw new Retryable(error);
      throw error;
    }
    let body: { roleCredentials?: { accessKeyId?: string; secretAccessKey?: string; sessionToken?: string; expiration?: number } };
    try {
      body = JSON.parse(res.body.toString('utf8')) as typeof body;
    } catch {
      throw new GeneralError(`Unable to parse response (${res.body.toString('utf8')}), invalid JSON received.`);
    }
    const rc = body.roleCredentials;
    if (!rc) throw new PythonError('KeyError', "'roleCredentials'");
    return {
      accessKeyId: rc.accessKeyId ?? '', secretAccessKey: rc.secretAccessKey ?? '',
      ...(rc.sessionToken ? { sessionToken: rc.sessionToken } : {}),
      expirationText: undefined, expirationMs: rc.expiration ?? 0,
    };
  });
}

class FinalContainerError extends Error {
  constructor(readonly error: GeneralError) {
    super(error.message);
  }
}

/** ContainerMetadataFetcher: 3 attempts, 1 s apart (after the last too), 2 s timeout each. */
export async function fetchContainerCredentials(fullUrl: string, headers: Record<string, string>, opts: Pick<CallOptions, 'sleep' | 'timer'> = {}): Promise<Record<string, unknown>> {
  const sleep = opts.sleep ?? defaultSleep;
  const url = new URL(fullUrl);
  let last: GeneralError | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      let res: Response;
      try {
        res = await send(url, 'GET', { Accept: 'application/json', ...headers }, undefined, { maxAttempts: 1, timeoutMs: 2000, timer: opts.timer }, fullUrl);
      } catch (e) {
        // A body past the limit is final: the same answer would come again.
        const reason = e instanceof BodyTooLargeError ? tooLarge(e, fullUrl) : networkErrorToCliError(e, fullUrl);
        const error = new GeneralError(`Error retrieving metadata: Received error when attempting to retrieve container metadata: ${reason.message}`);
        if (e instanceof BodyTooLargeError) throw new FinalContainerError(error);
        throw error;
      }
      const text = res.body.toString('utf8');
      if (res.status !== 200) throw new GeneralError(`Error retrieving metadata: Received non 200 response ${res.status} from container metadata: ${text}`);
      try {
        const parsed: unknown = JSON.parse(text);
        return parsed as Record<string, unknown>;
      } catch {
        throw new GeneralError('Error retrieving metadata: Unable to parse JSON returned from container metadata services');
      }
    } catch (e) {
      if (e instanceof FinalContainerError) throw e.error;
      if (!(e instanceof GeneralError)) throw e;
      last = e;
      await sleep(1000);
    }
  }
  throw last as GeneralError;
}

export interface OidcRefresh {
  readonly endpoint: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

/**
 * sso-oidc CreateToken with a refresh token. A service error resolves to undefined (botocore
 * logs it and keeps the cached token); a connection failure is the command's error.
 */
export async function refreshSsoToken(call: OidcRefresh, opts: CallOptions): Promise<{ accessToken: string; expiresIn: number; refreshToken?: string } | undefined> {
  const shownUrl = `${call.endpoint.replace(/\/$/, '')}/token`;
  const url = new URL(shownUrl);
  const body = JSON.stringify({ clientId: call.clientId, clientSecret: call.clientSecret, grantType: 'refresh_token', refreshToken: call.refreshToken });
  checkClientSettings(opts);
  return withRetries(opts, async (_last, retries) => {
    let res: Response;
    try {
      res = await send(url, 'POST', { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body, opts, shownUrl);
    } catch (e) {
      throw sendFailure(e, shownUrl);
    }
    if (res.status >= 300) {
      if (TRANSIENT_STATUS.has(res.status)) throw new Retryable(new ServiceError(String(res.status), '', 'CreateToken', [], retries));
      return undefined;
    }
    try {
      const parsed = JSON.parse(res.body.toString('utf8')) as { accessToken?: string; expiresIn?: number; refreshToken?: string };
      if (typeof parsed.accessToken !== 'string' || typeof parsed.expiresIn !== 'number') return undefined;
      return { accessToken: parsed.accessToken, expiresIn: parsed.expiresIn, ...(parsed.refreshToken ? { refreshToken: parsed.refreshToken } : {}) };
    } catch {
      return undefined;
    }
  });
}
