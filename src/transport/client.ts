// The one place that talks to Amazon Cognito: an SDK client configured from the AWS CLI's
// resolved settings (never from the SDK's own environment and file lookups, which differ), with
// botocore's retry behavior, its timeouts and its error messages. Imported lazily: nothing that
// can answer without the network loads the SDK.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import {
  AdminUserGlobalSignOutCommand, CognitoIdentityProviderClient, DescribeUserPoolCommand, ListUsersCommand, type CognitoIdentityProviderClientConfig,
  type AdminUserGlobalSignOutCommandInput, type AdminUserGlobalSignOutCommandOutput, type ListUsersCommandInput, type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { HttpResponse, type HttpRequest } from '@smithy/core/protocols';
import type { AwsCredentialIdentity, FinalizeHandler, FinalizeHandlerArguments } from '@smithy/types';
import { CliError, ErrorlessServiceError, GeneralError, ServiceError } from '../errors/errors.js';
import { OPERATION_NAME, SENSITIVE_MEMBERS } from '../service/model.js';
import { REDACTED, redactParams } from '../diagnostics/redact.js';
import { BotocoreRetryStrategy, retryClassOf } from './retry.js';
import { scopedEndpoint } from './scoped-endpoint.js';
import { bufferingHandler, rawResponseOf, type TargetRecord } from './buffering-handler.js';
import { classifyNetworkError, networkErrorToCliError } from './network-errors.js';
import { UnreadableErrorResponse, isErrorStatus, parseServiceError } from './service-error.js';
import { pythonJsonDumps } from './wire-body.js';
import { silenceSdkNotices } from './sdk-env.js';
import { proxyFor, proxyRoute, proxyUrlFailure, type ProxyRoute } from './proxy.js';
import { caBundleOrFailure } from './ca-bundle.js';
import { CsmMonitor } from './csm.js';
import { botocoreRequestUrl, endpointPath, endpointQuery, regionalEndpoint } from './endpoint.js';
import { tunnelAgent } from './tunnel-agent.js';
import type { Env } from '../config/files.js';
import type { ResolvedClientSettings } from './client-settings.js';
import type { DebugLog } from '../diagnostics/debug-log.js';
import type { Timer } from './http-send.js';
import { logKeysOf } from './tls-keylog.js';

export interface ClientSettings extends ResolvedClientSettings {
  /** undefined with --no-sign-request. */
  readonly credentials: (() => Promise<AwsCredentialIdentity>) | undefined;
  readonly maxSockets?: number;
  readonly log: DebugLog;
  /** The environment, for proxy settings. */
  readonly env: Env;
  /** Where warnings go (stderr): urllib3's InsecureRequestWarning under --no-verify-ssl. */
  readonly warn: (text: string) => void;
  /**
   * botocore notes "max attempts reached" for any error on the last attempt (so with
   * AWS_MAX_ATTEMPTS=1 even a user error says `(reached max retries: 0)`). A caller that makes
   * its own retry decisions (bulk-sign-out, one attempt per call) leaves this off: the note then
   * marks exactly the errors botocore would have retried.
   */
  readonly noteLastAttempt?: boolean;
  /**
   * false: the caller logs botocore.endpoint's 'Making request' line itself (before the signer's
   * credentials are fetched, which can fail, as botocore's deferred credentials do when signing).
   */
  readonly logsMakingRequest?: boolean;
  /** The retry backoff's jitter (src/cli/factory.ts); Math.random by default. */
  readonly random?: (() => number) | undefined;
  /** The wait between attempts (src/cli/factory.ts); the SDK's own timer by default. */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  /** The connect and read timeouts' timer (src/cli/factory.ts); the real one by default. */
  readonly timer?: Timer | undefined;
}

const noLog = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };
/** What the handler holds for https when the endpoint is http: never asked for a socket. */
const UNUSED_HTTPS_AGENT = { destroy() {} } as unknown as HttpsAgent;

/**
 * Keep-alive agents, through the environment's proxy when one applies (the SDK ignores proxies):
 * https goes through a CONNECT tunnel; plain http is sent to the proxy with the absolute URL, as
 * urllib3 does (many proxies refuse CONNECT to port 80), which the handler arranges, over TLS
 * (never verified, as urllib3 does for an http URL) when the proxy's URL is https.
 */
function agentsFor(s: ClientSettings, endpoint: string): { httpAgent: HttpAgent; httpsAgent: HttpsAgent; httpProxy: ProxyRoute | undefined; forwardTlsAgent: HttpsAgent | undefined; proxy: string | undefined; proxyTls: boolean; proxyFailure: Error | undefined; caFailure: Error | undefined } {
  const base = { keepAlive: true, maxSockets: s.maxSockets ?? 50 };
  // A bundle that cannot be used fails each connection once it is made (see caBundleOrFailure).
  const { ca, caFailure } = caBundleOrFailure(() => s.caBundle(regionAsGiven(new URL(endpoint).href, s.region)));
  const tls = { rejectUnauthorized: s.verifyTls, ...(ca ? { ca } : {}) };
  // The proxy depends on the endpoint's scheme and host (`endpoint`: as given, or the one the
  // rules choose for the region, FIPS and dual-stack settings).
  const target = new URL(endpoint);
  const https = target.protocol === 'https:';
  const proxy = proxyFor(endpoint, s.env);
  // A proxy URL the AWS CLI cannot use fails each attempt the way it fails there (proxy.ts).
  const proxyFailure = proxy === undefined ? undefined : proxyUrlFailure(proxy, https ? 'https' : 'http');
  const route = proxy !== undefined && proxyFailure === undefined ? proxyRoute(proxy) : undefined;
  return {
    httpAgent: new HttpAgent(base),
    // A plain-http endpoint never uses the https agent: an inert one keeps node:https (and TLS,
    // which Node 22+ takes several milliseconds to load) unloaded; see the build's lazy stubs.
    httpsAgent: !https ? UNUSED_HTTPS_AGENT : route !== undefined ? tunnelAgent({ ...base, ...tls, route, caFailure }) : new HttpsAgent({ ...base, ...tls }),
    httpProxy: !https ? route : undefined,
    forwardTlsAgent: !https && route?.protocol === 'https:' ? new HttpsAgent({ ...base, rejectUnauthorized: false }) : undefined,
    proxy,
    proxyTls: route?.protocol === 'https:',
    proxyFailure,
    caFailure,
  };
}

export interface ListUsersPage {
  readonly users: readonly UserType[];
  readonly paginationToken: string | undefined;
}

/** A bulk sign-out's answer: its request ID and, when it was not a sign-out, why. */
export interface CheckedAnswer {
  readonly requestId: string | undefined;
  readonly error?: CliError;
  /** The gate refused (the run is stopping): nothing was sent. */
  readonly notSent?: boolean;
}

/**
 * The input as given, carried past the SDK's serializer (which cannot write a bigint and drops
 * nulls) to the body middleware: with parameter validation off, botocore sends what it was given.
 */
const AS_GIVEN = Symbol('cogsignout input as given');

function sdkInput(params: Readonly<Record<string, unknown>>): { UserPoolId: string; Username: string } {
  if (Object.values(params).every((v) => typeof v === 'string')) return params as { UserPoolId: string; Username: string };
  const strings = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
  return Object.assign(strings, { [AS_GIVEN]: params }) as unknown as { UserPoolId: string; Username: string };
}

/** Thrown through the SDK's stack when the gate refuses, caught by signOutChecked. */
const GATE_CLOSED = new Error('not sent: the run is stopping');

export interface CognitoClient {
  /** AdminUserGlobalSignOut; resolves to the (empty) response, rejects with the AWS CLI's error. */
  /** Strings, or any JSON value when parameter validation is off (wire-body.ts). */
  signOut(params: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>>;
  /**
   * AdminUserGlobalSignOut for bulk runs, never rejecting: unlike botocore (and `signOut`), a 2xx
   * answer counts only when its body is the service's JSON object, because a journal that
   * records a proxy's HTML page as a sign-out makes the rerun skip a user who was never signed out.
   */
  signOutChecked(params: Readonly<Record<string, string>>, gate?: () => Promise<boolean>): Promise<CheckedAnswer>;
  /** DescribeUserPool, as a read-only check that the pool exists and the credentials work. */
  describeUserPool(userPoolId: string): Promise<void>;
  /** One page of ListUsers (for bulk sign-out), with the same retries and error mapping. */
  listUsers(params: ListUsersCommandInput): Promise<ListUsersPage>;
  destroy(): void;
}

type Handler = ReturnType<typeof bufferingHandler>;

/**
 * The endpoint the SDK's rules choose for `region` and the client's FIPS and dual-stack settings,
 * or undefined where they refuse it. One resolver for both uses: the URL botocore matches
 * NO_PROXY against, and botocore.regions' log line.
 */
function rulesEndpoint(client: CognitoIdentityProviderClient, region: string, s: ClientSettings): URL | undefined {
  try {
    return client.config.endpointProvider({ Region: region, UseFIPS: s.useFips, UseDualStack: s.useDualstack }).url;
  } catch {
    return undefined;
  }
}

/**
 * An endpoint's user-info as --debug shows it: to the authority's last `@`, as urlsplit reads it
 * (spaces and quotes included), its password masked here already.
 */
function urlUserInfoForLog(endpoint: string | undefined): string | undefined {
  const info = endpoint === undefined ? undefined : /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*@)/i.exec(endpoint)?.[1];
  if (info === undefined) return undefined;
  const colon = info.indexOf(':');
  return colon < 0 || colon === info.length - 2 ? info : `${info.slice(0, colon)}:${REDACTED}@`;
}

/** botocore.endpoint's line as it makes the request (before signing), sensitive members hidden. */
export function makingRequestMessage(input: Readonly<Record<string, unknown>>): string {
  return `Making request for OperationModel(name=${OPERATION_NAME}) with params: ${pythonJsonDumps(redactParams(input, SENSITIVE_MEMBERS))}`;
}

/**
 * botocore.regions' second line: the endpoint the rules chose (a given one as given; the rules'
 * own without a trailing slash). A configuration the rules refuse fails later, where the SDK
 * resolves it for the request.
 */
function logEndpointResult(client: CognitoIdentityProviderClient, s: ClientSettings): void {
  const url = s.endpoint === undefined ? rulesEndpoint(client, s.region, s) : undefined;
  const result = s.endpoint ?? (url === undefined ? undefined : url.pathname === '/' && url.search === '' ? `${url.protocol}//${url.host}` : url.href);
  if (result !== undefined) s.log.log('botocore.regions', `Endpoint provider result: ${result}`);
}

/**
 * botocore's request, before it is measured and signed: its JSON bytes, and an endpoint's path
 * used as is (the SDK appends the operation's `/` to it), with the endpoint's query.
 */
function addBotocoreRequest(client: CognitoIdentityProviderClient, s: ClientSettings): void {
  const requestPath = s.endpoint === undefined ? '/' : endpointPath(s.endpoint);
  const query = s.endpoint === undefined ? undefined : endpointQuery(s.endpoint);
  client.middlewareStack.add((next, context) => async (args) => {
    const given = (args as { input?: Record<string, string> & { [AS_GIVEN]?: Record<string, unknown> } }).input;
    const input = given?.[AS_GIVEN] ?? given;
    const req = args.request as HttpRequest;
    if (context.commandName === 'AdminUserGlobalSignOutCommand' && input) {
      req.body = pythonJsonDumps(input);
      if (s.logsMakingRequest !== false) s.log.log('botocore.endpoint', makingRequestMessage(input));
    }
    if (requestPath !== '/') req.path = requestPath;
    if (query !== undefined) req.query = { ...query, ...req.query };
    return next(args);
  }, { step: 'serialize', priority: 'low', name: 'cogsignoutBotocoreRequest' });
}

/**
 * The SDK client's configuration: every setting given (so that the SDK never reads the config
 * files or the environment itself), botocore's retries, and the signer or none.
 */
function sdkConfig(s: ClientSettings, sdkRegion: string, endpoint: string | undefined, retryStrategy: BotocoreRetryStrategy, requestHandler: NonNullable<CognitoIdentityProviderClientConfig['requestHandler']>): CognitoIdentityProviderClientConfig {
  const signing = s.credentials === undefined
    ? [{ schemeId: 'smithy.api#noAuth' }]
    : [{
      schemeId: 'aws.auth#sigv4',
      signingProperties: { name: 'cognito-idp', region: s.region, signingRegion: s.region },
      propertiesExtractor: (config: unknown, context: unknown) => ({ signingProperties: { config, context } }),
    }];
  return {
    // The SDK insists on a non-empty region even when the endpoint is given, and refuses the
    // final newline botocore's check lets through (the signature above still carries it).
    region: sdkRegion,
    endpoint,
    // The configured endpoints are resolved as botocore does (endpoint.ts); the SDK's own lookup
    // of AWS_ENDPOINT_URL and the config files knows only a lower-case `true` to switch it off.
    ignoreConfiguredEndpointUrls: true,
    useFipsEndpoint: s.useFips,
    useDualstackEndpoint: s.useDualstack,
    credentials: s.credentials,
    maxAttempts: s.maxAttempts,
    retryMode: s.retryMode,
    retryStrategy,
    // Given, like every setting here, so that the SDK never reads the config files itself.
    disableClockSkewCorrection: false,
    // Made once the client can say which endpoint the rules choose (createCognitoClient).
    requestHandler,
    customUserAgent: [['cogsignout', s.version]],
    // Never undefined: the SDK would then read the config files itself (with its own profile rules).
    userAgentAppId: s.userAgentAppId ?? '',
    authSchemePreference: [],
    defaultsMode: 'legacy',
    logger: noLog,
    httpAuthSchemeProvider: () => signing as ReturnType<NonNullable<CognitoIdentityProviderClientConfig['httpAuthSchemeProvider']>>,
  };
}

export function createCognitoClient(s: ClientSettings): CognitoClient {
  silenceSdkNotices();
  const target: TargetRecord = {};
  let handler: Handler | undefined;
  const retryStrategy = new BotocoreRetryStrategy(s.maxAttempts, s.retryMode, s.log, s.random, s.newRetries, s.sleep);
  const seconds = (ms: number): string => (ms === 0 ? 'None' : String(ms / 1000));
  s.log.log('botocore.endpoint', `Setting cognito-idp timeout as (${seconds(s.connectTimeoutMs)}, ${seconds(s.readTimeoutMs)})`);
  s.log.log('botocore.regions', `Calling endpoint provider with parameters: {'Region': '${s.region}', 'UseDualStack': ${s.useDualstack ? 'True' : 'False'}, 'UseFIPS': ${s.useFips ? 'True' : 'False'}${s.endpoint === undefined ? '' : `, 'Endpoint': '${s.endpoint}'`}}`);
  const scoped = s.endpoint === undefined ? undefined : scopedEndpoint(s.endpoint);
  const sdkRegion = s.region.replace(/\n$/, '') || 'us-east-1';
  const config = sdkConfig(s, sdkRegion, scoped?.url ?? s.endpoint, retryStrategy, {
    handle: (...args: Parameters<Handler['handle']>) => (handler as Handler).handle(...args),
    updateHttpClientConfig() {},
    httpHandlerConfigs() { return {}; },
    destroy() { handler?.destroy?.(); },
  });
  const client = new CognitoIdentityProviderClient(config);
  // The SDK's region config takes a region that still starts with `fips-` or ends with `-fips`
  // as a FIPS pseudo-region once more (`fifips-ps-us-east-1` is `fips-us-east-1` after botocore's
  // one pass, which botocore keeps), and refuses one that is no host label (`-us-east-1`):
  // botocore has already done both its normalization and its checks (client-settings.ts).
  Object.assign(client.config, { region: () => Promise.resolve(sdkRegion), useFipsEndpoint: () => Promise.resolve(s.useFips) });
  // botocore decides the proxy from the endpoint URL it creates the client with: without
  // --endpoint-url the region's (the FIPS one, another partition's DNS suffix), which the SDK's
  // rules give as botocore's do for this service.
  // A region the rules refuse fails the call itself, with the SDK's message.
  const endpoint = scoped?.url ?? s.endpoint ?? rulesEndpoint(client, sdkRegion, s)?.href ?? regionalEndpoint(s.region);
  const { httpAgent, httpsAgent, httpProxy, forwardTlsAgent, proxy, proxyTls, proxyFailure, caFailure } = agentsFor(s, endpoint);
  logKeysOf(s.env, httpsAgent === UNUSED_HTTPS_AGENT ? undefined : httpsAgent, forwardTlsAgent);
  handler = bufferingHandler(target, {
    httpAgent, httpsAgent, connectTimeoutMs: s.connectTimeoutMs, readTimeoutMs: s.readTimeoutMs, timer: s.timer, proxyUrl: proxy, proxyFailure, caFailure,
    log: s.log, warnInsecure: s.verifyTls ? undefined : s.warn, httpProxy, forwardTlsAgent, proxyTls, warn: s.warn,
    urlUserInfo: urlUserInfoForLog(s.endpoint),
    scoped,
  });
  if (s.log.enabled) logEndpointResult(client, s);
  const messageUrl = s.endpoint === undefined ? undefined : botocoreRequestUrl(s.endpoint);
  // The rules put the region in the host as it was given; botocore's messages keep its case,
  // where the parsed URL the SDK sent to has it in lower case.
  const targetUrl = (): string => regionAsGiven(target.url ?? '', s.region);
  const sentUrl = (): string => messageUrl ?? targetUrl();
  addBotocoreRequest(client, s);
  const monitor = s.csm === undefined ? undefined
    : new CsmMonitor(s.csm, { maxAttempts: s.maxAttempts, url: sentUrl, notMade: (e) => e === GATE_CLOSED, log: s.log });
  // The monitor reads no input or output shape: any stack of the client's commands will do.
  monitor?.register(client.middlewareStack as unknown as Parameters<CsmMonitor['register']>[0]);

  return {
    async signOut(params) {
      const command = new AdminUserGlobalSignOutCommand(sdkInput(params));
      // The answer's request ID, which the AWS CLI's formatter logs (botocore's JSON parser reads
      // only this header).
      let requestId: string | undefined;
      if (s.log.enabled) {
        command.middlewareStack.add((next) => async (args) => {
          const out = await next(args);
          requestId = HttpResponse.isInstance(out.response) ? out.response.headers['x-amzn-requestid'] : undefined;
          return out;
        }, { step: 'deserialize', priority: 'high', name: 'cogsignoutRequestId' });
      }
      try {
        await client.send(command);
        return requestId === undefined ? {} : { ResponseMetadata: { RequestId: requestId } };
      } catch (e) {
        const mapped = mapCallError(e, s.maxAttempts, sentUrl(), OPERATION_NAME, s.noteLastAttempt);
        if (mapped === undefined) return {};
        throw mapped;
      }
    },
    async signOutChecked(params, gate) {
      let raw: { statusCode: number; headers: Record<string, string>; body: unknown } | undefined;
      const command = new AdminUserGlobalSignOutCommand(params as { UserPoolId: string; Username: string });
      if (gate) {
        // The rate limiter's permission is taken here, just before signing (which takes no time),
        // and so just before the request goes to the socket: what the service counts per second
        // is then what was permitted, not blurred by the time the SDK takes to get there. Not
        // after signing: a request can wait minutes for its turn (many workers at a low rate),
        // and the service refuses a signature older than five minutes.
        command.middlewareStack.addRelativeTo((next: FinalizeHandler<AdminUserGlobalSignOutCommandInput, AdminUserGlobalSignOutCommandOutput>) => async (args: FinalizeHandlerArguments<AdminUserGlobalSignOutCommandInput>) => {
          if (!(await gate())) throw GATE_CLOSED;
          return next(args);
        }, { relation: 'before', toMiddleware: 'httpSigningMiddleware', name: 'cogsignoutRateGate' });
      }
      command.middlewareStack.add((next) => async (args) => {
        try {
          const out = await next(args);
          raw = out.response as typeof raw;
          return out;
        } catch (e) {
          raw = rawResponseOf(e);
          throw e;
        }
      }, { step: 'deserialize', priority: 'high', name: 'cogsignoutCheckedAnswer' });
      let error: CliError | undefined;
      try {
        await client.send(command);
      } catch (e) {
        if (e === GATE_CLOSED) return { requestId: undefined, notSent: true };
        error = mapCallError(e, s.maxAttempts, targetUrl(), OPERATION_NAME);
      }
      const requestId = raw === undefined ? undefined : headerOf(raw.headers, 'x-amzn-requestid');
      if (error === undefined) error = notJsonAnswer(raw);
      return error === undefined ? { requestId } : { requestId, error };
    },
    async describeUserPool(userPoolId) {
      try {
        await client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
      } catch (e) {
        const mapped = mapCallError(e, s.maxAttempts, targetUrl(), 'DescribeUserPool');
        if (mapped !== undefined) throw mapped;
      }
    },
    async listUsers(params) {
      try {
        const out = await client.send(new ListUsersCommand(params));
        return { users: out.Users ?? [], paginationToken: out.PaginationToken };
      } catch (e) {
        throw mapCallError(e, s.maxAttempts, sentUrl(), 'ListUsers', s.noteLastAttempt) ?? new GeneralError('ListUsers returned an unreadable answer');
      }
    },
    destroy() { client.destroy(); monitor?.close(); },
  };
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

/** Why a 2xx answer is not AdminUserGlobalSignOut's `{}`, or undefined when it is one. */
export function notJsonAnswer(raw: { statusCode: number; headers: Record<string, string>; body: unknown } | undefined): CliError | undefined {
  if (raw === undefined) return new ServiceError('InvalidResponse', 'No HTTP answer was read', OPERATION_NAME, [], undefined);
  const bytes = raw.body instanceof Uint8Array ? raw.body : new Uint8Array();
  const text = new TextDecoder('utf-8').decode(bytes);
  if (raw.statusCode >= 200 && raw.statusCode < 300) {
    try {
      const value: unknown = JSON.parse(text);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return undefined;
    } catch { /* described below */ }
  }
  const type = headerOf(raw.headers, 'content-type') ?? 'no content-type';
  const excerpt = text.replace(/\s+/g, ' ').trim().slice(0, 80);
  const body = bytes.length === 0 ? 'an empty body' : `${bytes.length} bytes: ${JSON.stringify(excerpt)}`;
  return new ServiceError('InvalidResponse', `HTTP ${raw.statusCode} (${type}) with ${body}, not the service's JSON answer; nobody is counted as signed out on it`, OPERATION_NAME, [], undefined);
}

/** The AWS CLI's error for a failed call; undefined when botocore would have called it a success. */
/** A rules-based endpoint's URL with the region's own case in its host. */
function regionAsGiven(url: string, region: string): string {
  const lower = region.toLowerCase();
  if (lower === region) return url;
  return url.replace(/^([a-z]+:\/\/)([^/]*)/, (_m, scheme: string, host: string) => scheme + host.replace(`.${lower}.`, `.${region}.`));
}

export function mapCallError(e: unknown, maxAttempts: number, url: string, operation: string, noteLastAttempt = false): CliError | undefined {
  if (e instanceof CliError) return e;
  const raw = rawResponseOf(e);
  if (raw) {
    const attempts = (e as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
    // botocore checks the attempt count before the error's kind (see noteLastAttempt).
    const exhausted = attempts >= maxAttempts && (noteLastAttempt || retryClassOf(e) !== 'no');
    // botocore's parser reads any 2xx/3xx (<301) answer as success, whatever its body; its
    // client raises on 300 and up, so a 300 is an error with nothing parsed from it.
    if (!isErrorStatus(raw.statusCode)) {
      return raw.statusCode >= 300 ? new ErrorlessServiceError(operation, exhausted ? attempts - 1 : undefined) : undefined;
    }
    const parsed = parseServiceError(raw);
    if (parsed instanceof UnreadableErrorResponse) {
      return new GeneralError(`Unable to parse the error response from endpoint URL: "${url}": ${parsed.reason}`);
    }
    return new ServiceError(parsed.code, parsed.message, operation, parsed.fields, exhausted ? attempts - 1 : undefined, parsed.messageValue);
  }
  if (classifyNetworkError(e) !== 'other') return networkErrorToCliError(e, url);
  return new GeneralError(e instanceof Error ? e.message : String(e));
}
