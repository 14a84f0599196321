// Where each setting comes from, in the AWS CLI's order of precedence: the command line, then
// the environment, then the selected profile of the config files. Values are looked up lazily,
// because the AWS CLI reads the files only when a setting needs them and reports problems
// (an unknown profile, a bad value) at that moment.
import { ConfigurationError, GeneralError } from '../errors/errors.js';
import { pyStr } from '../python/builtins.js';
import { pyInt } from '../python/int.js';
import { loadConfigFiles, type ConfigFiles, type Env, type Profile } from './files.js';
import type { IniValue } from './ini.js';

export class Settings {
  private files: ConfigFiles | undefined;

  constructor(
    readonly env: Env,
    /** `--profile` from the command line, if given. */
    private readonly profileFlag: string | undefined,
  ) {}

  /** --profile → AWS_PROFILE → AWS_DEFAULT_PROFILE → default. */
  get profileName(): string {
    return this.profileFlag ?? this.env.AWS_PROFILE ?? this.env.AWS_DEFAULT_PROFILE ?? 'default';
  }

  /** Whether the profile came from --profile (which makes botocore skip environment credentials). */
  get profileFromFlag(): boolean {
    return this.profileFlag !== undefined;
  }

  private get profileNamed(): boolean {
    return this.profileFlag !== undefined || this.env.AWS_PROFILE !== undefined || this.env.AWS_DEFAULT_PROFILE !== undefined;
  }

  /** Reads both files on first use; a syntax error in either is ConfigParseError. */
  configFiles(): ConfigFiles {
    this.files ??= loadConfigFiles(this.env);
    return this.files;
  }

  /** The selected profile; an explicitly named profile that does not exist is botocore's ProfileNotFound. */
  profile(): Profile {
    const p = this.configFiles().profiles.get(this.profileName);
    if (p) return p;
    if (this.profileNamed) throw new GeneralError(`The config profile (${this.profileName}) could not be found`);
    return new Map();
  }

  /** A plain string value of the selected profile. */
  profileValue(key: string): string | undefined {
    const v: IniValue | undefined = this.profile().get(key);
    return typeof v === 'string' ? v : undefined;
  }

  /** The environment variable if set, else the profile's key. */
  envOrProfile(envName: string, key: string): string | undefined {
    return this.env[envName] ?? this.profileValue(key);
  }

  /** The same lookup for settings that must not fail the command (error format, auto-prompt). */
  quietEnvOrProfile(envName: string, key: string): string | undefined {
    return this.env[envName] ?? this.quietProfileValue(key);
  }

  /** A profile value, or undefined when the profile or the files cannot be read. */
  quietProfileValue(key: string): string | undefined {
    try {
      return this.profileValue(key);
    } catch {
      return undefined;
    }
  }
}

/** botocore's ensure_boolean for configuration values. */
export function isTrue(value: string | undefined): boolean {
  return value !== undefined && value.toLowerCase() === 'true';
}

/**
 * The AWS CLI builds the credential chain when its session starts (a hook caches assume-role
 * results), converting the instance-metadata settings there: a bad value fails every command
 * that gets this far, signed or not. An unknown profile ends the hook quietly (it fails later),
 * at the first setting the environment does not give (`profileMissing`). `httpSessions` is what
 * making the chain's HTTP sessions does (the container provider's, then the metadata fetcher's,
 * which chooses its endpoint before checking it). Whether the chain was made.
 */
export async function checkSessionSettings(settings: Settings, isValidEndpointUrl: (url: string) => boolean, chain: { profileMissing(): void; httpSessions(): Promise<void> }): Promise<boolean> {
  const missing = (): false => {
    chain.profileMissing();
    return false;
  };
  const lookup = (envName: string, key: string): string | undefined | typeof PROFILE_MISSING => {
    const v = settings.env[envName];
    if (v !== undefined) return v;
    try {
      return settings.profileValue(key);
    } catch {
      return PROFILE_MISSING;
    }
  };
  for (const [envName, key] of [['AWS_METADATA_SERVICE_TIMEOUT', 'metadata_service_timeout'], ['AWS_METADATA_SERVICE_NUM_ATTEMPTS', 'metadata_service_num_attempts']] as const) {
    const v = lookup(envName, key);
    if (v === PROFILE_MISSING) return missing();
    if (v !== undefined) pyInt(v);
  }
  const endpoint = lookup('AWS_EC2_METADATA_SERVICE_ENDPOINT', 'ec2_metadata_service_endpoint');
  if (endpoint === PROFILE_MISSING) return missing();
  const mode = lookup('AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE', 'ec2_metadata_service_endpoint_mode');
  if (mode === PROFILE_MISSING) return missing();
  if (mode !== undefined && !['ipv4', 'ipv6'].includes(mode.toLowerCase())) {
    throw new GeneralError(`Invalid EC2 Instance Metadata endpoint mode: ${mode} Valid endpoint modes (case-insensitive): ('ipv4', 'ipv6').`);
  }
  if (lookup('AWS_EC2_METADATA_V1_DISABLED', 'ec2_metadata_v1_disabled') === PROFILE_MISSING) return missing();
  await chain.httpSessions();
  if (endpoint !== undefined && endpoint !== '' && !isValidEndpointUrl(endpoint)) {
    throw new GeneralError(`Invalid endpoint EC2 Instance Metadata endpoint: ${endpoint}`);
  }
  return true;
}

const PROFILE_MISSING = Symbol('profile missing');

/**
 * The AWS CLI's first session-initialized hook: the profile's `cli_timestamp_format` (no
 * environment variable) must be `wire` or `iso8601`, even for a command whose answer has no
 * timestamp. An unknown profile means the default here (it fails later).
 */
export function checkTimestampFormat(settings: Settings): void {
  let value: IniValue | undefined;
  try {
    value = settings.profile().get('cli_timestamp_format');
  } catch {
    return;
  }
  if (value === undefined || value === 'wire' || value === 'iso8601') return;
  throw new ConfigurationError(`Unknown cli_timestamp_format value: ${pyStr(value)}, valid values are "wire" or "iso8601"`);
}
