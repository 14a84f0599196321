// Assume-role profiles (role_arn with source_profile or credential_source) and web identity, as
// botocore's AssumeRoleProvider and AssumeRoleWithWebIdentityProvider check and resolve them.
// The configuration is validated when credentials are looked up (its errors come before
// parameter validation, as the AWS CLI creates its client first); the STS calls are made when
// the credentials are first needed, outermost role first from the AWS CLI's role cache, else
// innermost first from STS. A source_profile chain is walked without recursion, so any length
// ends the AWS CLI's way (its loop check, or Python's recursion limit) rather than in a crash.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { GeneralError, ParamValidationError } from '../errors/errors.js';
import { PythonError, strRepr } from '../python/builtins.js';
import { osErrorText } from '../util/os-errors.js';
import { InputTooLargeError, READ_LIMITS, readBounded, sizeText } from '../util/bounded-read.js';
import type { Profile } from '../config/files.js';
import { partialCredentials, type Deferred, type ProviderContext } from './provider.js';
import { parseExpiry } from './expiry.js';
import { readMfaCode } from './mfa.js';
import { readRoleCache, roleCacheKey, writeRoleCache } from './role-cache.js';
import type { TemporaryCredentials } from './remote.js';
import type { Credentials } from './types.js';

const VALID_SOURCES = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'];

/**
 * The AWS CLI walks a source_profile chain recursively: past these lengths Python's stack
 * overflows, when the chain is read (very long chains) or when its roles are assumed, and the
 * AWS CLI fails with Python's RecursionError text. The same lengths give the same text here.
 */
const PYTHON_LOAD_DEPTH = 328;
const PYTHON_FETCH_DEPTH = 135;

export function hasStaticCredentials(p: Profile): boolean {
  return p.has('aws_secret_access_key') || p.has('aws_access_key_id');
}

export function hasAssumeRoleConfig(p: Profile): boolean {
  return p.has('role_arn') && !p.has('web_identity_token_file');
}

const str = (p: Profile, key: string): string | undefined => {
  const v = p.get(key);
  return typeof v === 'string' ? v : undefined;
};

interface RoleStep {
  readonly params: Array<[string, string]>;
  readonly mfaSerial: string | undefined;
  /** botocore leaves a session name it made up out of the cache key. */
  readonly generatedSessionName: boolean;
}

const defaultSessionName = (): string => `botocore-session-${Math.floor(Date.now() / 1000)}`;

/**
 * The AssumeRole parameters in the order botocore's serializer sends them: its dict's insertion
 * order (the configured extras, then RoleArn, then a generated session name).
 */
function roleStep(p: Profile): RoleStep {
  const params: Array<[string, string]> = [];
  const roleArn = str(p, 'role_arn') ?? '';
  const sessionName = str(p, 'role_session_name');
  if (sessionName !== undefined) params.push(['RoleSessionName', sessionName]);
  const externalId = str(p, 'external_id');
  if (externalId !== undefined) params.push(['ExternalId', externalId]);
  const mfaSerial = str(p, 'mfa_serial');
  if (mfaSerial !== undefined) params.push(['SerialNumber', mfaSerial]);
  const duration = str(p, 'duration_seconds');
  if (duration !== undefined && /^\s*[+-]?\d+\s*$/.test(duration)) params.push(['DurationSeconds', String(Number.parseInt(duration, 10))]);
  params.push(['RoleArn', roleArn]);
  // An empty session name is replaced where it stands; none is added at the end.
  if (sessionName === '') (params[0] as [string, string])[1] = defaultSessionName();
  else if (sessionName === undefined) params.push(['RoleSessionName', defaultSessionName()]);
  return { params, mfaSerial, generatedSessionName: !sessionName };
}

/** The Python list repr botocore prints of the visited profiles. */
const visitedRepr = (visited: readonly string[]): string => `[${visited.map(strRepr).join(', ')}]`;

function loopError(source: string, visited: readonly string[]): GeneralError {
  return new GeneralError(
    `Infinite loop in credential configuration detected. Attempting to load from profile ${source} which has already been visited. Visited profiles: ${visitedRepr(visited)}`,
  );
}

/** AssumeRoleProvider.load for `profileName` (whose profile has role_arn). */
export async function loadAssumeRole(profileName: string, ctx: ProviderContext): Promise<Deferred> {
  const profiles = ctx.profiles;
  const visited = [profileName];
  const steps: RoleStep[] = [];
  let name = profileName;
  let base: Deferred;
  for (;;) {
    if (steps.length >= PYTHON_LOAD_DEPTH) throw new PythonError('RecursionError', 'maximum recursion depth exceeded in comparison');
    const profile = profiles.get(name) ?? new Map();
    const source = str(profile, 'source_profile');
    const credentialSource = str(profile, 'credential_source');
    if (credentialSource !== undefined && source !== undefined) {
      throw new GeneralError(`The profile "${name}" contains both source_profile and credential_source.`);
    }
    if (credentialSource === undefined && source === undefined) {
      throw partialCredentials('assume-role', 'source_profile or credential_source');
    }
    steps.push(roleStep(profile));
    if (credentialSource !== undefined) {
      if (!VALID_SOURCES.includes(credentialSource)) {
        throw new GeneralError(`The credential source "${credentialSource}" referenced in profile "${name}" is not valid.`);
      }
      const found = await ctx.fromCredentialSource(credentialSource);
      if (found === undefined) {
        throw new GeneralError(`Error when retrieving credentials from ${credentialSource}: No credentials found in credential_source referenced in profile ${name}`);
      }
      base = found;
      break;
    }
    const sourceName = source as string;
    const sourceProfile = profiles.get(sourceName);
    if (sourceProfile === undefined) {
      throw new GeneralError(`The source_profile "${sourceName}" referenced in the profile "${name}" does not exist.`);
    }
    if (visited.includes(sourceName) && (sourceName !== name || !hasStaticCredentials(sourceProfile))) {
      throw loopError(sourceName, visited);
    }
    visited.push(sourceName);
    if (hasStaticCredentials(sourceProfile) || !hasAssumeRoleConfig(sourceProfile)) {
      const found = await ctx.profileChain(sourceName);
      if (found === undefined) throw new GeneralError(`The source profile "${sourceName}" must have credentials.`);
      base = found;
      break;
    }
    name = sourceName;
  }
  // Innermost role last: each step's source is the one after it.
  const cacheDir = roleCacheDir(ctx);
  const assume = async (i: number): Promise<Credentials> => {
    if (i === steps.length) return base.fetch();
    const step = steps[i] as RoleStep;
    const key = roleCacheKey(step.params.filter(([k]) => k !== 'RoleSessionName' || !step.generatedSessionName));
    const cached = readRoleCache(cacheDir, key);
    if (cached !== undefined) return cached.credentials;
    const source = await assume(i + 1);
    const params = [...step.params];
    if (step.mfaSerial !== undefined) params.push(['TokenCode', await readMfaCode(step.mfaSerial)]);
    const r = await (await ctx.remote()).callSts({
      endpoint: ctx.stsEndpoint(), region: ctx.region, action: 'AssumeRole', params, credentials: source,
    }, ctx.callOptions);
    return remember(cacheDir, key, r);
  };
  return {
    method: 'assume-role',
    async fetch(): Promise<Credentials> {
      if (steps.length >= PYTHON_FETCH_DEPTH) throw new PythonError('RecursionError', 'maximum recursion depth exceeded');
      return assume(0);
    },
  };
}

const roleCacheDir = (ctx: ProviderContext): string => join(ctx.env.HOME ?? homedir(), '.aws', 'cli', 'cache');

function remember(dir: string, key: string, r: TemporaryCredentials): Credentials {
  if (r.expirationText !== undefined) parseExpiry(r.expirationText);
  const credentials = { accessKeyId: r.accessKeyId, secretAccessKey: r.secretAccessKey, ...(r.sessionToken ? { sessionToken: r.sessionToken } : {}) };
  writeRoleCache(dir, key, { credentials, expiration: r.expirationText, assumedRoleArn: r.assumedRoleArn, assumedRoleId: r.assumedRoleId });
  return credentials;
}

/** AssumeRoleWithWebIdentityProvider.load: environment first unless --profile, then the profile. */
export function loadWebIdentity(profileName: string, ctx: ProviderContext, disableEnv: boolean): Deferred | undefined {
  const profile = ctx.profiles.get(profileName) ?? new Map();
  const envName: Record<string, string> = {
    web_identity_token_file: 'AWS_WEB_IDENTITY_TOKEN_FILE', role_session_name: 'AWS_ROLE_SESSION_NAME', role_arn: 'AWS_ROLE_ARN',
  };
  const get = (key: string): string | undefined => {
    const fromEnv = disableEnv ? undefined : ctx.env[envName[key] as string];
    return fromEnv ?? str(profile, key);
  };
  const tokenPath = get('web_identity_token_file');
  if (!tokenPath) return undefined;
  const roleArn = get('role_arn');
  if (!roleArn) {
    throw new GeneralError(
      'The provided profile or the current environment is configured to assume role with web identity but has no role ARN configured. Ensure that the profile has the role_arnconfiguration set or the AWS_ROLE_ARN env var is set.',
    );
  }
  const sessionName = get('role_session_name');
  const params: Array<[string, string]> = sessionName !== undefined
    ? [['RoleSessionName', sessionName || defaultSessionName()], ['RoleArn', roleArn]]
    : [['RoleArn', roleArn], ['RoleSessionName', defaultSessionName()]];
  const key = roleCacheKey(sessionName ? params : params.filter(([k]) => k !== 'RoleSessionName'));
  return {
    method: 'assume-role-with-web-identity',
    async fetch(): Promise<Credentials> {
      const cacheDir = roleCacheDir(ctx);
      const cached = readRoleCache(cacheDir, key);
      if (cached !== undefined) return cached.credentials;
      // botocore opens the path as given (no ~ expansion).
      let token: string;
      try {
        // Bounded: botocore reads the file whole and dies of a MemoryError on /dev/zero.
        token = readBounded(tokenPath, READ_LIMITS.tokenFile).toString('utf8');
      } catch (e) {
        if (e instanceof InputTooLargeError) {
          const what = e.regularFile ? 'the file is larger than' : 'it is not a regular file and gave more than';
          throw new GeneralError(`Unable to read the web identity token file ${tokenPath}: ${what} ${sizeText(e.limit)}, the most cogsignout reads from a token file`);
        }
        throw new PythonError('OSError', osErrorText(e, tokenPath));
      }
      // The model's minimum length, checked before sending like any parameter.
      if (token.length < 4) {
        throw new ParamValidationError(`Parameter validation failed:\nInvalid length for parameter WebIdentityToken, value: ${token.length}, valid min length: 4`);
      }
      const r = await (await ctx.remote()).callSts({
        endpoint: ctx.stsEndpoint(), region: ctx.region, action: 'AssumeRoleWithWebIdentity',
        params: [...params, ['WebIdentityToken', token]], credentials: undefined,
      }, ctx.callOptions);
      return remember(cacheDir, key, r);
    },
  };
}
