// The AWS CLI's credential chain, botocore's providers in botocore's order: environment keys
// (skipped for --profile, but not for AWS_PROFILE), assume-role, web identity, SSO, the
// credentials file, login sessions, credential_process, the config file, the original EC2
// tools' AWS_CREDENTIAL_FILE, boto's ~/.boto / BOTO_CONFIG, container credentials and instance
// metadata. Every check and error is botocore's own (the SDK's providers word things
// differently and never run here, except for instance metadata, whose failures botocore
// ignores). Looking credentials up (loadCredentials) checks the configuration and runs what
// botocore runs when it creates a client; the credentials themselves (STS, the SSO portal)
// are fetched when the request is about to be signed.
import { readFileSync, statSync } from 'node:fs';
import { GeneralError, NoCredentialsError } from '../errors/errors.js';
import { PythonError } from '../python/builtins.js';
import { osErrorText } from '../util/os-errors.js';
import { ConfigParseError, expandPath, type Profile } from '../config/files.js';
import { IniParseError, parseIni } from '../config/ini.js';
import { isTrue, type Settings } from '../config/settings.js';
import { imdsDisabled, imdsDisabledLines, shouldAskInstanceMetadata } from './ec2.js';
import { silenceSdkNotices } from '../transport/sdk-env.js';
import { NO_DEBUG, type DebugLog } from '../diagnostics/debug-log.js';
import { hasAssumeRoleConfig, loadAssumeRole, loadWebIdentity } from './assume-role.js';
import { checkSsoTokenConfig, loadLogin, loadSso } from './sso.js';
import { PROCESS_METHOD, runCredentialProcess, signingCredentials } from './process.js';
import { freshCredentials, parseExpiry, type Expiring } from './expiry.js';
import { PartialCredentialsError, partialCredentials, ready, retrievalError, type Deferred, type ProviderContext } from './provider.js';
import type { Credentials } from './types.js';
import type { Timer } from '../transport/http-send.js';

export type { Credentials } from './types.js';
export type { Deferred } from './provider.js';

export interface ResolvedCredentials {
  readonly credentials: Credentials;
  /** botocore's name of the provider that found them (for --debug). */
  readonly method: string;
}

export interface LookupOptions {
  /** The region the command resolved (clients made for credentials use it). */
  readonly region?: string | undefined;
  /** The waits between the providers' retries (src/cli/factory.ts); real time by default. */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  /** The HTTP calls' connect and read timeouts' timer (src/cli/factory.ts); the real one by default. */
  readonly timer?: Timer | undefined;
  /** --cli-connect-timeout / --cli-read-timeout in milliseconds (0: none): the credential clients use them too. */
  readonly connectTimeoutMs?: number | undefined;
  readonly readTimeoutMs?: number | undefined;
}

type Env = Settings['env'];

function fromEnvironment(env: Env): Deferred | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID ?? '';
  if (accessKeyId === '') return undefined;
  const read = (): Expiring => {
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY ?? '';
    if (secretAccessKey === '') throw partialCredentials('env', 'AWS_SECRET_ACCESS_KEY');
    const sessionToken = env.AWS_SECURITY_TOKEN || env.AWS_SESSION_TOKEN || undefined;
    const expiry = env.AWS_CREDENTIAL_EXPIRATION || undefined;
    return {
      credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
      expiresAt: expiry === undefined ? undefined : parseExpiry(expiry),
    };
  };
  const first = read();
  return { method: 'env', fetch: () => freshCredentials(first, async () => read()) };
}

function fromStaticProfile(profile: Profile | undefined, provider: string): Deferred | undefined {
  if (!profile || !profile.has('aws_access_key_id')) return undefined;
  const accessKeyId = profile.get('aws_access_key_id');
  const secretAccessKey = profile.get('aws_secret_access_key');
  if (secretAccessKey === undefined) throw partialCredentials(provider, 'aws_secret_access_key');
  const token = profile.get('aws_security_token') ?? profile.get('aws_session_token');
  return ready(provider, {
    accessKeyId: String(accessKeyId),
    secretAccessKey: String(secretAccessKey),
    ...(typeof token === 'string' && token !== '' ? { sessionToken: token } : {}),
  });
}

function fromProcess(profile: Profile, env: Env): Promise<Deferred | undefined> | undefined {
  const command = profile.get('credential_process');
  if (command === undefined) return undefined;
  const childEnv = { ...env } as NodeJS.ProcessEnv;
  const once = async (): Promise<Expiring> => {
    const r = await runCredentialProcess(String(command), childEnv);
    const expiresAt = r.expiry === undefined ? undefined : parseExpiry(r.expiry);
    return { credentials: signingCredentials(r), expiresAt };
  };
  return once().then((first) => ({ method: PROCESS_METHOD, fetch: () => freshCredentials(first, once) }));
}

/** OriginalEC2Provider: `AWSAccessKeyId=…` lines in the file AWS_CREDENTIAL_FILE names. */
function fromEc2CredentialFile(env: Env): Deferred | undefined {
  const setting = env.AWS_CREDENTIAL_FILE;
  if (setting === undefined) return undefined;
  // os.path.expanduser only: no variables.
  const path = setting === '~' || setting.startsWith('~/') ? (env.HOME ?? '') + setting.slice(1) : setting;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new GeneralError(`The specified config file (${path}) could not be found.`);
  }
  const values = new Map<string, string>();
  for (const line of text.split(/\r\n|\n|\r/)) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    values.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  const accessKeyId = values.get('AWSAccessKeyId');
  if (accessKeyId === undefined) return undefined;
  const secretAccessKey = values.get('AWSSecretKey');
  if (secretAccessKey === undefined) throw new PythonError('KeyError', "'AWSSecretKey'");
  return ready('ec2-credentials-file', { accessKeyId, secretAccessKey });
}

/** BotoProvider: the [Credentials] section of BOTO_CONFIG, else /etc/boto.cfg or ~/.boto. */
function fromBotoConfig(env: Env): Deferred | undefined {
  const locations = env.BOTO_CONFIG !== undefined ? [env.BOTO_CONFIG] : ['/etc/boto.cfg', '~/.boto'];
  for (const location of locations) {
    const path = expandPath(location, env);
    try {
      if (!statSync(path).isFile()) continue;
    } catch {
      continue;
    }
    let sections;
    try {
      sections = parseIni(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path)));
    } catch (e) {
      if (e instanceof IniParseError || e instanceof TypeError) throw new ConfigParseError(path);
      continue;
    }
    const creds = sections.get('Credentials');
    if (!creds || !creds.has('aws_access_key_id')) continue;
    const secret = creds.get('aws_secret_access_key');
    if (secret === undefined) throw partialCredentials('boto-config', 'aws_secret_access_key');
    return ready('boto-config', { accessKeyId: String(creds.get('aws_access_key_id')), secretAccessKey: String(secret) });
  }
  return undefined;
}

const CONTAINER_HOSTS = ['169.254.170.2', '169.254.170.23', 'fd00:ec2::23', 'localhost'];

function isLoopback(host: string): boolean {
  if (/^127(\.\d{1,3}){3}$/.test(host)) return host.split('.').every((o) => Number(o) <= 255);
  return host === '::1' || host === '0:0:0:0:0:0:0:1';
}

/** urlparse(url).hostname: lower-cased, brackets removed, None when absent. */
function hostnameOf(url: string): string | undefined {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(url);
  if (!m) return undefined;
  let host = (m[1] as string).slice((m[1] as string).lastIndexOf('@') + 1);
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']')).toLowerCase();
  host = host.replace(/:[^:]*$/, '');
  return host === '' ? undefined : host.toLowerCase();
}

/** ContainerProvider: fetched at once, as botocore does. */
async function fromContainer(env: Env, remote: ProviderContext['remote'], timing: Pick<LookupOptions, 'sleep' | 'timer'>): Promise<Deferred | undefined> {
  const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  if (relative === undefined && full === undefined) return undefined;
  const url = relative !== undefined ? `http://169.254.170.2${relative}` : full as string;
  let token: string | undefined;
  const tokenFile = env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE;
  if (tokenFile !== undefined) {
    try {
      token = readFileSync(tokenFile, 'utf8');
    } catch (e) {
      throw new PythonError('OSError', osErrorText(e, tokenFile));
    }
  } else {
    token = env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
  }
  if (token !== undefined && /[\r\n]/.test(token)) throw new PythonError('ValueError', 'Auth token value is not a legal header value');
  if (!/^https:/i.test(url)) {
    const host = hostnameOf(url);
    if (host === undefined || (!isLoopback(host) && !CONTAINER_HOSTS.includes(host))) {
      throw new PythonError('ValueError', `Unsupported host '${host ?? 'None'}'.  Can only retrieve metadata from a loopback address or one of these hosts: ${CONTAINER_HOSTS.join(', ')}`);
    }
  }
  const fetchOnce = async (): Promise<Expiring> => {
    const r = await remote();
    let body: Record<string, unknown>;
    try {
      body = await r.fetchContainerCredentials(url, token !== undefined ? { Authorization: token } : {}, { sleep: timing.sleep, timer: timing.timer });
    } catch (e) {
      if (e instanceof GeneralError && !(e instanceof PythonError)) throw retrievalError('container-role', e.message);
      throw e;
    }
    const key = (k: string): unknown => {
      if (body === null || typeof body !== 'object' || !(k in body)) throw new PythonError('KeyError', `'${k}'`);
      return body[k];
    };
    const accessKeyId = String(key('AccessKeyId'));
    const secretAccessKey = String(key('SecretAccessKey'));
    const sessionToken = key('Token');
    const expiration = key('Expiration');
    return {
      credentials: { accessKeyId, secretAccessKey, ...(typeof sessionToken === 'string' && sessionToken ? { sessionToken } : {}) },
      expiresAt: parseExpiry(expiration),
    };
  };
  const first = await fetchOnce();
  return { method: 'container-role', fetch: () => freshCredentials(first, fetchOnce) };
}

async function fromInstanceMetadata(env: Env): Promise<Deferred | undefined> {
  if (!shouldAskInstanceMetadata(env)) return undefined;
  try {
    silenceSdkNotices();
    const mod = await import('./sdk-providers.js');
    const creds = await mod.fromInstanceMetadata({ timeout: 1000, maxRetries: 0 })();
    return ready('iam-role', creds);
  } catch {
    // Not on EC2 after all, or no role attached: botocore moves on silently.
    return undefined;
  }
}

/** AWS_ENDPOINT_URL_<ID> → AWS_ENDPOINT_URL → the profile's services section → endpoint_url → default. */
function configuredEndpoint(settings: Settings, envId: string, configId: string, fallback: string): string {
  const env = settings.env;
  const ignore = isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? settings.quietProfileValue('ignore_configured_endpoint_urls'));
  if (!ignore) {
    const fromEnv = env[`AWS_ENDPOINT_URL_${envId}`] ?? env.AWS_ENDPOINT_URL;
    if (fromEnv !== undefined) return fromEnv;
    const servicesName = settings.quietProfileValue('services');
    const section = servicesName === undefined ? undefined : settings.configFiles().services.get(servicesName)?.get(configId);
    if (section !== undefined && typeof section === 'object' && section.endpoint_url !== undefined) return section.endpoint_url;
    const fromProfile = settings.quietProfileValue('endpoint_url');
    if (fromProfile !== undefined) return fromProfile;
  }
  return fallback;
}

function contextFor(settings: Settings, log: DebugLog, options: LookupOptions): ProviderContext {
  const files = settings.configFiles();
  const env = settings.env;
  const region = options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? settings.quietProfileValue('region') ?? 'us-east-1';
  const attempts = Number.parseInt(settings.quietEnvOrProfile('AWS_MAX_ATTEMPTS', 'max_attempts') ?? '3', 10);
  // Read when an https call is made, with the words of botocore's SSLError when it cannot be.
  const caPath = settings.quietEnvOrProfile('AWS_CA_BUNDLE', 'ca_bundle') ?? env.REQUESTS_CA_BUNDLE;
  const remote = async (): Promise<typeof import('./remote.js')> => {
    const mod = await import('./sdk-providers.js');
    return mod.remote;
  };
  const ctx: ProviderContext = {
    env,
    profiles: files.profiles,
    credentialsFileProfiles: files.credentialsProfiles,
    configFileProfiles: files.configProfiles,
    ssoSessions: files.ssoSessions,
    region,
    log,
    callOptions: {
      maxAttempts: Number.isFinite(attempts) && attempts >= 1 ? attempts : 3, caPath, env,
      connectTimeoutMs: options.connectTimeoutMs, readTimeoutMs: options.readTimeoutMs,
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }), timer: options.timer },
    remote,
    stsEndpoint: () => configuredEndpoint(settings, 'STS', 'sts', `https://sts.${region}.amazonaws.com`),
    ssoEndpoint: (r) => configuredEndpoint(settings, 'SSO', 'sso', `https://portal.sso.${r}.amazonaws.com`),
    oidcEndpoint: (r) => configuredEndpoint(settings, 'SSO_OIDC', 'sso_oidc', `https://oidc.${r}.amazonaws.com`),
    profileChain: (name) => profileProviders(name, ctx, true),
    async fromCredentialSource(name) {
      if (name === 'Environment') return fromEnvironment(env);
      if (name === 'EcsContainer') return fromContainer(env, remote, options);
      return fromInstanceMetadata(env);
    },
  };
  return ctx;
}

/** ProfileProviderBuilder.providers: the providers that read one profile, in botocore's order. */
async function profileProviders(name: string, ctx: ProviderContext, disableEnv: boolean, log: DebugLog = NO_DEBUG): Promise<Deferred | undefined> {
  const profile = ctx.profiles.get(name) ?? new Map();
  log.log('botocore.credentials', 'Looking for credentials via: assume-role-with-web-identity');
  const web = loadWebIdentity(name, ctx, disableEnv);
  if (web) return web;
  log.log('botocore.credentials', 'Looking for credentials via: sso');
  const sso = loadSso(name, ctx);
  if (sso) return sso;
  log.log('botocore.credentials', 'Looking for credentials via: shared-credentials-file');
  const shared = fromStaticProfile(ctx.credentialsFileProfiles.get(name), 'shared-credentials-file');
  if (shared) return shared;
  log.log('botocore.credentials', 'Looking for credentials via: login');
  const login = loadLogin(name, ctx);
  if (login) return login;
  log.log('botocore.credentials', 'Looking for credentials via: custom-process');
  const proc = await fromProcess(profile, ctx.env);
  if (proc) return proc;
  log.log('botocore.credentials', 'Looking for credentials via: config-file');
  return fromStaticProfile(ctx.configFileProfiles.get(name), 'config-file');
}

/**
 * What botocore does when it creates a client: the chain up to the first provider that has
 * credentials (configuration errors and credential_process failures surface here), then the
 * SSO token provider's check. undefined: no credentials anywhere (reported when signing).
 */
export async function loadCredentials(settings: Settings, log: DebugLog = NO_DEBUG, options: LookupOptions = {}): Promise<Deferred | undefined> {
  let found: Deferred | undefined;
  try {
    found = await lookUp(settings, log, options);
  } catch (e) {
    // The provider logs that it found credentials before it finds half of them missing.
    const message = e instanceof PartialCredentialsError ? foundMessage(e.provider, settings) : undefined;
    if (message !== undefined) log.log('botocore.credentials', message, 'INFO');
    throw e;
  }
  // Logged as the provider's load() returns, before the client is made (a missing region and
  // parameter validation come after it); the credentials themselves are fetched when signing.
  const message = found === undefined ? undefined : foundMessage(found.method, settings);
  if (message !== undefined) log.log('botocore.credentials', message, 'INFO');
  checkSsoTokenConfig(settings.profileName, settings.configFiles().profiles.get(settings.profileName) ?? new Map(), settings.configFiles().ssoSessions);
  return found;
}

/** SSOTokenProvider's check alone, which botocore makes even for unsigned clients. */
export function checkTokenProvider(settings: Settings): void {
  const files = settings.configFiles();
  checkSsoTokenConfig(settings.profileName, files.profiles.get(settings.profileName) ?? new Map(), files.ssoSessions);
}

async function lookUp(settings: Settings, log: DebugLog, options: LookupOptions): Promise<Deferred | undefined> {
  const say = (method: string): void => log.log('botocore.credentials', `Looking for credentials via: ${method}`);
  const env = settings.env;
  if (!settings.profileFromFlag) {
    say('env');
    const fromEnv = fromEnvironment(env);
    if (fromEnv) return fromEnv;
  }
  const profileName = settings.profileName;
  const profile = settings.profile();
  const ctx = contextFor(settings, log, options);
  say('assume-role');
  if (hasAssumeRoleConfig(profile)) return loadAssumeRole(profileName, ctx);
  const fromProfile = await profileProviders(profileName, ctx, settings.profileFromFlag, log);
  if (fromProfile) return fromProfile;
  say('ec2-credentials-file');
  const ec2File = fromEc2CredentialFile(env);
  if (ec2File) return ec2File;
  say('boto-config');
  const boto = fromBotoConfig(env);
  if (boto) return boto;
  say('container-role');
  const container = await fromContainer(env, ctx.remote, options);
  if (container) return container;
  say('iam-role');
  if (imdsDisabled(env)) {
    for (const line of imdsDisabledLines(settings)) log.log('botocore.utils', line);
    return undefined;
  }
  return fromInstanceMetadata(env);
}

/**
 * What botocore logs when a provider finds credentials: the files as configured (the session's
 * `credentials_file` / `config_file`, `~` unexpanded); the other providers log nothing.
 */
function foundMessage(method: string, settings: Settings): string | undefined {
  switch (method) {
    case 'env': return 'Found credentials in environment variables.';
    case 'shared-credentials-file': return `Found credentials in shared credentials file: ${settings.env.AWS_SHARED_CREDENTIALS_FILE ?? '~/.aws/credentials'}`;
    case 'config-file': return `Credentials found in config file: ${settings.env.AWS_CONFIG_FILE ?? '~/.aws/config'}`;
    case 'ec2-credentials-file': return 'Found credentials in AWS_CREDENTIAL_FILE.';
    default: return undefined;
  }
}

/** The credentials to sign with, from what loadCredentials found (NoCredentials when nothing). */
export async function fetchCredentials(found: Deferred | undefined, settings: Settings, log: DebugLog = NO_DEBUG): Promise<ResolvedCredentials> {
  if (found === undefined) throw new NoCredentialsError();
  const credentials = await found.fetch();
  log.secret(credentials.secretAccessKey);
  log.secret(credentials.sessionToken);
  return { credentials, method: found.method };
}

/** Both steps at once (bulk sign-out refreshes credentials this way). */
export async function resolveCredentials(settings: Settings, log: DebugLog = NO_DEBUG, options: LookupOptions = {}): Promise<ResolvedCredentials> {
  return fetchCredentials(await loadCredentials(settings, log, options), settings, log);
}
