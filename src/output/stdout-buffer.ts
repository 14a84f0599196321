// What the AWS CLI's sys.stdout makes of bytes the OS refuses (a full disk, a reader that went
// away). Python's stdout is a TextIOWrapper, which keeps up to 8192 bytes of text, over a
// BufferedWriter of the fd's block size (4096 for a pipe or /dev/full): what fits in them is not
// written until a flush, so its failure shows there, and the bytes stay in the buffer. The
// formatters' own flush shrugs the failure off; the flush as Python shuts down fails again, and
// Python then prints "Exception ignored in: <stdout>" with the OSError and exits 120, whatever
// the run's own code (`--version > /dev/full`, a JSON answer to `| true`). What does not fit is
// written through at once, the failure is the write's own, and nothing is held (a large JSON
// answer to `| head` is silent, a large text one fails with `[Errno 32] Broken pipe`).
// We write at once either way; when the OS refuses, the pieces Python would have written are
// replayed through a model of those two buffers to know what Python would have done. One state
// per run of the driver, as colorama's.
import type { Env } from '../config/files.js';
import type { OutputStream } from '../cli/io.js';
import { GeneralError } from '../errors/errors.js';
import { stdioCodec } from './stream.js';
import { pythonErrno, pythonOsErrorClass } from '../util/os-errors.js';

/** TextIOWrapper's _CHUNK_SIZE: pending text that reaches it is handed to the buffer. */
const TEXT_CHUNK = 8192;
/** io.DEFAULT_BUFFER_SIZE: the BufferedWriter's size where the fd gives no block size. */
const DEFAULT_BUFFER_SIZE = 8192;

export interface StdoutBuffer {
  /** The failure of bytes Python would still hold, met again by the flush at exit. */
  held: NodeJS.ErrnoException | undefined;
  /**
   * Whether a formatter or the error handler asked for the stream (get_stdout_text_writer), which
   * reconfigures it to AWS_CLI_OUTPUT_ENCODING: its repr at exit then names that encoding.
   */
  reconfigured: boolean;
  /** The run's environment: PYTHONUNBUFFERED, and the encoding the repr at exit names. */
  readonly env: Env;
}

export const newStdoutBuffer = (env: Env): StdoutBuffer => ({ held: undefined, reconfigured: false, env });

/** How the AWS CLI writes a piece of output. */
export interface PythonWrite {
  /** The byte length of each of Python's write() calls; the whole by default. */
  readonly pieces?: readonly number[];
  /**
   * After the pieces, the writer's flush: none (argparse's version action, json.dump of a
   * skeleton), one whose OSError is ignored (the formatters' _flush_stream), or one that raises
   * it (ruamel's pure-Python emitter, which flushes its stream at the end of a dump).
   */
  readonly flush: 'none' | 'ignored' | 'raises';
  /** The writer catches an OSError its writes raise (the JSON, YAML and table formatters). */
  readonly writesCaught?: boolean;
}

/**
 * Writes `bytes`. When the OS refuses them, replays the pieces and the flush through Python's
 * buffers, holds what Python would still hold, and throws the error handler's `[Errno N] Reason`
 * where Python would let the OSError through (a write stops the pieces there, as the exception
 * does). `text`: the same for a stream that takes no bytes (a test's). Other failures are thrown.
 */
export async function writeAsPython(buffer: StdoutBuffer, out: OutputStream, bytes: Uint8Array, text: string, how: PythonWrite): Promise<void> {
  try {
    if (out.writeAllBytes) await out.writeAllBytes(bytes);
    else await out.writeAll(text);
    return;
  } catch (e) {
    if (!isOsError(e)) throw e;
    // PYTHONUNBUFFERED (any non-empty value): no buffers, every refused write raises at once.
    const python = new RefusedStdout(out.blockSize ?? DEFAULT_BUFFER_SIZE, (buffer.env.PYTHONUNBUFFERED ?? '') !== '');
    let raised = false;
    try {
      for (const n of how.pieces ?? [bytes.length]) python.write(n);
    } catch {
      raised = how.writesCaught !== true;
    }
    if (how.flush !== 'none') {
      try {
        python.flush();
      } catch {
        if (how.flush === 'raises') raised = true;
      }
    }
    if (python.holds) buffer.held ??= e;
    if (raised) throw new GeneralError(osErrorMessage(e));
  }
}

/** `[Errno N] Reason` of a write failure, as its OSError prints (the error handler's message). */
function osErrorMessage(e: NodeJS.ErrnoException): string {
  return pythonErrno(e.code) ?? e.message;
}

/**
 * Python's flush at shutdown: with bytes still held, it fails again, says so on stderr, and the
 * exit code is 120. Returns that code, or undefined when nothing is held.
 */
export function stdoutAtExit(buffer: StdoutBuffer, stderr: OutputStream): number | undefined {
  const e = buffer.held;
  if (e === undefined) return undefined;
  const encoding = stdioCodec(buffer.env, 'stdout', buffer.reconfigured).name;
  stderr.write(`Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='${encoding}'>\n${pythonOsErrorClass(e.code)}: ${osErrorMessage(e)}\n`);
  return 120;
}

function isOsError(e: unknown): e is NodeJS.ErrnoException {
  // An errno's name (ENOSPC, EPIPE), not one of Node's own codes (ERR_STREAM_DESTROYED).
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return e instanceof Error && typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

/**
 * CPython's TextIOWrapper.write and flush over a BufferedWriter (Modules/_io/textio.c,
 * bufferedio.c), on an fd that refuses every write: only the byte counts matter. A refused write
 * throws; the TextIOWrapper's pending bytes are dropped when handed on, the BufferedWriter keeps
 * what it had.
 */
class RefusedStdout {
  private pending = 0;
  private buffered = 0;
  constructor(private readonly blockSize: number, private readonly unbuffered: boolean) {}

  get holds(): boolean {
    return this.pending > 0 || this.buffered > 0;
  }

  write(n: number): void {
    // create_stdio's write_through text layer straight over the raw FileIO.
    if (this.unbuffered) {
      if (n > 0) throw new Error('refused');
      return;
    }
    // The new text is not added when handing the pending text on fails.
    if (this.pending + n > TEXT_CHUNK) this.handOn();
    this.pending += n;
    if (this.pending >= TEXT_CHUNK) this.handOn();
  }

  flush(): void {
    this.handOn();
    if (this.buffered > 0) throw new Error('refused');
  }

  /** _textiowrapper_writeflush: the pending bytes to the BufferedWriter, which copies what fits. */
  private handOn(): void {
    const n = this.pending;
    this.pending = 0;
    if (n === 0) return;
    if (n <= this.blockSize - this.buffered) {
      this.buffered += n;
      return;
    }
    // It writes its own bytes first (refused: kept), or these straight through (refused: lost).
    throw new Error('refused');
  }
}
