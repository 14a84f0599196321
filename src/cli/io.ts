// What a command needs from the outside world, passed in so every piece runs in tests without a
// terminal, a network or the real process (the way the GitHub CLI's factory hands out its I/O).
import type { Env } from '../config/files.js';
import type { PromptInput } from '../prompt/io.js';
import type { Factory } from './factory.js';

export interface OutputStream {
  write(text: string): void;
  /** Writes and resolves once the text is handed over, or rejects (EPIPE when the reader is gone). */
  writeAll(text: string): Promise<void>;
  /** The same for bytes already encoded (stdout under AWS_CLI_OUTPUT_ENCODING); writeAll(text) where absent. */
  writeAllBytes?(data: Uint8Array): Promise<void>;
  /**
   * Writes as UTF-8 whatever AWS_CLI_OUTPUT_ENCODING says, as the AWS CLI's sys.stdout writes
   * before a formatter reconfigures it (the version line); write(text) where absent.
   */
  writeUtf8?(text: string): void;
  /**
   * The AWS CLI has asked for the stream (get_stdout_text_writer, get_stderr_text_writer), which
   * reconfigures it to AWS_CLI_OUTPUT_ENCODING: text written from now on is in that codec.
   */
  reconfigure?(): void;
  readonly isTTY: boolean;
  /** A regular file at its start, where Python's UTF-16 and UTF-32 streams write a BOM first. */
  readonly atFileStart?: boolean;
  /** The fd's st_blksize, which sizes Python's buffer of the stream (src/output/stdout-buffer.ts). */
  readonly blockSize?: number | undefined;
  readonly columns: number | undefined;
  /** The terminal's height, when it is one (the auto-prompt fits itself in it). */
  readonly rows?: number | undefined;
}

/**
 * Text written as the AWS CLI's sys.stdout writes it before a formatter reconfigures the stream:
 * UTF-8 whatever AWS_CLI_OUTPUT_ENCODING says (the version line, help pages, their URL; and
 * completion scripts, which a shell reads).
 */
export function writeUtf8(out: OutputStream, text: string): void {
  if (out.writeUtf8) out.writeUtf8(text); else out.write(text);
}

export interface Io {
  readonly argv: readonly string[];
  readonly env: Env;
  readonly cwd: string;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The keyboard, for the auto-prompt; absent in tests (which then never prompt). */
  readonly stdin?: PromptInput;
  readonly version: string;
  /**
   * Lets a command take Ctrl-C over: while a handler is registered, each SIGINT calls the most
   * recent one instead of exiting (130). Returns the unregistering function; a handler that
   * wants the default back unregisters and raises SIGINT again. Absent in tests that do not
   * need it.
   */
  readonly onInterrupt?: (handler: () => void) => () => void;
  /** Providers that replace the real ones (src/cli/factory.ts); absent in the process. */
  readonly factory?: Partial<Factory>;
}
