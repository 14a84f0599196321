// The AWS CLI's credential chain (botocore's order), built from the SDK's providers. The SDK's
// default chain differs: it skips environment keys whenever AWS_PROFILE is set and warns on the
// console, while botocore skips them only for --profile. Static keys are read here directly so
// that partial keys give botocore's exact message; everything that needs the network or another
// process (assume-role, SSO, web identity, credential_process, containers, instance metadata)
// uses @aws-sdk/credential-providers, imported only when reached.
import type { AwsCredentialIdentity } from '@smithy/types';
import { GeneralError, NoCredentialsError } from '../errors/errors.js';
import type { Profile } from '../config/files.js';
import type { Settings } from '../config/settings.js';
import { shouldAskInstanceMetadata } from './ec2.js';
import { silenceSdkNotices } from '../transport/sdk-env.js';
import { NO_DEBUG, type DebugLog } from '../diagnostics/debug-log.js';
import { InputTooLargeError, READ_LIMITS, readBounded, sizeText } from '../util/bounded-read.js';

export type Credentials = AwsCredentialIdentity;

export interface ResolvedCredentials {
  readonly credentials: Credentials;
  /** botocore's name of the provider that found them (for --debug). */
  readonly method: string;
}

function partial(provider: string, missing: string): GeneralError {
  return new GeneralError(`Partial credentials found in ${provider}, missing: ${missing}`);
}

function fromEnvironment(settings: Settings): Credentials | undefined {
  const env = settings.env;
  const accessKeyId = env.AWS_ACCESS_KEY_ID ?? '';
  if (accessKeyId === '') return undefined;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY ?? '';
  if (secretAccessKey === '') throw partial('env', 'AWS_SECRET_ACCESS_KEY');
  const sessionToken = env.AWS_SESSION_TOKEN || env.AWS_SECURITY_TOKEN || undefined;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

function fromStaticProfile(profile: Profile | undefined, provider: string): Credentials | undefined {
  if (!profile) return undefined;
  const accessKeyId = profile.get('aws_access_key_id');
  if (accessKeyId === undefined) return undefined;
  const secretAccessKey = profile.get('aws_secret_access_key');
  if (secretAccessKey === undefined) throw partial(provider, 'aws_secret_access_key');
  const token = profile.get('aws_session_token') ?? profile.get('aws_security_token');
  return {
    accessKeyId: String(accessKeyId),
    secretAccessKey: String(secretAccessKey),
    ...(typeof token === 'string' && token !== '' ? { sessionToken: token } : {}),
  };
}

/**
 * The SDK reads a web-identity token file whole (so does botocore, which dies of a MemoryError
 * on /dev/zero): its size is checked first. Other failures are left to the provider's own words.
 */
function checkTokenFile(path: string | undefined): void {
  if (path === undefined || path === '') return;
  try {
    readBounded(path, READ_LIMITS.tokenFile);
  } catch (e) {
    if (!(e instanceof InputTooLargeError)) return;
    const what = e.regularFile ? 'the file is larger than' : 'it is not a regular file and gave more than';
    throw new GeneralError(`Unable to read the web identity token file ${path}: ${what} ${sizeText(e.limit)}, the most cogsignout reads from a token file`);
  }
}

type ProviderFactory = (mod: typeof import('./sdk-providers.js')) => () => Promise<Credentials>;

async function viaSdk(factory: ProviderFactory): Promise<Credentials> {
  silenceSdkNotices();
  const mod = await import('./sdk-providers.js');
  try {
    return await factory(mod)();
  } catch (e) {
    throw new GeneralError(e instanceof Error ? e.message : String(e));
  }
}

/** What botocore logs when a provider finds credentials. */
function foundMessage(method: string, settings: Settings): string {
  switch (method) {
    case 'env': return 'Found credentials in environment variables.';
    case 'shared-credentials-file': return `Found credentials in shared credentials file: ${settings.configFiles().credentialsPath}`;
    case 'config-file': return `Credentials found in config file: ${settings.configFiles().configPath}`;
    default: return `Found credentials via: ${method}`;
  }
}

export async function resolveCredentials(settings: Settings, log: DebugLog = NO_DEBUG): Promise<ResolvedCredentials> {
  const found = await lookUp(settings);
  log.secret(found.credentials.secretAccessKey);
  log.secret(found.credentials.sessionToken);
  log.log('botocore.credentials', `Looking for credentials via: ${found.method}`);
  log.log('botocore.credentials', foundMessage(found.method, settings), 'INFO');
  return found;
}

async function lookUp(settings: Settings): Promise<ResolvedCredentials> {
  if (!settings.profileFromFlag) {
    const env = fromEnvironment(settings);
    if (env) return { credentials: env, method: 'env' };
  }
  const profileName = settings.profileName;
  const profile = settings.profile();
  const files = settings.configFiles();
  const fileOptions = { profile: profileName, filepath: files.credentialsPath, configFilepath: files.configPath, ignoreCache: true };
  const has = (key: string): boolean => profile.has(key);

  if (has('role_arn')) {
    const tokenFile = profile.get('web_identity_token_file');
    checkTokenFile(typeof tokenFile === 'string' ? tokenFile : undefined);
    return { credentials: await viaSdk((m) => m.fromIni(fileOptions)), method: 'assume-role' };
  }
  const envToken = settings.env.AWS_WEB_IDENTITY_TOKEN_FILE;
  if (envToken && settings.env.AWS_ROLE_ARN) {
    checkTokenFile(envToken);
    return { credentials: await viaSdk((m) => m.fromTokenFile({})), method: 'assume-role-with-web-identity' };
  }
  if (has('sso_session') || has('sso_start_url')) {
    return { credentials: await viaSdk((m) => m.fromSSO(fileOptions)), method: 'sso' };
  }
  const shared = fromStaticProfile(files.credentialsProfiles.get(profileName), 'shared-credentials-file');
  if (shared) return { credentials: shared, method: 'shared-credentials-file' };
  if (has('credential_process')) {
    return { credentials: await viaSdk((m) => m.fromProcess(fileOptions)), method: 'custom-process' };
  }
  const fromConfig = fromStaticProfile(files.configProfiles.get(profileName), 'config-file');
  if (fromConfig) return { credentials: fromConfig, method: 'config-file' };
  const env = settings.env;
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) {
    return { credentials: await viaSdk((m) => m.fromContainerMetadata({ timeout: 1000, maxRetries: 0 })), method: 'container-role' };
  }
  if (shouldAskInstanceMetadata(env)) {
    try {
      silenceSdkNotices();
      const mod = await import('./sdk-providers.js');
      const creds = await mod.fromInstanceMetadata({ timeout: 1000, maxRetries: 0 })();
      return { credentials: creds, method: 'iam-role' };
    } catch {
      // Not on EC2 after all, or no role attached: botocore moves on silently.
    }
  }
  throw new NoCredentialsError();
}
