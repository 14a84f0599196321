// The progress line on stderr, for a person watching a terminal: counts, the rate over the
// last few seconds and, when the number of users is known, the time left. Redrawn in place with
// a carriage return; never written when stderr is not a terminal (a log file or CI would fill
// up with redraws).
import type { Clock } from './clock.js';
import type { Tally } from './summary.js';

const REDRAW_MS = 250;
/** Samples of the done count kept for the rate: five seconds' worth. */
const SAMPLES = 20;

export interface ProgressSink {
  write(text: string): void;
  readonly columns: number | undefined;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function progressText(t: Tally, rate: number, total: number | undefined, dryRun: boolean): string {
  const parts = dryRun
    ? [`${t.wouldSignOut} to sign out`, `${t.skipped} skipped`]
    : [`${t.succeeded} signed out`, `${t.failed} failed`, `${t.skipped} skipped`, `${rate.toFixed(1)}/s`];
  // Said outright, so that a slow rate under throttling does not look like a hung run.
  if (!dryRun && t.throttled > 0) parts.push(`throttled ×${t.throttled}${t.backingOff ? ', backing off' : ''}`);
  if (!dryRun && total !== undefined) {
    const left = Math.max(0, total - t.processed);
    parts.push(left === 0 ? 'ETA 0s' : `ETA ${rate > 0 ? formatDuration(left / rate) : '?'}`);
  }
  return `bulk-sign-out: ${parts.join(', ')}`;
}

export class ProgressLine {
  private readonly samples: Array<{ at: number; done: number }> = [];
  private timer: NodeJS.Timeout | undefined;
  private shown = 0;

  constructor(
    private readonly sink: ProgressSink,
    private readonly tally: Tally,
    private readonly clock: Clock,
    private readonly dryRun: boolean,
    /** Users in the input, when known beforehand (a username file); undefined for ListUsers and stdin. */
    private total: number | undefined = undefined,
  ) {}

  setTotal(total: number | undefined): void {
    this.total = total;
  }

  start(): void {
    this.draw();
    this.timer = setInterval(() => this.draw(), REDRAW_MS);
    this.timer.unref();
  }

  /** The last state, left on the screen with a newline so the summary starts on its own line. */
  stop(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.draw();
    this.sink.write('\n');
  }

  /** Requests completed per second over the sampled window. */
  rate(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at <= first.at) return 0;
    return ((last.done - first.done) * 1000) / (last.at - first.at);
  }

  draw(): void {
    const done = this.tally.succeeded + this.tally.failed;
    this.samples.push({ at: this.clock.now(), done });
    if (this.samples.length > SAMPLES) this.samples.shift();
    let text = progressText(this.tally, this.rate(), this.total, this.dryRun);
    const width = (this.sink.columns ?? 80) - 1;
    if (text.length > width) text = text.slice(0, Math.max(0, width));
    // Pad over what a longer previous line left behind.
    const pad = this.shown > text.length ? ' '.repeat(this.shown - text.length) : '';
    this.shown = text.length;
    this.sink.write(`\r${text}${pad}`);
  }
}
