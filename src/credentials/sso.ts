// SSO profiles (legacy sso_start_url or an sso-session), the SSO token provider's configuration
// check, and login_session profiles (the credentials `aws login` caches), as botocore's
// SSOProvider, SSOTokenProvider and LoginProvider check them. Cached tokens are read from
// ~/.aws/sso/cache and ~/.aws/login/cache under botocore's file names; the SSO portal is called
// when the credentials are first needed.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { GeneralError } from '../errors/errors.js';
import { PythonError } from '../python/builtins.js';
import { expandPath, type Env, type Profile } from '../config/files.js';
import { parseExpiry } from './expiry.js';
import { readRoleCache, ssoCacheKey, writeSsoCache } from './role-cache.js';
import type { Deferred, ProviderContext } from './provider.js';
import type { Credentials } from './types.js';

const UNAUTHORIZED = 'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.';

const home = (env: Env): string => env.HOME ?? homedir();

/**
 * JSONFileCache: a missing file is not in the cache; a file that is there but not JSON fails
 * the lookup with Python's KeyError (its text is the key).
 */
function readCache(dir: string, key: string): Record<string, unknown> | undefined {
  const path = join(dir, `${key}.json`);
  try {
    if (!statSync(path).isFile()) return undefined;
  } catch {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new PythonError('KeyError', `'${key}'`);
  }
  // json.load gives any JSON value; botocore then looks keys up in it.
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Record<string, unknown> : {};
}

const sha1 = (s: string): string => createHash('sha1').update(s, 'utf8').digest('hex');

const str = (p: Profile, key: string): string | undefined => {
  const v = p.get(key);
  return typeof v === 'string' ? v : undefined;
};

function ssoError(message: string): GeneralError {
  return new GeneralError(`Error loading SSO Token: ${message}`);
}

interface SsoConfig {
  readonly startUrl: string;
  readonly ssoRegion: string;
  readonly roleName: string;
  readonly accountId: string;
  readonly sessionName: string | undefined;
}

function loadSsoConfig(profileName: string, ctx: ProviderContext): SsoConfig | undefined {
  const profile = ctx.profiles.get(profileName) ?? new Map();
  if (!profile.has('sso_role_name') && !profile.has('sso_account_id')) return undefined;
  const config = new Map(profile);
  const extra: string[] = [];
  const sessionName = str(profile, 'sso_session');
  if (profile.has('sso_session')) {
    const session = ctx.ssoSessions.get(sessionName ?? '');
    if (session === undefined) throw new GeneralError(`The specified sso-session does not exist: "${sessionName ?? ''}"`);
    for (const [key, value] of session) {
      const mine = config.get(key);
      if (mine !== undefined && mine !== value) {
        throw new GeneralError(`The value for ${key} is inconsistent between profile (${String(mine)}) and sso-session (${String(value)}).`);
      }
      config.set(key, value);
    }
    extra.push('sso_session');
  }
  const required = ['sso_role_name', 'sso_account_id', 'sso_start_url', 'sso_region', ...extra];
  const missing = required.filter((k) => !config.has(k));
  if (missing.length > 0) {
    throw new GeneralError(`The profile "${profileName}" is configured to use SSO but is missing required configuration: ${missing.join(', ')}`);
  }
  return {
    startUrl: String(config.get('sso_start_url')), ssoRegion: String(config.get('sso_region')),
    roleName: String(config.get('sso_role_name')), accountId: String(config.get('sso_account_id')),
    sessionName: sessionName ?? undefined,
  };
}

/** The bearer token, as SSOTokenLoader (legacy) or SSOTokenProvider (sso-session) loads it. */
async function loadToken(c: SsoConfig, ctx: ProviderContext): Promise<string> {
  const dir = join(home(ctx.env), '.aws', 'sso', 'cache');
  const name = c.sessionName ?? c.startUrl;
  const token = readCache(dir, sha1(name));
  if (token === undefined) throw ssoError(`Token for ${name} does not exist`);
  if (!('accessToken' in token) || !('expiresAt' in token)) throw ssoError(`Token for ${c.startUrl} is invalid`);
  let expiresAt = parseExpiry(token.expiresAt);
  let accessToken = String(token.accessToken);
  if (c.sessionName === undefined) {
    // The legacy flow never refreshes: an expired token saves the call.
    if (expiresAt - Date.now() <= 0) throw new GeneralError(UNAUTHORIZED);
    return accessToken;
  }
  if (expiresAt - Date.now() < 15 * 60_000) {
    const keys = ['refreshToken', 'clientId', 'clientSecret', 'registrationExpiresAt'];
    if (keys.every((k) => k in token) && parseExpiry(token.registrationExpiresAt) - Date.now() > 0) {
      const remote = await ctx.remote();
      const fresh = await remote.refreshSsoToken({
        endpoint: ctx.oidcEndpoint(c.ssoRegion), clientId: String(token.clientId), clientSecret: String(token.clientSecret),
        refreshToken: String(token.refreshToken),
      }, ctx.callOptions);
      if (fresh !== undefined) {
        accessToken = fresh.accessToken;
        expiresAt = Date.now() + fresh.expiresIn * 1000;
        saveCache(dir, sha1(name), {
          startUrl: c.startUrl, region: c.ssoRegion, accessToken, expiresAt: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          clientId: token.clientId, clientSecret: token.clientSecret, registrationExpiresAt: token.registrationExpiresAt,
          refreshToken: fresh.refreshToken ?? token.refreshToken,
        });
      }
    }
  }
  if (expiresAt - Date.now() <= 0) throw new GeneralError('Error when retrieving token from sso: Token has expired and refresh failed');
  return accessToken;
}

function saveCache(dir: string, key: string, value: Record<string, unknown>): void {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${key}.json`), JSON.stringify(value), { mode: 0o600 });
  } catch {
    // botocore would fail here too, but only after the refresh already succeeded: keep going.
  }
}

export function loadSso(profileName: string, ctx: ProviderContext): Deferred | undefined {
  const c = loadSsoConfig(profileName, ctx);
  if (c === undefined) return undefined;
  return {
    method: 'sso',
    async fetch(): Promise<Credentials> {
      // The AWS CLI caches role credentials in ~/.aws/cli/cache: while they last, no token is needed.
      const cacheDir = join(home(ctx.env), '.aws', 'cli', 'cache');
      const key = ssoCacheKey({ roleName: c.roleName, accountId: c.accountId, ...(c.sessionName !== undefined ? { sessionName: c.sessionName } : { startUrl: c.startUrl }) });
      const cached = readRoleCache(cacheDir, key);
      if (cached !== undefined) return cached.credentials;
      const accessToken = await loadToken(c, ctx);
      const remote = await ctx.remote();
      const r = await remote.callSsoPortal({
        endpoint: ctx.ssoEndpoint(c.ssoRegion), accessToken, roleName: c.roleName, accountId: c.accountId,
      }, ctx.callOptions, () => new GeneralError(UNAUTHORIZED));
      const credentials = { accessKeyId: r.accessKeyId, secretAccessKey: r.secretAccessKey, ...(r.sessionToken ? { sessionToken: r.sessionToken } : {}) };
      writeSsoCache(cacheDir, key, credentials, r.expirationMs, c.accountId);
      return credentials;
    },
  };
}

/** SSOTokenProvider's configuration check, which botocore makes for every client it creates. */
export function checkSsoTokenConfig(profileName: string, profile: Profile, ssoSessions: ReadonlyMap<string, Profile>): void {
  if (!profile.has('sso_session')) return;
  const name = str(profile, 'sso_session') ?? '';
  const session = ssoSessions.get(name);
  if (session === undefined || session.size === 0) {
    throw new GeneralError(`The profile "${profileName}" is configured to use the SSO token provider but the "${name}" sso_session configuration does not exist.`);
  }
  const missing = ['sso_start_url', 'sso_region'].filter((k) => !session.has(k));
  if (missing.length > 0) {
    throw new GeneralError(`The profile "${profileName}" is configured to use the SSO token provider but is missing the following configuration: [${missing.map((m) => `'${m}'`).join(', ')}].`);
  }
}

function loginError(message: string): GeneralError {
  return new GeneralError(`Error loading login session token: ${message}`);
}

/** LoginProvider.load: the cached login session's credentials (read now, even when expired). */
export function loadLogin(profileName: string, ctx: ProviderContext): Deferred | undefined {
  const profile = ctx.profiles.get(profileName) ?? new Map();
  if (!profile.has('login_session')) return undefined;
  const session = String(profile.get('login_session'));
  const dirSetting = ctx.env.AWS_LOGIN_CACHE_DIRECTORY;
  const dir = dirSetting !== undefined ? expandPath(dirSetting, ctx.env) : join(home(ctx.env), '.aws', 'login', 'cache');
  const token = readCache(dir, createHash('sha256').update(session, 'utf8').digest('hex'));
  if (token === undefined) {
    throw loginError(`Unable to load a existing login session for session ${session}, Please reauthenticate with 'aws login'.`);
  }
  if (!['accessToken', 'refreshToken', 'dpopKey', 'clientId'].every((k) => k in token)) {
    throw loginError('Failed to load access token from token cache, missing one or more required fields.');
  }
  const access = token.accessToken as Record<string, unknown> | null;
  const field = (k: string): unknown => {
    if (access === null || typeof access !== 'object' || !(k in access)) throw new PythonError('KeyError', `'${k}'`);
    return access[k];
  };
  const accessKeyId = String(field('accessKeyId'));
  const secretAccessKey = String(field('secretAccessKey'));
  const sessionToken = String(field('sessionToken'));
  field('accountId');
  const expiresAt = parseExpiry(field('expiresAt'));
  return {
    method: 'login',
    async fetch(): Promise<Credentials> {
      // Refreshing needs the sign-in service's DPoP-bound token exchange, which cogsignout does
      // not make: expired login credentials send the user back to `aws login`.
      if (expiresAt - Date.now() <= 10 * 60_000) {
        throw new GeneralError("Your session has expired. Please reauthenticate using 'aws login'.");
      }
      return { accessKeyId, secretAccessKey, sessionToken };
    },
  };
}
