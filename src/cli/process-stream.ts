// The process's stdout and stderr as the driver's OutputStreams: what main.ts hands the driver,
// exported so that the in-process test runner writes exactly the bytes the process writes.
import type { Env } from '../config/files.js';
import type { OutputStream } from './io.js';
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
