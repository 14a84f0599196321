// How a help page is shown. On a terminal, as the AWS CLI shows it on Linux: through `MANPAGER`,
// else `PAGER`, else `less -R`, split like a POSIX shell would split it and run without a shell;
// a pager that is not on PATH means the page is printed directly, followed by one more newline
// (the AWS CLI writes the page plus "\n"); one that is there but cannot be run (a directory, a
// file without execute permission) is the AWS CLI's error, `[Errno 13] Permission denied: 'x'`
// (255), as Popen raises it, and a setting shlex cannot split is its ValueError (`No closing
// quotation`). Not on a terminal, the page is printed directly with no
// pager, as `man` does, and wherever no pager runs it is plain text: the backspace overstrikes
// that make bold and underline are only for a pager to read (a deliberate difference, see README).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { writeUtf8, type Io } from '../cli/io.js';
import { GeneralError } from '../errors/errors.js';
import { popenErrorText } from '../util/os-errors.js';
import { shellSplit, shlexSplit } from '../util/shlex.js';

export { shellSplit };

export const DEFAULT_HELP_PAGER = 'less -R';

/**
 * The help pager's argv, or undefined when the page should be printed directly (an empty
 * setting). One that shlex.split cannot split is its ValueError, as in the AWS CLI (255).
 */
export function helpPagerCommand(env: Io['env']): string[] | undefined {
  const setting = env.MANPAGER ?? env.PAGER ?? DEFAULT_HELP_PAGER;
  const argv = shlexSplit(setting);
  return argv.length === 0 ? undefined : argv;
}

/**
 * Where the AWS CLI's `_exists_on_path` finds `name`: the first PATH entry for which
 * `os.path.join(entry, name)` exists, whatever it is (an absolute name is itself; an empty entry,
 * or no PATH, means the name as it is, from `cwd`). Whether it can be run is the spawn's matter.
 */
export function findOnPath(name: string, env: Io['env'], cwd: string = process.cwd()): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = name.startsWith('/') || dir === '' ? name : dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
    if (existsSync(resolve(cwd, candidate))) return candidate;
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
    writeUtf8(io.stdout, plainText(text));
    return;
  }
  if (findOnPath(argv[0] as string, io.env, io.cwd) === undefined) {
    writeUtf8(io.stdout, `${plainText(text)}\n`);
    return;
  }
  // Ctrl-C belongs to the pager meanwhile (it shares the terminal's process group).
  const release = io.onInterrupt?.(() => {}) ?? (() => {});
  try {
    const failure = await new Promise<NodeJS.ErrnoException | undefined>((done) => {
      let child: ChildProcess;
      try {
        child = spawner(argv, io.env);
      } catch (e) {
        done(e as NodeJS.ErrnoException);
        return;
      }
      let spawned = false;
      child.once('spawn', () => {
        spawned = true;
        // The user may quit the pager before reading everything; the rest is simply dropped.
        child.stdin?.on('error', () => { /* EPIPE after the pager quit */ });
        child.stdin?.end(text);
      });
      child.once('error', (e: NodeJS.ErrnoException) => { if (!spawned) done(e); });
      child.once('close', () => done(undefined));
    });
    // Popen's OSError, named after the command as given: `[Errno 13] Permission denied: '/opt'`.
    if (failure) throw new GeneralError(popenErrorText(failure, argv[0] as string));
  } finally {
    release();
  }
}
