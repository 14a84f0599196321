// Finding and reading ~/.aws/config and ~/.aws/credentials the way botocore does: paths from
// AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE with ~ and $VAR expanded, a missing file is an
// empty one, `[profile x]` and `[default]` are profiles, credentials-file sections are profiles too
// and their keys win over the config file's.
//
// Each file may be 1 MiB of sections, and the AWS CLI reads both at session start and again as
// settings are looked up: so they are parsed once per environment, and profiles, sso-sessions
// and services are views over the parsed files (found by name through a hash), never copies,
// which keeps a call at the files' limit under 100 MiB.
import { statSync } from 'node:fs';
import { GeneralError } from '../errors/errors.js';
import { homedir } from 'node:os';
import { IniParseError, parseIni, type IniFile, type IniValue } from './ini.js';
import { firstOfHash, hashOf, hashRange } from './ini-scan.js';
import { MapView, NamedViews } from './views.js';
import { shellSplit } from '../util/shlex.js';
import { InputTooLargeError, READ_LIMITS, readBounded, sizeText } from '../util/bounded-read.js';

export type Env = Readonly<Record<string, string | undefined>>;
export type Profile = ReadonlyMap<string, IniValue>;

export class ConfigParseError extends Error {
  override readonly name = 'ConfigParseError';
  constructor(readonly path: string, message = `Unable to parse config file: ${path}`) {
    super(message);
  }
}

/** `read()` (a read of the config files), with a file that does not parse the AWS CLI's error (255). */
export function parsedOrFail<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ConfigParseError) throw new GeneralError(e.message);
    throw e;
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

/** Python's os.path.expandvars: `$name` and `${name}` from the environment; unknown names stay. */
export function expandVars(path: string, env: Env): string {
  return path.replace(/\$(\w+)|\$\{([^}]*)\}/g, (whole, a: string | undefined, b: string | undefined) => {
    const name = a ?? b ?? '';
    const v = env[name];
    return v === undefined ? whole : v;
  });
}

/** A user's home directory from the password file (Python's pwd.getpwnam), undefined when unknown. */
function passwdHome(name: string): string | undefined {
  let text: string;
  try {
    text = readBounded('/etc/passwd', READ_LIMITS.configFile).toString('utf8');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    if (fields.length >= 7 && fields[0] === name) return fields[5];
  }
  return undefined;
}

/**
 * Python's os.path.expanduser: `~` is HOME, `~name` that user's home (an unknown name leaves the
 * path as it is); the home's trailing slashes are dropped, and an empty result is `/`.
 */
export function expandUser(path: string, env: Env): string {
  if (!path.startsWith('~')) return path;
  const slash = path.indexOf('/', 1);
  const end = slash < 0 ? path.length : slash;
  const home = end === 1 ? env.HOME ?? homedir() : passwdHome(path.slice(1, end));
  if (home === undefined) return path;
  return home.replace(/\/+$/, '') + path.slice(end) || '/';
}

/** Python's os.path.expandvars + expanduser, in botocore's order (vars first). */
export function expandPath(path: string, env: Env): string {
  return expandUser(expandVars(path, env), env);
}

const NO_SECTIONS = parseIni('');

/** botocore's raw_config_parse over a file that may be missing (then empty). */
export function readSections(path: string, options: { nested?: boolean } = {}): IniFile {
  let text: string;
  try {
    // A missing file (most runs: both files) without an exception made and thrown (~20 µs each).
    if (statSync(path, { throwIfNoEntry: false })?.isFile() !== true) return NO_SECTIONS;
    const bytes = readBounded(path, READ_LIMITS.configFile);
    // Python reads the files as plain UTF-8: a byte-order mark stays and breaks the first line.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (e) {
    // botocore reads any size (a 200 MB file costs it seconds and gigabytes); cogsignout stops.
    if (e instanceof InputTooLargeError) {
      throw new ConfigParseError(path, `Unable to load config file: ${path} is larger than ${sizeText(e.limit)}, the most cogsignout reads from a config file`);
    }
    if (e instanceof TypeError) throw new ConfigParseError(path); // undecodable bytes
    return NO_SECTIONS; // botocore treats an unreadable or missing file as absent
  }
  try {
    return parseIni(text, options);
  } catch (e) {
    if (e instanceof IniParseError) throw new ConfigParseError(path);
    throw e;
  }
}

/**
 * botocore's _parse_section: shlex.split of the whole section name must give two words, and the
 * second names the profile (`profile "a b"` is `a b`; `profilex y` is `y`, as botocore has it).
 */
function sectionName(key: string): string | undefined {
  // Without quotes or backslashes, shlex splits at its whitespace alone.
  const words = /["'\\]/.test(key) ? shellSplit(key) : key.split(/[ \t\r\n]+/).filter((w) => w !== '');
  return words?.length === 2 ? words[1] : undefined;
}

export function configPaths(env: Env): { configPath: string; credentialsPath: string } {
  return {
    configPath: expandPath(env.AWS_CONFIG_FILE ?? '~/.aws/config', env),
    credentialsPath: expandPath(env.AWS_SHARED_CREDENTIALS_FILE ?? '~/.aws/credentials', env),
  };
}

/** One ConfigFiles per environment and pair of files: the driver and the settings share it. */
const loaded = new WeakMap<Env, { key: string; files: ConfigFiles }>();

/**
 * What tells a file changed on disk, for runs in one process (tests) that rewrite a file at the
 * same path. A rewrite of the same size within one tick of the file-system clock goes unseen:
 * within one call that is botocore's behaviour too, its session reads the files once.
 */
function fileStamp(path: string): string {
  try {
    const s = statSync(path, { throwIfNoEntry: false });
    return s === undefined ? '-' : `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
  } catch {
    return '-';
  }
}

/**
 * Both files, read and checked once per environment: the AWS CLI reads them when its session
 * starts and again as settings are looked up, which here would parse 2 MiB twice over.
 */
export function loadConfigFiles(env: Env): ConfigFiles {
  const { configPath, credentialsPath } = configPaths(env);
  const key = `${configPath}\0${credentialsPath}\0${fileStamp(configPath)}\0${fileStamp(credentialsPath)}`;
  const memo = loaded.get(env);
  if (memo?.key === key) return memo.files;
  const files = readConfigFiles(configPath, credentialsPath);
  loaded.set(env, { key, files });
  return files;
}

// The second word of a section name, found without making strings (a file may hold 170,000
// names): PLAIN when it is text[wordStart, wordEnd), NOT_TWO when the name is not two words,
// QUOTED when only shlex itself can tell (quotes or backslashes).
const NOT_TWO = 0;
const PLAIN = 1;
const QUOTED = 2;
let wordStart = 0;
let wordEnd = 0;

function secondWord(text: string, start: number, end: number): number {
  let words = 0;
  for (let i = start; i < end;) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 10) {
      i++;
      continue;
    }
    const from = i;
    for (; i < end; i++) {
      c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13 || c === 10) break;
      if (c === 34 || c === 39 || c === 92) return QUOTED; // '"', "'", '\'
    }
    words++;
    if (words === 2) {
      wordStart = from;
      wordEnd = i;
    }
  }
  return words === 2 ? PLAIN : NOT_TWO;
}

/**
 * The config file's sections of one kind (profiles, sso-sessions, services) by the name botocore
 * gives them. A name is found by its hash, then checked; the last section of a name wins, in the
 * place of the first (Python's dict.update).
 */
class SectionsOfKind {
  private readonly indices: number[] = [];
  private readonly hashes: number[] = [];
  private order: Int32Array | undefined;
  private repeated: Set<number> | undefined;
  private readonly hashList = { at: (j: number): number => this.hashes[j] as number };

  constructor(private readonly file: IniFile) {}

  add(index: number, hash: number): void {
    this.indices.push(index);
    this.hashes.push(hash);
  }

  /** The section index a name resolves to, or -1. */
  find(name: string): number {
    const h = hashOf(name);
    const hashes = this.hashList;
    if (this.order === undefined) {
      this.order = new Int32Array(this.indices.length);
      for (let j = 0; j < this.order.length; j++) this.order[j] = j;
      this.order.sort((a, b) => (hashes.at(a) < hashes.at(b) ? -1 : hashes.at(a) > hashes.at(b) ? 1 : 0));
    }
    let found = -1;
    for (let k = firstOfHash(this.order, hashes, h); k < this.order.length; k++) {
      const j = this.order[k] as number;
      if (this.hashes[j] !== h) break;
      const index = this.indices[j] as number;
      if (index > found && this.named(index, name)) found = index;
    }
    return found;
  }

  /** Whether the section at `index` gives the name `name`. */
  private named(index: number, name: string): boolean {
    const { text } = this.file;
    const start = this.file.nameStart(index);
    const end = this.file.nameEnd(index);
    if (end - start === 7 && text.startsWith('default', start)) return name === 'default';
    const found = secondWord(text, start, end);
    if (found === QUOTED) return sectionName(text.slice(start, end)) === name;
    return found === PLAIN && wordEnd - wordStart === name.length && text.startsWith(name, wordStart);
  }

  private nameOf(index: number): string | undefined {
    const { text } = this.file;
    const start = this.file.nameStart(index);
    const end = this.file.nameEnd(index);
    if (end - start === 7 && text.startsWith('default', start)) return 'default';
    const found = secondWord(text, start, end);
    if (found === QUOTED) return sectionName(text.slice(start, end));
    return found === PLAIN ? text.slice(wordStart, wordEnd) : undefined;
  }

  /** Each name once, where it first appears. */
  *names(): Generator<string> {
    for (const index of this.indices) if (!this.repeats(index)) yield this.nameOf(index) as string;
  }

  /** Whether an earlier section has the name too (rare: `[profile a]` and `[profile "a"]`). */
  private repeats(index: number): boolean {
    if (this.repeated === undefined) {
      this.repeated = new Set();
      this.find(''); // sorts
      const order = this.order as Int32Array;
      for (let run = 0, end = 1; run < order.length; run = end, end = run + 1) {
        const h = this.hashes[order[run] as number];
        while (end < order.length && this.hashes[order[end] as number] === h) end++;
        if (end - run === 1) continue;
        // Names of one hash: every section of a name but its first is a repeat.
        const first = new Map<string, number>();
        for (let k = run; k < end; k++) {
          const at = this.indices[order[k] as number] as number;
          const name = this.nameOf(at) as string;
          const seen = first.get(name);
          if (seen === undefined) {
            first.set(name, at);
          } else {
            this.repeated.add(Math.max(seen, at));
            first.set(name, Math.min(seen, at));
          }
        }
      }
    }
    return this.repeated.has(index);
  }

  views(): NamedViews<Profile> {
    let count: number | undefined;
    return new NamedViews<Profile>(
      () => this.names(),
      (name) => this.find(name) >= 0,
      (name) => this.file.peekAt(this.find(name)),
      () => {
        if (count === undefined) {
          count = 0;
          for (const _ of this.names()) count++;
        }
        return count;
      },
    );
  }
}

function readConfigFiles(configPath: string, credentialsPath: string): ConfigFiles {
  const config = readSections(configPath);
  const credentials = readSections(credentialsPath);
  const profileSections = new SectionsOfKind(config);
  const serviceSections = new SectionsOfKind(config);
  const ssoSections = new SectionsOfKind(config);
  const { text } = config;
  const prefixed = (start: number, end: number, prefix: string): boolean => end - start >= prefix.length && text.startsWith(prefix, start);
  for (let i = 0; i < config.count; i++) {
    const start = config.nameStart(i);
    const end = config.nameEnd(i);
    const kind = prefixed(start, end, 'profile') ? profileSections
      : prefixed(start, end, 'sso-session') ? ssoSections
        : prefixed(start, end, 'services') ? serviceSections
          : undefined;
    if (kind !== undefined) {
      const found = secondWord(text, start, end);
      if (found === PLAIN) {
        kind.add(i, hashRange(text, wordStart, wordEnd));
      } else if (found === QUOTED) {
        const name = sectionName(text.slice(start, end));
        if (name !== undefined) kind.add(i, hashOf(name));
      }
    } else if (end - start === 7 && text.startsWith('default', start)) {
      profileSections.add(i, hashOf('default'));
    }
  }
  const configProfiles = profileSections.views();
  // The credentials file's sections are profiles too, their keys over the config file's; the
  // profile names are the config file's, then the credentials file's new ones.
  const credentialsOnly = function* (): Generator<string> {
    for (let i = 0; i < credentials.count; i++) {
      const name = credentials.nameAt(i);
      if (profileSections.find(name) < 0) yield name;
    }
  };
  let count: number | undefined;
  const profiles = new NamedViews<Profile>(
    function* () { yield* configProfiles.keys(); yield* credentialsOnly(); },
    (name) => configProfiles.has(name) || credentials.has(name),
    (name) => {
      const at = profileSections.find(name);
      const fromConfig = at < 0 ? undefined : config.peekAt(at);
      const fromCredentials = credentials.peek(name);
      if (fromConfig === undefined) return fromCredentials as Profile;
      return fromCredentials === undefined ? fromConfig : new MergedProfile(fromConfig, fromCredentials);
    },
    () => {
      if (count === undefined) {
        count = configProfiles.size;
        for (const _ of credentialsOnly()) count++;
      }
      return count;
    },
  );
  return {
    configPath,
    credentialsPath,
    profiles,
    services: serviceSections.views(),
    ssoSessions: ssoSections.views(),
    credentialsProfiles: credentials,
    configProfiles,
  };
}

/** botocore's config['profiles'][name].update(credentials section): read through, not copied. */
class MergedProfile extends MapView<string, IniValue> {
  constructor(private readonly config: Profile, private readonly credentials: Profile) {
    super();
  }

  get(key: string): IniValue | undefined {
    return this.credentials.get(key) ?? this.config.get(key);
  }

  has(key: string): boolean {
    return this.credentials.has(key) || this.config.has(key);
  }

  *entries(): MapIterator<[string, IniValue]> {
    for (const [k, v] of this.config) yield [k, this.credentials.get(k) ?? v];
    for (const entry of this.credentials) if (!this.config.has(entry[0])) yield entry;
  }
}
