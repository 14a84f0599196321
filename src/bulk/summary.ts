// The run's tally and the document printed at the end. Failures are listed in full only up to
// MAX_LISTED_FAILURES (an incident with a bad username file could fail every line); the rest are
// counted, and the journal has them all.

export const MAX_LISTED_FAILURES = 1000;

export interface Failure {
  readonly username: string;
  readonly code: string;
  readonly message: string;
}

export class Tally {
  succeeded = 0;
  failed = 0;
  skipped = 0;
  /** Users a dry run would have signed out. */
  wouldSignOut = 0;
  /** Requests still in flight when an interrupted run stopped waiting for them. */
  abandoned = 0;
  interrupted = false;
  readonly failures: Failure[] = [];

  recordFailure(f: Failure): void {
    this.failed += 1;
    if (this.failures.length < MAX_LISTED_FAILURES) this.failures.push(f);
  }

  /** Users whose outcome this run knows (the skipped ones included). */
  get processed(): number {
    return this.succeeded + this.failed + this.skipped + this.wouldSignOut;
  }
}

/**
 * The summary as printed (through --output and --query). Always: Succeeded, Failed, Skipped,
 * Failures. Only when they apply: WouldSignOut (--dry-run), Interrupted and Abandoned (Ctrl-C),
 * FailuresNotListed (failures beyond the first MAX_LISTED_FAILURES).
 */
export function summaryDocument(t: Tally, dryRun: boolean): Record<string, unknown> {
  const doc: Record<string, unknown> = { Succeeded: t.succeeded, Failed: t.failed, Skipped: t.skipped };
  if (dryRun) doc.WouldSignOut = t.wouldSignOut;
  if (t.interrupted) doc.Interrupted = true;
  if (t.abandoned > 0) doc.Abandoned = t.abandoned;
  doc.Failures = t.failures.map((f) => ({ Username: f.username, Code: f.code, Message: f.message }));
  if (t.failed > t.failures.length) doc.FailuresNotListed = t.failed - t.failures.length;
  return doc;
}
