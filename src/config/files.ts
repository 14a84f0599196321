// Finding and reading ~/.aws/config and ~/.aws/credentials the way botocore does: paths from
// AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE with ~ and $VAR expanded, a missing file is an
// empty one, `[profile x]` and `[default]` are profiles, credentials-file sections are profiles too
// and their keys win over the config file's.
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { IniParseError, parseIni, type IniSections, type IniValue } from './ini.js';
import { InputTooLargeError, READ_LIMITS, readBounded, sizeText } from '../util/bounded-read.js';

export type Env = Readonly<Record<string, string | undefined>>;
export type Profile = ReadonlyMap<string, IniValue>;

export class ConfigParseError extends Error {
  override readonly name = 'ConfigParseError';
  constructor(readonly path: string, message = `Unable to parse config file: ${path}`) {
    super(message);
  }
}

export interface ConfigFiles {
  readonly configPath: string;
  readonly credentialsPath: string;
  /** Profiles of the config file merged with the credentials file (credentials win). */
  readonly profiles: ReadonlyMap<string, Profile>;
  readonly services: ReadonlyMap<string, Profile>;
  readonly ssoSessions: ReadonlyMap<string, Profile>;
  /** Sections of the credentials file alone (the shared-credentials provider reads only these). */
  readonly credentialsProfiles: ReadonlyMap<string, Profile>;
  /** Profiles of the config file alone (the config-file credential provider reads only these). */
  readonly configProfiles: ReadonlyMap<string, Profile>;
}

/** Python's os.path.expandvars + expanduser, in botocore's order (vars first). */
export function expandPath(path: string, env: Env): string {
  const withVars = path.replace(/\$(\w+)|\$\{([^}]*)\}/g, (whole, a: string | undefined, b: string | undefined) => {
    const name = a ?? b ?? '';
    const v = env[name];
    return v === undefined ? whole : v;
  });
  if (withVars === '~' || withVars.startsWith('~/')) {
    return (env.HOME ?? homedir()) + withVars.slice(1);
  }
  return withVars;
}

/** botocore's raw_config_parse over a file that may be missing (then empty). */
export function readSections(path: string, options: { nested?: boolean } = {}): IniSections {
  let text: string;
  try {
    if (!statSync(path).isFile()) return new Map();
    const bytes = readBounded(path, READ_LIMITS.configFile);
    // Python reads the files as plain UTF-8: a byte-order mark stays and breaks the first line.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (e) {
    // botocore reads any size (a 200 MB file costs it seconds and gigabytes); cogsignout stops.
    if (e instanceof InputTooLargeError) {
      throw new ConfigParseError(path, `Unable to load config file: ${path} is larger than ${sizeText(e.limit)}, the most cogsignout reads from a config file`);
    }
    if (e instanceof TypeError) throw new ConfigParseError(path); // undecodable bytes
    return new Map(); // botocore treats an unreadable or missing file as absent
  }
  try {
    return parseIni(text, options);
  } catch (e) {
    if (e instanceof IniParseError) throw new ConfigParseError(path);
    throw e;
  }
}

/** botocore splits section names with shlex; `profile "a b"` names a profile with a space. */
function sectionName(key: string, kind: string): string | undefined {
  const rest = key.slice(kind.length);
  if (!/^\s/.test(rest)) return undefined;
  const words = rest.trim().match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  if (words.length !== 1) return undefined;
  return (words[0] as string).replace(/^(["'])(.*)\1$/, '$2');
}

export function configPaths(env: Env): { configPath: string; credentialsPath: string } {
  return {
    configPath: expandPath(env.AWS_CONFIG_FILE ?? '~/.aws/config', env),
    credentialsPath: expandPath(env.AWS_SHARED_CREDENTIALS_FILE ?? '~/.aws/credentials', env),
  };
}

export function loadConfigFiles(env: Env): ConfigFiles {
  const { configPath, credentialsPath } = configPaths(env);
  const config = readSections(configPath);
  const credentials = readSections(credentialsPath);
  const configProfiles = new Map<string, Profile>();
  const services = new Map<string, Profile>();
  const ssoSessions = new Map<string, Profile>();
  for (const [key, values] of config) {
    if (key.startsWith('profile')) {
      const name = sectionName(key, 'profile');
      if (name !== undefined) configProfiles.set(name, values);
    } else if (key.startsWith('sso-session')) {
      const name = sectionName(key, 'sso-session');
      if (name !== undefined) ssoSessions.set(name, values);
    } else if (key.startsWith('services')) {
      const name = sectionName(key, 'services');
      if (name !== undefined) services.set(name, values);
    } else if (key === 'default') {
      configProfiles.set('default', values);
    }
  }
  const profiles = new Map<string, Profile>();
  // Sections are only read: a profile in one file alone is shared, not copied (a copy of each
  // of thousands of sections doubled the memory of the files).
  for (const [name, values] of configProfiles) profiles.set(name, values);
  for (const [name, values] of credentials) {
    const fromConfig = profiles.get(name);
    if (fromConfig === undefined) {
      profiles.set(name, values);
      continue;
    }
    const merged = new Map(fromConfig);
    for (const [k, v] of values) merged.set(k, v);
    profiles.set(name, merged);
  }
  return { configPath, credentialsPath, profiles, services, ssoSessions, credentialsProfiles: credentials, configProfiles };
}
