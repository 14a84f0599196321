// `cogsignout completion bash|zsh|fish` and the scripts' fast path `cogsignout __complete
// profiles|regions`. Neither needs credentials, a region or the SDK; the fast path must not even print
// an error, since whatever it prints becomes completion candidates.
import { writeUtf8, type Io } from '../cli/io.js';
import { ConfigParseError, loadConfigFiles, type Profile } from '../config/files.js';
import { regionChoices } from './regions.js';
import { ParamValidationError, PROG } from '../errors/errors.js';
import { SHELLS, type Shell } from './commands.js';
import { completionScript } from './scripts.js';

export { completionScript } from './scripts.js';

/** Profile names from the config and credentials files, config file first, each once. */
export function profileNames(env: Io['env']): string[] {
  return [...profileNamesOf(env)];
}

function profileNamesOf(env: Io['env']): Iterable<string> {
  try {
    return loadConfigFiles(env).profiles.keys();
  } catch (e) {
    if (e instanceof ConfigParseError) return [];
    throw e;
  }
}

/**
 * One name per line, in writes of about 64 KiB: a config file at its size limit holds some
 * 150,000 profiles, and as many separate writes queued on a slow pipe cost more memory than
 * the names themselves.
 */
function writeLines(io: Io, names: Iterable<string>): void {
  let chunk = '';
  for (const name of names) {
    chunk += `${name}\n`;
    if (chunk.length >= 65536) { writeUtf8(io.stdout, chunk); chunk = ''; }
  }
  if (chunk !== '') writeUtf8(io.stdout, chunk);
}

/** Regions for `--region`: the configured ones, then the SDK's (a broken config file adds none). */
export function regionNames(env: Io['env']): string[] {
  let profiles: Iterable<Profile> = [];
  try {
    profiles = loadConfigFiles(env).profiles.values();
  } catch (e) {
    if (!(e instanceof ConfigParseError)) throw e;
  }
  return regionChoices(env, profiles);
}

const USAGE = `usage: ${PROG} completion {${SHELLS.join(',')}}\n`;

/**
 * `args` starts at the command word: `['completion', 'bash']` or `['__complete', 'profiles']`.
 */
export async function runCompletion(io: Io, args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === '__complete') {
    if (rest.length === 1 && rest[0] === 'profiles') {
      writeLines(io, profileNamesOf(io.env));
      return 0;
    }
    if (rest.length === 1 && rest[0] === 'regions') {
      writeLines(io, regionNames(io.env));
      return 0;
    }
    throw new ParamValidationError(`${PROG} __complete takes one argument: profiles or regions`);
  }
  const [shell, ...extra] = rest;
  if (shell === undefined) {
    throw new ParamValidationError(`the following arguments are required: shell\n\n${USAGE}`);
  }
  if (!(SHELLS as readonly string[]).includes(shell)) {
    throw new ParamValidationError(`argument shell: Found invalid choice '${shell}' (choose from ${SHELLS.join(', ')})\n\n${USAGE}`);
  }
  if (extra.length > 0) {
    throw new ParamValidationError(`unrecognized arguments: ${extra.join(' ')}\n\n${USAGE}`);
  }
  writeUtf8(io.stdout, completionScript(shell as Shell));
  return 0;
}
