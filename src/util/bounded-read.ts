// Reading a local file the user named (parameter files, --cli-input documents, config files, CA
// bundles, web-identity token files) with a ceiling on what is kept in memory. The AWS CLI reads
// each whole (Python's f.read()), so /dev/zero or a huge file grows it until it dies; here a
// regular file is refused from its size before anything is read, and anything else (a character
// device, a FIFO, /proc) is read in chunks and refused once it passes the ceiling. Devices that end
// (/dev/null, /dev/stdin fed a short pipe) are still read as the AWS CLI reads them.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fsEncode } from './codecs.js';

const CHUNK = 64 * 1024;

/**
 * The ceilings, in bytes. Each is far above any real input of its kind (a username is at most 128
 * characters, a --cli-input document a few hundred bytes, a CA bundle a few hundred KiB) and low
 * enough that the largest accepted input keeps the whole call under 100 MiB of memory.
 */
export const READ_LIMITS = {
  /**
   * file:// and fileb:// option values (a username is at most 128 characters): the repr of a
   * rejected value and the escaped request body cost several times the value, so at 1 MiB a
   * call passed 100 MiB on Node 24.
   */
  paramFile: 512 * 1024,
  /**
   * --cli-input-json/--cli-input-yaml documents: every member of a parsed document costs a few
   * hundred bytes, so a document is held to what the OS allows one given inline (128 KiB): a
   * document of tiny members at 256 KiB passed 100 MiB on Node 24.
   */
  cliInput: 128 * 1024,
  /** ~/.aws/config and ~/.aws/credentials (each). */
  configFile: 1024 * 1024,
  /** --ca-bundle, AWS_CA_BUNDLE, ca_bundle. */
  caBundle: 4 * 1024 * 1024,
  /** AWS_WEB_IDENTITY_TOKEN_FILE, web_identity_token_file (STS takes tokens of up to 20,000 characters). */
  tokenFile: 1024 * 1024,
} as const;

/** What a read refused for its size; callers word it for their input. */
export class InputTooLargeError extends Error {
  override readonly name = 'InputTooLargeError';
  constructor(
    readonly path: string,
    readonly limit: number,
    /** false when the source is not a regular file (a character device such as /dev/zero, a FIFO). */
    readonly regularFile: boolean,
  ) {
    super(`${path}: more than ${limit} bytes`);
  }
}

/** "1 MiB", "512 KiB": the ceiling as messages name it. */
export function sizeText(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * `path`'s bytes, at most `limit` of them; more is InputTooLargeError. Open and read failures are
 * Node's own errors (ENOENT, EISDIR, EACCES...), as readFileSync throws them.
 */
export function readBounded(path: string, limit: number): Buffer {
  // A byte that was not UTF-8 in an argument is opened as that byte, as Python's open() does.
  const fd = openSync(fsEncode(path), 'r');
  try {
    const stat = fstatSync(fd);
    // Linux opens a directory for reading and fails the read; Python fails the open. Callers
    // word an open failure with the file's name, so it is reported as one.
    if (stat.isDirectory()) {
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, open '${path}'`), { code: 'EISDIR', errno: -21, syscall: 'open', path });
    }
    const regular = stat.isFile();
    if (regular && stat.size > limit) throw new InputTooLargeError(path, limit, true);
    // A regular file may still grow while it is read: the loop below bounds it either way.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        // A non-blocking stdin (a pipe Node set up) may say EAGAIN; wait for it like a blocking read.
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); continue; }
        throw e;
      }
      if (n === 0) break;
      total += n;
      if (total > limit) throw new InputTooLargeError(path, limit, regular);
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
