// The AWS CLI's command aliases (~/.aws/cli/alias), as far as cogsignout's command line reaches:
// a `[toplevel]` alias named `cognito-idp` (the word cogsignout stands for), aliases of the
// service in `[command cognito-idp]` and of the operation in
// `[command cognito-idp admin-user-global-sign-out]`. A value starting with `!` is run by the
// shell with the rest of the line appended; any other value is split like a shell line, its
// global options override the command line's (except --profile and --debug) and the rest goes
// in front of the remaining words. The file is read before the main parser runs: a broken file
// fails every command, a broken value only the command that uses it.
import { existsSync, statSync } from 'node:fs';
import { expandUser, expandVars, readSections, type Env } from '../config/files.js';
import { pyStrip } from '../config/ini.js';
import { GeneralError } from '../errors/errors.js';
import { shellSplit, shellSplitError } from '../util/shlex.js';
import type { OutputStream } from './io.js';

export interface Aliases {
  /** Section `toplevel`, or `command <words>` with the words joined by one space. */
  section(key: string): ReadonlyMap<string, string>;
  /** No alias at all (most runs): nothing can bring options of its own. */
  readonly empty: boolean;
}

const EMPTY: ReadonlyMap<string, string> = new Map();

/** AliasLoader: the file's sections, keys lower-cased and values stripped, read once. */
export function loadAliases(env: Env): Aliases {
  // AliasLoader asks whether the expanded-user path exists; raw_config_parse then reads it with
  // its variables expanded too, so a `$X` in HOME can name a file that is not there.
  const named = expandUser('~/.aws/cli/alias', env);
  const sections = new Map<string, Map<string, string>>();
  if (existsSync(named)) {
    const path = expandVars(named, env);
    if (!existsSync(path) || !statSync(path).isFile()) throw new GeneralError(`The specified config file (${path}) could not be found.`);
    for (const [name, values] of readSections(path, { nested: false })) {
      const key = name.startsWith('command ') ? name.split(/\s+/).filter((w) => w !== '').join(' ') : name;
      const out = new Map<string, string>();
      for (const [k, v] of values) out.set(k, pyStrip(typeof v === 'string' ? v : ''));
      sections.set(key, out);
    }
  }
  return { section: (key) => sections.get(key) ?? EMPTY, empty: [...sections.values()].every((s) => s.size === 0) };
}

export const isExternal = (value: string): boolean => value.startsWith('!');

/** shlex.split of an alias value, with the AWS CLI's message when it does not split. */
export function aliasArgs(name: string, value: string): string[] {
  const words = shellSplit(value);
  if (words === undefined) {
    const reason = shellSplitError(value) ?? 'No closing quotation';
    throw new GeneralError(`Value of alias "${name}" could not be parsed. Received error: ${reason} when parsing:\n${value}`);
  }
  return words.map((w) => w.replace(/^\n+|\n+$/g, ''));
}

/** Python's shlex.quote. */
export function shellQuote(s: string): string {
  if (s === '') return "''";
  if (!/[^\w@%+=:,./-]/.test(s)) return s;
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}

export interface ShellIo {
  readonly env: Env;
  readonly cwd: string;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

/** An external alias: `sh -c` with the words quoted onto the value; its exit status is ours. */
export async function runExternalAlias(io: ShellIo, value: string, args: readonly string[]): Promise<number> {
  const command = [value.slice(1), ...args.map(shellQuote)].join(' ');
  // Loaded here: child_process costs every run a little, and few runs have an external alias.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], { cwd: io.cwd, env: io.env as NodeJS.ProcessEnv, stdio: ['inherit', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', (d: string) => io.stdout.write(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => io.stderr.write(d));
    child.on('error', () => resolve(127));
    // subprocess.call gives -N for a signal; Python's exit status is then 256 - N.
    child.on('close', (code, signal) => resolve(code ?? (signal ? 256 - (osSignal(signal) ?? 1) : 1)));
  });
}

function osSignal(name: NodeJS.Signals): number | undefined {
  const table: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGPIPE: 13, SIGTERM: 15 };
  return table[name];
}

/** The global options an internal alias may not set, in the order the AWS CLI checks them. */
const UNSUPPORTED = ['debug', 'profile'];

export function checkAliasGlobals(name: string, seen: ReadonlySet<string>): void {
  for (const dest of UNSUPPORTED) {
    if (seen.has(dest)) {
      throw new GeneralError(`Global parameter "--${dest}" detected in alias "${name}" which is not supported in subcommand aliases.`);
    }
  }
}
