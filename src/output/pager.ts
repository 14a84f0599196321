// The output pager, as the AWS CLI uses it: AWS_PAGER → the profile's cli_pager → PAGER → less
// (an empty value turns it off, as does --no-cli-pager), only when stdout is a terminal, started
// without a shell and with LESS=FRX unless LESS is set, fed the output and waited for. A pager
// that cannot be started is the AWS CLI's Pager error (exit 253); a user quitting it early is
// not an error. Ctrl-C ends the pager (SIGTERM, on which pagers restore the terminal; a second
// Ctrl-C, SIGKILL) and, once it has gone, this process too (130). The AWS CLI exits at once and leaves the pager running,
// reading the keyboard behind the shell's back (a deliberate difference, see README).
import type { Env } from '../config/files.js';
import type { Io } from '../cli/io.js';
import { InterruptedError, PagerError, PROG } from '../errors/errors.js';
import { shlexSplit } from '../util/shlex.js';
import { popenErrorText } from '../util/os-errors.js';

export interface PagerSettings {
  readonly noCliPager: boolean;
  readonly stdoutIsTTY: boolean;
  readonly env: Env;
  readonly profilePager: string | undefined;
}

/**
 * The pager command to run, or undefined when output goes straight to stdout. One that
 * shlex.split cannot split is its ValueError (255), as the AWS CLI's output stream raises it
 * whatever is to be written (nothing, `--output off`): the call has been made by then.
 */
export function pagerCommand(s: PagerSettings): string[] | undefined {
  if (s.noCliPager || !s.stdoutIsTTY) return undefined;
  const raw = s.env.AWS_PAGER ?? s.profilePager ?? s.env.PAGER ?? 'less';
  const words = shlexSplit(raw);
  return words.length === 0 ? undefined : words;
}

/**
 * Why a pager could not show the output (it did not start, or it failed), for a caller that
 * then writes the output without one: bulk-sign-out, whose summary is a finished run's record.
 */
export class PagerUnusable extends Error {}

/**
 * `strict`: a pager that cannot be started, or that exits with a status other than 0 (or is
 * killed) without being interrupted, is PagerUnusable: the output may not have been shown.
 */
export async function runPager(command: readonly string[], text: string, env: Env, onInterrupt?: Io['onInterrupt'], strict = false): Promise<void> {
  const [file, ...args] = command as [string, ...string[]];
  // Loaded here: child_process costs every run a little, and most runs page nothing.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { ...env, LESS: env.LESS ?? 'FRX' },
    });
    let interrupted = false;
    // A pager that ignores SIGTERM gets SIGKILL on the next Ctrl-C: the user wants out.
    const release = onInterrupt?.(() => {
      child.kill(interrupted ? 'SIGKILL' : 'SIGTERM');
      interrupted = true;
    }) ?? (() => {});
    child.on('error', (e: NodeJS.ErrnoException) => {
      release();
      if (strict) reject(new PagerUnusable(`${file} could not be started: ${popenErrorText(e, file)}`));
      else reject(new PagerError(`Unable to redirect output to pager. Received the following error when opening pager:\n${popenErrorText(e, file)}\n\nLearn more about configuring the output pager by running "${PROG} help config-vars".`));
    });
    // Quitting the pager before reading everything closes the pipe: that is the user's choice.
    child.stdin.on('error', () => {});
    child.on('close', (code, signal) => {
      release();
      if (interrupted) reject(new InterruptedError('interrupted in the pager'));
      else if (strict && code !== 0) reject(new PagerUnusable(`${file} ${signal === null ? `exited with status ${code}` : `was killed by ${signal}`}`));
      else resolve();
    });
    child.stdin.end(text);
  });
}
