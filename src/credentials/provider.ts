// What the credential providers share: the deferred credentials they return (botocore's
// DeferredRefreshableCredentials: configuration checked now, the network used when signing),
// and the context they read (profiles, environment, region, the network module).
import { GeneralError } from '../errors/errors.js';
import type { Env, Profile } from '../config/files.js';
import type { DebugLog } from '../diagnostics/debug-log.js';
import type { CallOptions } from './remote.js';
import type { Credentials } from './types.js';

export interface Deferred {
  /** botocore's provider name (METHOD), for --debug. */
  readonly method: string;
  /** The credentials to sign with; may call a service or run a process. */
  fetch(): Promise<Credentials>;
}

export const ready = (method: string, credentials: Credentials): Deferred => ({ method, fetch: async () => credentials });

export interface ProviderContext {
  readonly env: Env;
  /** The config file's profiles merged with the credentials file's (botocore's full_config). */
  readonly profiles: ReadonlyMap<string, Profile>;
  readonly ssoSessions: ReadonlyMap<string, Profile>;
  /** Each file's own profiles (the shared-credentials and config-file providers read one each). */
  readonly credentialsFileProfiles: ReadonlyMap<string, Profile>;
  readonly configFileProfiles: ReadonlyMap<string, Profile>;
  /** The region clients made for credentials use. */
  readonly region: string;
  readonly log: DebugLog;
  readonly callOptions: CallOptions;
  /** The network module (loaded on first use). */
  remote(): Promise<typeof import('./remote.js')>;
  stsEndpoint(): string;
  ssoEndpoint(ssoRegion: string): string;
  oidcEndpoint(ssoRegion: string): string;
  /** The profile providers (web identity, SSO, files, login, process) for a source profile. */
  profileChain(profileName: string): Promise<Deferred | undefined>;
  /** credential_source: Environment, EcsContainer or Ec2InstanceMetadata. */
  fromCredentialSource(name: string): Promise<Deferred | undefined>;
}

/** botocore's PartialCredentialsError; `provider` is the chain's method that found the first half. */
export class PartialCredentialsError extends GeneralError {
  static override readonly tag: string = 'PartialCredentialsError';

  constructor(readonly provider: string, missing: string) {
    super(`Partial credentials found in ${provider}, missing: ${missing}`);
  }
}

export function partialCredentials(provider: string, missing: string): GeneralError {
  return new PartialCredentialsError(provider, missing);
}

export function retrievalError(provider: string, message: string): GeneralError {
  return new GeneralError(`Error when retrieving credentials from ${provider}: ${message}`);
}
