// The process's stdout and stderr as the driver's OutputStreams: what main.ts hands the driver,
// exported so that the in-process test runner writes exactly the bytes the process writes.
import type { Env } from '../config/files.js';
import type { OutputStream } from './io.js';
import { fstatSync, statSync, writeSync } from 'node:fs';
import { pythonTextEncoder } from '../util/codecs.js';

/** What is used of a NodeJS.WriteStream (a test hands a byte collector). */
export interface ByteSink {
  write(data: string | Uint8Array, callback?: (err?: Error | null) => void): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
  readonly rows?: number;
}

/**
 * AWS_CLI_OUTPUT_ENCODING re-encodes both streams, as the AWS CLI reconfigures them (a UTF-16
 * byte-order mark shows on stdout only, as it does there: `bom`).
 */
export function processStream(sink: ByteSink | (() => ByteSink), env: Env, bom: boolean): OutputStream {
  // A function: the sink is made on first use (Node creates process.stdout and process.stderr,
  // with their stream modules, only when first asked for them; --version never needs stderr).
  let made = typeof sink === 'function' ? undefined : sink;
  const s = (): ByteSink => (made ??= (sink as () => ByteSink)());
  const encode = pythonTextEncoder(env.AWS_CLI_OUTPUT_ENCODING);
  let first = bom;
  const bytes = (text: string): string | Buffer => {
    // An empty write is no text: it neither writes the mark nor uses it up.
    if (text === '') return text;
    const out = encode?.(text, first) ?? text;
    first = false;
    return out;
  };
  return {
    write: (text: string) => { s().write(bytes(text)); },
    writeAll: (text: string) => new Promise<void>((resolve, reject) => {
      s().write(bytes(text), (err) => (err ? reject(err) : resolve()));
    }),
    writeAllBytes: (data: Uint8Array) => new Promise<void>((resolve, reject) => {
      s().write(data, (err) => (err ? reject(err) : resolve()));
    }),
    get isTTY() { return s().isTTY === true; },
    get columns() { return s().columns; },
    get rows() { return s().rows; },
  };
}

/**
 * Where fd 1 or 2 is a file or /dev/null, the bytes Node's own stream for it would write, written
 * the way it writes them (Node's stream for a file is a SyncWriteStream: one fs.writeSync per
 * write, the callback on the next tick), without making the stream: that loads Node's stream
 * modules, most of what a `--version` to a file costs beyond Node's start. Anything else (a
 * terminal, a pipe, a write that fails, and the stream once some other code has made it) goes
 * to the stream itself, so that failures behave exactly as its own.
 */
export function fileOrStream(fd: 1 | 2, stream: () => ByteSink, made: () => boolean): ByteSink | (() => ByteSink) {
  if (process.platform === 'win32') return stream;
  let direct: boolean;
  try {
    const st = fstatSync(fd);
    direct = st.isFile() || (st.isCharacterDevice() && st.rdev === statSync('/dev/null').rdev);
  } catch {
    direct = false;
  }
  if (!direct) return stream;
  return {
    write(data, callback) {
      if (direct && !made()) {
        try {
          if (typeof data === 'string') writeSync(fd, data);
          else writeSync(fd, data);
          if (callback) process.nextTick(callback);
          return true;
        } catch {
          // The stream retries it and fails as it fails (its error event, its callback's error).
          direct = false;
        }
      }
      return stream().write(data, callback);
    },
  };
}
