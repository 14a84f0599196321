// Virtual time for a whole bulk run in this process: the program's clock (its pacing, backoffs,
// grace; src/cli/factory.ts's `clock`) and the local endpoint's rate clock (its token buckets and
// the arrival times it records) are this one clock, so that the rate the endpoint sees is judged
// in the same time the client paced itself in, and no test waits the seconds out.
//
// The network is real; only its time is modelled. Each HTTP exchange takes `exchangeMs` of
// virtual time, counted when it starts (as if the service answered one request at a time, each
// in that long): time passes with the work done, so a run at full speed against a throttling
// endpoint still sees its buckets refill. Besides, time jumps to the next sleep's end when nothing
// is going on: no exchange in flight, and the event loop has turned a few times (what a woken
// sleeper does up to its request is promise work, done within a turn). Only exchanges move time
// while one is in flight, so a request arrives at the instant it was permitted (plus the
// exchangeMs of those started meanwhile): what the endpoint counts per second is deterministic.
//
// Exchanges are seen through http-send.ts's Timer seam: an exchange arms its timeouts (connect,
// read) while it is in flight and cancels them all when it ends, each with a function of its own
// (one per exchange, one per connection attempt): a timeout function not seen before is a new
// exchange. (A timeout never comes due here, the exchange holding time still: nothing these tests
// run waits for one.)
import type { Clock } from '../../src/bulk/clock.js';
import type { Factory } from '../../src/cli/factory.js';
import type { Timer } from '../../src/transport/http-send.js';

interface Sleeper { readonly at: number; readonly seq: number; readonly wake: () => void }

/** Event-loop turns before time may jump (a woken worker reaches its next request, or sleep, within one). */
const QUIET_TURNS = 3;

export class VirtualClock implements Clock {
  /** Exchanges so far (each new timeout function). */
  exchanges = 0;
  private t = 0;
  private readonly seen = new WeakSet<() => void>();
  private seq = 0;
  private sleepers: Sleeper[] = [];
  private inFlight = 0;
  private checking = false;

  constructor(private readonly exchangeMs = 2) {}

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) { resolve(); return; }
      const onAbort = (): void => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        resolve();
      };
      const sleeper: Sleeper = {
        at: this.t + Math.max(0, ms),
        seq: this.seq++,
        wake: () => { signal?.removeEventListener('abort', onAbort); resolve(); },
      };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.schedule();
    });
  }

  /** The HTTP exchanges' timeouts: a new one is a new exchange; while any is armed, time holds still but for exchanges. */
  readonly timer: Timer = (fn) => {
    if (!this.seen.has(fn)) {
      this.seen.add(fn);
      this.exchanges += 1;
      this.t += this.exchangeMs;
      this.schedule();
    }
    this.inFlight += 1;
    let cancelled = false;
    return () => {
      if (cancelled) return;
      cancelled = true;
      this.inFlight -= 1;
      this.schedule();
    };
  };

  /** The providers for runCliIn: this clock for the run and its exchanges. */
  get factory(): Partial<Factory> {
    return { clock: this, timer: this.timer };
  }

  private schedule(): void {
    if (this.checking) return;
    this.checking = true;
    void this.advanceWhenQuiet();
  }

  /** Wakes the sleeps that are due (exchanges move time too); jumps to the next one when all is quiet. */
  private async advanceWhenQuiet(): Promise<void> {
    for (;;) {
      for (let turn = 0; turn < QUIET_TURNS; turn++) await new Promise((r) => setImmediate(r));
      if (!this.sleepers.some((s) => s.at <= this.t)) {
        if (this.inFlight > 0 || this.sleepers.length === 0) break;
        this.t = this.sleepers.reduce((a, b) => Math.min(a, b.at), Number.POSITIVE_INFINITY);
      }
      const due = this.sleepers.filter((s) => s.at <= this.t).sort((a, b) => a.at - b.at || a.seq - b.seq);
      this.sleepers = this.sleepers.filter((s) => s.at > this.t);
      for (const s of due) s.wake();
    }
    this.checking = false;
  }
}
