// The process's stdout and stderr as the driver's OutputStreams: what main.ts hands the driver,
// exported so that the in-process test runner writes exactly the bytes the process writes.
import type { Env } from '../config/files.js';
import type { OutputStream } from './io.js';
import { fstatSync, readFileSync, statSync, writeSync } from 'node:fs';
import { encodeChunks, stdioCodec, type StdioCodec } from '../output/stream.js';

/** What is used of a NodeJS.WriteStream (a test hands a byte collector). */
export interface ByteSink {
  write(data: string | Uint8Array, callback?: (err?: Error | null) => void): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
  readonly rows?: number;
}

type TextEncoder = ((text: string) => Buffer | undefined) | undefined;

/** A codec's bytes of a text, or undefined where it cannot encode it (left as UTF-8 then). */
function lenient(codec: StdioCodec, fd: number | undefined): TextEncoder {
  const wide = codec.label === 'utf-16' || codec.label === 'utf-32';
  return (text) => {
    const { bytes, error } = encodeChunks([text], codec.label, codec.errors, wide && fd !== undefined && fileAtStart(fd));
    return error === undefined ? bytes : undefined;
  };
}

/**
 * Whether the fd is a regular file at offset 0, where Python's TextIOWrapper starts a UTF-16 or
 * UTF-32 stream with a byte-order mark (it asks tell(); Linux tells the offset in fdinfo, elsewhere
 * an empty file is taken for one at its start).
 */
export function fileAtStart(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return false;
    if (process.platform !== 'linux') return st.size === 0;
    return /^pos:\s*0$/m.test(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * AWS_CLI_OUTPUT_ENCODING re-encodes both streams once `reconfigure` says the AWS CLI has
 * reconfigured them; PYTHONIOENCODING is what Python made them of, and what they write before,
 * and `writeUtf8` (the version line, help) always. `isStdout`: which of the two this is; `fd`
 * its descriptor, where a UTF-16 or UTF-32 stream checks for the start of a file (its BOM).
 */
export function processStream(sink: ByteSink | (() => ByteSink), env: Env, isStdout: boolean, fd?: number): OutputStream {
  // A function: the sink is made on first use (Node creates process.stdout and process.stderr,
  // with their stream modules, only when first asked for them; --version never needs stderr).
  let made = typeof sink === 'function' ? undefined : sink;
  const s = (): ByteSink => (made ??= (sink as () => ByteSink)());
  const stream = isStdout ? 'stdout' : 'stderr';
  // Made on first use: the driver reads the codecs beyond the core's before it writes.
  const base = (): TextEncoder => (env.PYTHONIOENCODING === undefined ? undefined : lenient(stdioCodec(env, stream, false), fd));
  let encoders: { reconfigured: TextEncoder; base: TextEncoder } | undefined;
  const encoder = (reconfigured: boolean): TextEncoder => {
    const name = env.AWS_CLI_OUTPUT_ENCODING;
    encoders ??= {
      reconfigured: name === undefined ? base() : lenient(stdioCodec(env, stream, true), fd),
      base: base(),
    };
    return reconfigured ? encoders.reconfigured : encoders.base;
  };
  // What the AWS CLI writes before its handler or a formatter reconfigures the stream (the
  // --debug log) is in the codec Python started it with.
  let reconfigured = false;
  const bytes = (text: string, base = false): string | Buffer => {
    if (text === '') return text;
    return encoder(reconfigured && !base)?.(text) ?? text;
  };
  return {
    write: (text: string) => { s().write(bytes(text)); },
    writeAll: (text: string) => new Promise<void>((resolve, reject) => {
      s().write(bytes(text), (err) => (err ? reject(err) : resolve()));
    }),
    writeAllBytes: (data: Uint8Array) => new Promise<void>((resolve, reject) => {
      s().write(data, (err) => (err ? reject(err) : resolve()));
    }),
    writeUtf8: (text: string) => { s().write(bytes(text, true)); },
    reconfigure: () => { reconfigured = true; },
    get isTTY() { return s().isTTY === true; },
    get atFileStart() { return fd !== undefined && fileAtStart(fd); },
    // Asked only after a write failed.
    get blockSize() { return fd === undefined ? undefined : blockSizeOf(fd); },
    get columns() { return s().columns; },
    get rows() { return s().rows; },
  };
}

/**
 * Where fd 1 or 2 is a file, /dev/null, a pipe or a socket, the bytes Node's own stream for it
 * would write, written without making the stream: that loads Node's stream modules (and for a
 * pipe or a socket `node:net`), most of what a `--version` or an argument error costs beyond
 * Node's start. A file's stream is a SyncWriteStream (one fs.writeSync per write, the callback on
 * the next tick), written so here. A pipe's or a socket's writes the bytes at once too, where the
 * other end takes them (libuv tries the write before queuing it): so here, with what a blocking
 * pipe leaves (a partial write after a signal) written on. What it queues, here the rest of the
 * bytes where a pipe another process left non-blocking is full (EAGAIN), goes to the stream,
 * which waits for it as its own. Anything else (a terminal, a write that fails, and the stream
 * once some other code has made it) goes to the stream itself, so that failures behave exactly as
 * its own (EPIPE, a full device). `fd` is any fd, not only 1 or 2: a test hands a non-blocking
 * pipe of its own, as no spawned process can be given one (libuv makes a child's fds 0-2 blocking,
 * the flag shared with the parent's end).
 */
export function fileOrStream(fd: number, stream: () => ByteSink, made: () => boolean): ByteSink | (() => ByteSink) {
  if (process.platform === 'win32') return stream;
  let direct: boolean;
  try {
    const st = fstatSync(fd);
    direct = st.isFile() || st.isFIFO() || st.isSocket() || (st.isCharacterDevice() && st.rdev === statSync('/dev/null').rdev);
  } catch {
    direct = false;
  }
  if (!direct) return stream;
  return {
    write(data, callback) {
      if (direct && !made()) {
        let bytes: Uint8Array | undefined = typeof data === 'string' ? undefined : data;
        let done = 0;
        try {
          // Most writes are one call; only a partial one needs the string's bytes.
          done = typeof data === 'string' ? writeSync(fd, data) : writeSync(fd, data);
          const length = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
          if (done < length) {
            bytes ??= Buffer.from(data as string);
            while (done < bytes.length) done += writeSync(fd, bytes, done);
          }
          if (callback) process.nextTick(callback);
          return true;
        } catch {
          // The stream writes what is left, or fails as it fails (its error event, its callback's error).
          direct = false;
          if (done > 0) return stream().write((bytes ?? Buffer.from(data as string)).subarray(done), callback);
        }
      }
      return stream().write(data, callback);
    },
  };
}

/** Python's buffer size for the fd: its st_blksize when above 1 (Lib/_pyio.py open()). */
function blockSizeOf(fd: number): number | undefined {
  try {
    const size = fstatSync(fd).blksize;
    return size > 1 ? size : undefined;
  } catch {
    return undefined;
  }
}
