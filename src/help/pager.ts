// How a help page is shown. On a terminal, as the AWS CLI shows it on Linux: through `MANPAGER`,
// else `PAGER`, else `less -R`, split like a POSIX shell would split it and run without a shell;
// a pager that is not on PATH means the page is printed directly, followed by one more newline
// (the AWS CLI writes the page plus "\n"). Not on a terminal, the page is printed directly with no
// pager, as `man` does, and wherever no pager runs it is plain text: the backspace overstrikes
// that make bold and underline are only for a pager to read (a deliberate difference, see README).
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Io } from '../cli/io.js';
import { shellSplit } from '../util/shlex.js';

export { shellSplit };

export const DEFAULT_HELP_PAGER = 'less -R';

/** The help pager's argv, or undefined when the page should be printed directly. */
export function helpPagerCommand(env: Io['env']): string[] | undefined {
  const setting = env.MANPAGER ?? env.PAGER ?? DEFAULT_HELP_PAGER;
  const argv = shellSplit(setting);
  return argv === undefined || argv.length === 0 ? undefined : argv;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where `name` would be run from, as the AWS CLI looks for its pager (a name with a slash is a path). */
export function findOnPath(name: string, env: Io['env']): string | undefined {
  if (name.includes('/')) return isExecutableFile(name) ? name : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir === '' ? '.' : dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** What `col -b` leaves of a page: each `c\bc` (bold) or `_\bc` (underline) becomes `c`. */
export function plainText(page: string): string {
  return page.replace(/[^\n]\x08/g, '');
}

export type PagerSpawner = (argv: readonly string[], env: Io['env']) => ChildProcess;

/** The real pager writes straight to the terminal, so it inherits this process's stdout and stderr. */
const spawnPager: PagerSpawner = (argv, env) =>
  spawn(argv[0] as string, argv.slice(1), { stdio: ['pipe', 'inherit', 'inherit'], env: { ...env } });

/**
 * Shows `text` (with overstrikes) through the help pager and waits for the pager to exit. Ctrl-C goes to the pager
 * (it shares the terminal's process group); this process ignores it meanwhile (Io.onInterrupt),
 * as the AWS CLI does, so the pager can restore the terminal before the command ends.
 */
export async function sendToPager(io: Io, text: string, spawner: PagerSpawner = spawnPager): Promise<void> {
  const argv = io.stdout.isTTY ? helpPagerCommand(io.env) : undefined;
  if (argv === undefined) {
    io.stdout.write(plainText(text));
    return;
  }
  if (findOnPath(argv[0] as string, io.env) === undefined) {
    io.stdout.write(`${plainText(text)}\n`);
    return;
  }
  // Ctrl-C belongs to the pager meanwhile (it shares the terminal's process group).
  const release = io.onInterrupt?.(() => {}) ?? (() => {});
  try {
    const started = await new Promise<boolean>((resolve) => {
      let child: ChildProcess;
      try {
        child = spawner(argv, io.env);
      } catch {
        resolve(false);
        return;
      }
      let spawned = false;
      child.once('spawn', () => {
        spawned = true;
        // The user may quit the pager before reading everything; the rest is simply dropped.
        child.stdin?.on('error', () => { /* EPIPE after the pager quit */ });
        child.stdin?.end(text);
      });
      child.once('error', () => { if (!spawned) resolve(false); });
      child.once('close', () => resolve(spawned));
    });
    if (!started) io.stdout.write(`${plainText(text)}\n`);
  } finally {
    release();
  }
}
