// The progress line: what it says, how it redraws in place, and that it ends on a newline.
import { describe, expect, it } from 'vitest';
import { formatDuration, ProgressLine, progressText } from '../../src/bulk/progress.js';
import { Tally } from '../../src/bulk/summary.js';
import { FakeClock } from './fake-clock.js';

function tally(fields: Partial<Pick<Tally, 'succeeded' | 'failed' | 'skipped' | 'wouldSignOut' | 'throttled' | 'backingOff'>>): Tally {
  return Object.assign(new Tally(), fields);
}

describe('progress', () => {
  it('says what is done, the rate and the time left', () => {
    expect(progressText(tally({ succeeded: 1200, failed: 3, skipped: 40 }), 19.96, 10_000, false))
      .toBe('bulk-sign-out: 1200 signed out, 3 failed, 40 skipped, 20.0/s, ETA 7m19s');
    expect(progressText(tally({ succeeded: 5 }), 0, 10, false)).toBe('bulk-sign-out: 5 signed out, 0 failed, 0 skipped, 0.0/s, ETA ?');
    expect(progressText(tally({ succeeded: 5 }), 2, undefined, false)).toBe('bulk-sign-out: 5 signed out, 0 failed, 0 skipped, 2.0/s');
    expect(progressText(tally({ wouldSignOut: 70, skipped: 2 }), 0, undefined, true)).toBe('bulk-sign-out: 70 to sign out, 2 skipped');
  });

  it('says when Cognito throttles and the run is backing off, instead of only a low rate', () => {
    expect(progressText(tally({ succeeded: 63, throttled: 412, backingOff: true }), 0, 200, false))
      .toBe('bulk-sign-out: 63 signed out, 0 failed, 0 skipped, 0.0/s, throttled ×412, backing off, ETA ?');
    expect(progressText(tally({ succeeded: 90, throttled: 412 }), 2, 200, false))
      .toBe('bulk-sign-out: 90 signed out, 0 failed, 0 skipped, 2.0/s, throttled ×412, ETA 55s');
  });

  it('formats durations', () => {
    expect([formatDuration(0), formatDuration(59.4), formatDuration(61), formatDuration(3600 * 2 + 60 * 5), formatDuration(Infinity)])
      .toEqual(['0s', '59s', '1m01s', '2h05m', '?']);
  });

  it('redraws in place over a shorter or longer line, within the terminal width, and ends with a newline', async () => {
    const clock = new FakeClock();
    const out: string[] = [];
    const t = tally({});
    const line = new ProgressLine({ write: (s) => out.push(s), columns: 80 }, t, clock, false, 100);
    line.draw();
    t.succeeded = 50;
    await clock.advance(2000);
    line.draw();
    expect(line.rate()).toBe(25);
    expect(out[0]).toBe('\rbulk-sign-out: 0 signed out, 0 failed, 0 skipped, 0.0/s, ETA ?');
    expect(out[1]).toBe('\rbulk-sign-out: 50 signed out, 0 failed, 0 skipped, 25.0/s, ETA 2s');
    line.start();
    line.stop();
    expect(out[out.length - 1]).toBe('\n');
    expect(out.every((s) => s === '\n' || s.length <= 80)).toBe(true);
  });

  it('cuts the line to the terminal width and pads over a longer previous one', () => {
    const out: string[] = [];
    const t = tally({ succeeded: 123_456 });
    const line = new ProgressLine({ write: (s) => out.push(s), columns: 30 }, t, new FakeClock(), false);
    line.draw();
    expect(out[0]).toBe('\rbulk-sign-out: 123456 signed ');
    const counts = tally({ wouldSignOut: 1_000_000 });
    const wide = new ProgressLine({ write: (s) => out.push(s), columns: 200 }, counts, new FakeClock(), true);
    wide.draw();
    counts.wouldSignOut = 7;
    wide.draw();
    expect(out.slice(1)).toEqual(['\rbulk-sign-out: 1000000 to sign out, 0 skipped', '\rbulk-sign-out: 7 to sign out, 0 skipped      ']);
  });
});
