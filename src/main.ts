// Process wiring: real argv, environment, streams and exit code for the driver.
import { run } from './cli/driver.js';
import { readFileSync } from 'node:fs';
import { fileOrStream, processStream } from './cli/process-stream.js';
import { surrogateEscapeDecode } from './util/codecs.js';
import { version } from './version.js';

/**
 * The arguments as the AWS CLI's sys.argv holds them. Node decodes the OS's bytes as UTF-8 with
 * U+FFFD for what is not; Python uses `surrogateescape` (byte 0xff is U+DCFF), which stdout gives
 * back as the byte, an error message shows as `\udcff` and a request sends as JSON's "\udcff".
 * So a line with a U+FFFD is decoded again from its bytes in /proc/self/cmdline, where they are
 * there and are the same arguments (else it is left as Node read it).
 */
function pythonArgv(): string[] {
  const args = process.argv.slice(2);
  if (!args.some((a) => a.includes('\ufffd'))) return args;
  try {
    const raw = readFileSync('/proc/self/cmdline');
    const words: Buffer[] = [];
    for (let start = 0; start < raw.length;) {
      const end = raw.indexOf(0, start);
      words.push(raw.subarray(start, end < 0 ? raw.length : end));
      start = end < 0 ? raw.length : end + 1;
    }
    const tail = words.slice(words.length - args.length);
    if (tail.length !== args.length || tail.some((w, i) => w.toString('utf8') !== args[i])) return args;
    return tail.map((w) => surrogateEscapeDecode(w));
  } catch {
    return args;
  }
}

/**
 * process.stdout and process.stderr get their error handlers when first asked for, by whatever
 * code asks (Node creates each, and loads the stream modules behind it, on first access, which
 * a run that never writes to it need not pay). A reader that went away is handled where output
 * is written (EPIPE); never a stack trace. Nobody reads our errors any more (`2>&1 | head`):
 * nothing to tell, so nothing to crash about.
 */
function quietOnFirstUse(name: 'stdout' | 'stderr', onError: () => void = () => {}): () => NodeJS.WriteStream | undefined {
  const own = Object.getOwnPropertyDescriptor(process, name);
  let stream: NodeJS.WriteStream | undefined;
  if (own?.get === undefined || !own.configurable) {
    stream = process[name];
    stream.on('error', onError);
  } else {
    const get = own.get;
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: own.enumerable,
      get() {
        if (stream === undefined) {
          stream = get.call(process) as NodeJS.WriteStream;
          stream.on('error', onError);
        }
        return stream;
      },
    });
  }
  return () => stream;
}
const madeStdout = quietOnFirstUse('stdout');
// Text the AWS CLI cannot write to stderr (a full disk, /dev/full: its error message, or a --debug
// line that logging shrugs off) stays in the stream's buffer, whose flush fails again as Python
// shuts down, which makes the exit status 120, whatever the run's own.
let stderrFailed = false;
const madeStderr = quietOnFirstUse('stderr', () => { stderrFailed = true; });

const interruptHandlers: Array<() => void> = [];
// Ctrl-C: a newline on stdout and exit 130, as the AWS CLI's KeyboardInterrupt handler does,
// unless a command has taken it over (Io.onInterrupt): then the latest taker decides.
process.on('SIGINT', () => {
  const taker = interruptHandlers[interruptHandlers.length - 1];
  if (taker) {
    taker();
    return;
  }
  process.stdout.write('\n', () => process.exit(130));
});
// The exit code decides the process exit once output is flushed.
void run({
  argv: pythonArgv(),
  env: process.env,
  cwd: process.cwd(),
  stdout: processStream(fileOrStream(1, () => process.stdout, () => madeStdout() !== undefined), process.env, true, 1),
  stderr: processStream(fileOrStream(2, () => process.stderr, () => madeStderr() !== undefined), process.env, false, 2),
  // A getter: Node creates process.stdin on first access, and only the prompt needs it.
  get stdin() { return process.stdin; },
  onInterrupt(handler: () => void) {
    interruptHandlers.push(handler);
    return () => {
      const i = interruptHandlers.lastIndexOf(handler);
      if (i >= 0) interruptHandlers.splice(i, 1);
    };
  },
  version,
}).catch((e: unknown) => {
  // Unreachable by design (run() reports every failure itself); if it happens, one line and 255.
  try { process.stderr.write(`\ncogsignout: [ERROR]: ${e instanceof Error ? e.message : String(e)}\n`); } catch { /* stderr gone */ }
  return 255;
}).then((code) => {
  process.exitCode = code;
  // Keep-alive sockets and timers of the SDK must not hold the process open.
  // Also where the process ends by itself: a stream that failed never drains.
  process.once('exit', () => { if (stderrFailed) process.exitCode = 120; });
  const exit = (): void => process.exit(code);
  // stderr too: a long error (the repr of a 1 MiB fileb:// value) outlasts a pipe's buffer.
  // A stream never made has nothing to flush.
  const pending = [madeStdout(), madeStderr()].filter((s) => s !== undefined && s.writableLength > 0) as NodeJS.WriteStream[];
  let left = pending.length;
  if (left === 0) setImmediate(exit);
  for (const s of pending) s.once('drain', () => { if (--left === 0) exit(); });
});
