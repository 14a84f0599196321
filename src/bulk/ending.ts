// How a run ended, told in one line on stderr (besides the summary on stdout), with the command
// that resumes it when it did not finish, and the exit status that tells a script which ending
// it was.
import { ServiceError } from '../errors/errors.js';
import { maskUrlPasswords } from '../diagnostics/redact.js';
import type { Tally } from './summary.js';

export type Ending =
  | { readonly kind: 'finished' }
  | { readonly kind: 'interrupted'; readonly signal: string }
  | { readonly kind: 'stopped'; readonly reason: string };

/** Exit statuses of bulk-sign-out (README, "Summary and exit status"). */
export const EXIT = {
  /** Finished: every user signed out or skipped (or, for a dry run, checked). */
  ok: 0,
  /** Finished, and some users failed (listed in Failures). */
  someFailed: 254,
  /** Interrupted by Ctrl-C, SIGTERM or SIGHUP. */
  interrupted: 130,
  /** Stopped before finishing by an error every user would meet (the error is printed too). */
  stopped: 255,
} as const;

export function exitStatus(ending: Ending, t: Tally, dryRun: boolean): number {
  if (ending.kind === 'interrupted') return EXIT.interrupted;
  if (ending.kind === 'stopped') return EXIT.stopped;
  return !dryRun && t.failed > 0 ? EXIT.someFailed : EXIT.ok;
}

/** The reason a stop gives in the summary: the service's code and message, or the error's text. */
export function stopReason(e: unknown): string {
  if (e instanceof ServiceError) return `${e.code}: ${e.serviceMessage}`;
  // Our own messages echo URLs as given: their passwords masked, as errors/report.ts does.
  return maskUrlPasswords(e instanceof Error ? e.message : String(e), '***');
}

const SAFE = /^[A-Za-z0-9_\-.,:/@%+=]+$/;

export function shellQuote(word: string): string {
  return SAFE.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** The journal a run without --journal suggests for its resumption. */
export function suggestedJournal(userPoolId: string): string {
  return `bulk-sign-out-${userPoolId}.journal`;
}

/**
 * The command line that resumes a run: the same one, with --journal added when it had none.
 * Whether it had one is the run's to say, not the words': argparse takes `--jour j` for
 * `--journal j`, and a second --journal added to that line would replace the run's journal.
 */
export function resumeCommand(argv: readonly string[], prog: string, userPoolId: string, hasJournal: boolean): string {
  const words = hasJournal ? [...argv] : [...argv, '--journal', suggestedJournal(userPoolId)];
  // An endpoint's password stays off the screen and out of the incident ticket, as in every
  // message of ours that echoes a URL (errors/report.ts); the operator puts it back.
  return [prog, ...words].map((w) => shellQuote(maskUrlPasswords(w, '***'))).join(' ');
}

function counts(t: Tally, dryRun: boolean): string {
  // When the skipped users were signed out: a journal kept from an older incident skips users
  // who may have signed in again since, and a count alone would read as a clean run.
  const skipped = `${t.skipped} skipped${t.skippedSince === undefined ? '' : ` (signed out by earlier runs of the journal, the first at ${t.skippedSince})`}`;
  const parts = dryRun
    ? [`${t.wouldSignOut} would be signed out`, skipped]
    : [`${t.succeeded} signed out`, `${t.failed} failed`, skipped];
  if (t.notAttempted > 0 || !dryRun) parts.push(`${t.notAttempted} not attempted`);
  if (t.duplicates > 0) parts.push(`${t.duplicates} duplicate ${t.duplicates === 1 ? 'line' : 'lines'} ignored`);
  return `${t.users} ${t.users === 1 ? 'user' : 'users'}: ${parts.join(', ')}`;
}

export interface EndingLineContext {
  readonly argv: readonly string[];
  readonly prog: string;
  readonly userPoolId: string;
  readonly journal: string | undefined;
  readonly dryRun: boolean;
  /** --list-file was given (a dry run that does not finish writes none). */
  readonly listFile?: boolean;
  /** The usernames came from standard input: the command that resumes needs them there again. */
  readonly fromStdin?: boolean;
}

/** The command that resumes (or tries again), with what it needs that the line cannot show. */
function again(c: EndingLineContext): string {
  const line = resumeCommand(c.argv, c.prog, c.userPoolId, c.journal !== undefined);
  return c.fromStdin === true ? `${line} (with the same usernames on standard input)` : line;
}

/** The one line on stderr that says how the run ended (with its newline). */
export function endingLine(ending: Ending, t: Tally, c: EndingLineContext): string {
  const what = c.dryRun ? 'bulk-sign-out (dry run)' : 'bulk-sign-out';
  if (ending.kind === 'finished') {
    const tail = c.dryRun ? '; nobody was signed out' : t.failed > 0 ? '; the failed users are listed in the summary' : '';
    // A storm of server errors fails user after user and the run still finishes: say that these
    // failures were not the users', and how to try them again (a rerun does).
    if (!c.dryRun && t.retryable > 0) {
      const retry = c.journal !== undefined
        ? 'to try them again'
        : 'to try them again, run it again with a journal (users already signed out are signed out again, which is harmless)';
      const which = t.retryable === t.failed ? (t.failed === 1 ? 'it failed' : 'they all failed') : `${t.retryable} of them failed`;
      return `${what}: finished: ${counts(t, c.dryRun)}${tail}; ${which} on the service's side or the connection, not for anything about the user; ${retry}: ${again(c)}\n`;
    }
    return `${what}: finished: ${counts(t, c.dryRun)}${tail}.\n`;
  }
  const how = ending.kind === 'interrupted' ? `interrupted (${ending.signal})` : `stopped (${ending.reason})`;
  if (c.dryRun) return `${what}: ${how}: ${counts(t, c.dryRun)}; nobody was signed out${c.listFile === true ? ', and no --list-file was written (it would not list everyone)' : ''}.\n`;
  const resume = again(c);
  const advice = c.journal !== undefined
    ? 'to resume'
    : 'to resume, run it again with a journal (users already signed out are signed out again, which is harmless)';
  return `${what}: ${how}: ${counts(t, c.dryRun)}; ${advice}: ${resume}\n`;
}
