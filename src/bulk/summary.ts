// The run's tally and the document printed at the end. The summary accounts for every distinct
// user read: Succeeded + Failed + Skipped + NotAttempted (+ WouldSignOut in a dry run) = Users.
// Failures are listed in input order, in full only up to MAX_LISTED_FAILURES (an incident with a
// bad username file could fail every line); the rest are counted, and the journal has them all.

import { maskUrlPasswords } from '../diagnostics/redact.js';
import { escapeControlChars } from '../output/control-chars.js';

export const MAX_LISTED_FAILURES = 1000;

export interface Failure {
  readonly username: string;
  readonly code: string;
  readonly message: string;
  /** Position of the user in the input (0-based), for listing failures in input order. */
  readonly index: number;
}

export class Tally {
  /** Distinct users read so far (all of them, for a username file: it is read before the run). */
  users = 0;
  succeeded = 0;
  failed = 0;
  skipped = 0;
  /** Users a dry run would have signed out. */
  wouldSignOut = 0;
  /** Input lines that named a user already named. */
  duplicates = 0;
  readonly duplicated: string[] = [];
  /** Requests still in flight when a stopped run stopped waiting for them. */
  abandoned = 0;
  /** Throttling answers from the service (each one retried). */
  throttled = 0;
  /** The limiter is holding requests back after throttling (for the progress line). */
  backingOff = false;
  interrupted = false;
  /** The signal that interrupted the run. */
  signal: string | undefined;
  /**
   * When the earliest of the skipped users was signed out, by the journal (ISO 8601, UTC): a
   * journal kept from an older incident skips users who may have signed in again since.
   */
  skippedSince: string | undefined;
  private listed: Failure[] = [];

  recordSkip(signedOutAt: string): void {
    this.skipped += 1;
    const t = Date.parse(signedOutAt);
    if (Number.isNaN(t)) return;
    if (this.skippedSince === undefined || t < Date.parse(this.skippedSince)) this.skippedSince = new Date(t).toISOString();
  }

  /** Failures that were the service's or the connection's, not about the user: a rerun may sign them out. */
  retryable = 0;

  recordFailure(f: Failure, retryable = false): void {
    this.failed += 1;
    if (retryable) this.retryable += 1;
    this.listed.push(f);
    // Keep the first MAX_LISTED_FAILURES in input order without holding every failure.
    if (this.listed.length >= 2 * MAX_LISTED_FAILURES) this.listed = this.failures;
  }

  get failures(): Failure[] {
    return [...this.listed].sort((a, b) => a.index - b.index).slice(0, MAX_LISTED_FAILURES);
  }

  /** Users whose outcome this run knows (the skipped ones included). */
  get processed(): number {
    return this.succeeded + this.failed + this.skipped + this.wouldSignOut;
  }

  /** Users read but never signed out nor failed: never sent, or sent and abandoned. */
  get notAttempted(): number {
    return Math.max(0, this.users - this.processed);
  }
}

export interface RunContext {
  readonly userPoolId: string;
  readonly region: string;
  /** --endpoint-url, when given. */
  readonly endpoint: string | undefined;
  readonly journal: string | undefined;
  /** Epoch milliseconds. */
  readonly startedAt: number;
  readonly endedAt: number;
  /** Why the run stopped before finishing (an error every user would meet), if it did. */
  readonly stopped: string | undefined;
}

/** Sign-outs answered (signed out or failed) per second of the run. */
export function achievedRate(t: Tally, c: RunContext): number {
  const seconds = (c.endedAt - c.startedAt) / 1000;
  return seconds > 0 ? (t.succeeded + t.failed) / seconds : 0;
}

const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The summary as printed (through --output and --query): the counts first (what the operator
 * looks at), then how the run ended, then the context a ticket needs, then the failures.
 * Optional members appear only when they apply: WouldSignOut (--dry-run), Interrupted (a
 * signal) or Stopped (the error's reason), Endpoint (--endpoint-url), Journal, SkippedSince (users
 * skipped), DuplicateUsernames,
 * FailuresNotListed.
 */
export function summaryDocument(t: Tally, dryRun: boolean, c: RunContext): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    Users: t.users, Succeeded: t.succeeded, Failed: t.failed, Skipped: t.skipped, NotAttempted: t.notAttempted,
  };
  if (dryRun) doc.WouldSignOut = t.wouldSignOut;
  doc.Duplicates = t.duplicates;
  if (t.duplicated.length > 0) doc.DuplicateUsernames = t.duplicated.map(escapeControlChars);
  doc.Finished = !t.interrupted && c.stopped === undefined;
  if (t.interrupted) doc.Interrupted = t.signal ?? true;
  if (c.stopped !== undefined) doc.Stopped = c.stopped;
  doc.UserPoolId = c.userPoolId;
  doc.Region = c.region;
  // Its password masked, as in the error messages that echo it (errors/report.ts).
  if (c.endpoint !== undefined) doc.Endpoint = maskUrlPasswords(c.endpoint, '***');
  if (c.journal !== undefined) doc.Journal = c.journal;
  if (t.skippedSince !== undefined) doc.SkippedSince = t.skippedSince;
  doc.StartTime = new Date(c.startedAt).toISOString();
  doc.EndTime = new Date(c.endedAt).toISOString();
  doc.DurationSeconds = round((c.endedAt - c.startedAt) / 1000, 3);
  doc.RatePerSecond = round(achievedRate(t, c), 2);
  doc.Throttled = t.throttled;
  const failures = t.failures;
  // Neither the service's words nor the names read (a list exported from logs holds whatever an
  // attacker typed as a username) drive the operator's terminal: text and table print them raw.
  // No Cognito username holds a control character, so no real user's name changes; the journal
  // keeps them as sent.
  doc.Failures = failures.map((f) => ({ Username: escapeControlChars(f.username), Code: escapeControlChars(f.code), Message: escapeControlChars(f.message) }));
  if (t.failed > failures.length) doc.FailuresNotListed = t.failed - failures.length;
  return doc;
}
