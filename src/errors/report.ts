// The single place where a failure becomes bytes on stderr and an exit code (the AWS CLI's
// error-handler chain, first match wins). Nothing else in the program prints errors. The
// renderers live with the output formatters and are loaded only when an error happens.
import { CliError, InterruptedError, PythonDiedError, ServiceError, StructuredError, UnknownArgumentError, USAGE_BLOCK } from './errors.js';
import type { ErrorFormat } from '../cli/vocabulary.js';
import { withLoadedPaths } from './stack-paths.js';
import { maskUrlPasswords } from '../diagnostics/redact.js';
import { RESET, type Colorama } from '../output/colorama.js';

export interface ReportContext {
  readonly prog: string;
  readonly format: ErrorFormat;
  /**
   * Logs (--debug) what the AWS CLI's handler says as it resolves the format for an error it can
   * structure: a configured value that names no format, a lookup that failed (an unknown profile).
   */
  readonly formatNote?: () => void;
  /**
   * The run's colorama state (src/output/colorama.ts): set up by a colored table made before the
   * error, whose wrapper then adds a reset after every write here, or by a colored error table.
   */
  readonly colorama?: Colorama;
  readonly debug: boolean;
  /** Resolved --color, for table-formatted errors. */
  readonly color: boolean;
  /** Columns for table-formatted errors: stdout's terminal, as for output (80 when not a terminal). */
  readonly terminalWidth: number;
  /** --debug's redaction, for the traceback. */
  readonly redact: (text: string) => string;
  /** --debug's log (the traceback is its record, as clidriver logs it with exc_info). */
  readonly debugLog?: (logger: string, message: string) => void;
  /**
   * The handler is given get_stdout_text_writer() and get_stderr_text_writer(), which reconfigure
   * the streams (AWS_CLI_OUTPUT_ENCODING) once main() has logged the exception.
   */
  readonly reconfigure?: () => void;
  readonly writeErr: (s: string) => void;
  readonly writeOut: (s: string) => void;
  /**
   * stderr's codec once the handler has it (output/stream.ts stdioCodec): AWS_CLI_OUTPUT_ENCODING
   * reconfigures it, strict, so an error it cannot encode fails in turn (see `write` below);
   * PYTHONIOENCODING set it up. UTF-8 with backslashreplace where absent.
   */
  readonly errCodec?: { readonly label: string; readonly errors: string };
  /** stderr is a regular file at its start (a UTF-16 or UTF-32 stream's BOM goes first). */
  readonly errAtFileStart?: () => boolean;
  /** Bytes already encoded in errCodec (writeErr of their latin-1 text where absent). */
  readonly writeErrBytes?: (data: Uint8Array) => void;
}

export async function reportError(err: unknown, ctx: ReportContext): Promise<number> {
  if (err instanceof InterruptedError) {
    ctx.reconfigure?.();
    // Ctrl-C in the pager of a colored table: sys.stdout is colorama's by then.
    ctx.writeOut((ctx.colorama?.inits ?? 0) > 0 ? `\n${RESET}` : '\n');
    return err.exitCode;
  }
  if (err instanceof PythonDiedError) {
    ctx.writeErr(err.message);
    return err.exitCode;
  }
  if (ctx.debug && err instanceof Error && err.stack) {
    // The trace's first line holds the message, which can be the service's: escaped, as below.
    const { escapeControlChars } = await import('../output/control-chars.js');
    const trace = escapeControlChars(withLoadedPaths(err.stack));
    if (ctx.debugLog) ctx.debugLog('awscli.clidriver', `Exception caught in main()\n${trace}`);
    else ctx.writeErr(ctx.redact(`Exception caught in main()\n${trace}\n`));
  }
  ctx.reconfigure?.();
  // Our own messages can echo an endpoint or proxy URL as given (`Invalid endpoint: …`): its
  // password is masked as botocore masks a proxy's (the AWS CLI prints an endpoint's as is).
  const own = (message: string): string => maskUrlPasswords(message, '***');
  const { basicErrorPieces, errorPieces, fallbackErrorMessage } = await import('../output/errors.js');
  const { backslashReplaceSurrogates, encodeChunks } = await import('../output/stream.js');
  // Python's own stderr (UTF-8, backslashreplace) is the process stream's text as it is.
  const plain = ctx.errCodec === undefined || (ctx.errCodec.label === 'utf-8' && ctx.errCodec.errors === 'backslashreplace');
  let errLabel = plain ? undefined : ctx.errCodec?.label;
  const errErrors = ctx.errCodec?.errors ?? 'strict';
  const { PythonError } = await import('../python/builtins.js');
  // The handler holds stderr from before it makes an error table: a wrapper only from a colored
  // table made earlier (the output's), whose resets `write` adds; the table's own are never there.
  const stderrWrapped = (ctx.colorama?.inits ?? 0) > 0;
  const options = { prog: ctx.prog, color: ctx.color, terminalWidth: ctx.terminalWidth, autoreset: false };

  // stderr as the AWS CLI's handlers write it: piece by piece, and under AWS_CLI_OUTPUT_ENCODING
  // a piece the codec cannot encode raises, leaving the pieces before it written.
  const write = (written: readonly string[]): void => {
    const pieces = stderrWrapped ? written.flatMap((piece) => [piece, RESET]) : written;
    if (errLabel === undefined) {
      ctx.writeErr(backslashReplaceSurrogates(pieces.join('')));
      return;
    }
    for (const piece of pieces) {
      const label = errLabel;
      const { bytes, error } = encodeChunks([piece], label, errErrors, (label === 'utf-16' || label === 'utf-32') && ctx.errAtFileStart?.() === true);
      if (error) {
        // The position counts from the AWS CLI's own `aws: [ERROR]:` line.
        const prefix = `${ctx.prog}: [ERROR]:`;
        throw piece.startsWith(prefix) ? encodeChunks([`aws: [ERROR]:${piece.slice(prefix.length)}`], label, errErrors).error ?? error : error;
      }
      // utf-8-sig's BOM comes once, with the first piece.
      if (errLabel === 'utf-8-sig') errLabel = 'utf-8';
      if (ctx.writeErrBytes) ctx.writeErrBytes(bytes);
      else ctx.writeErr(bytes.toString('latin1'));
    }
  };
  const isEncodeError = (e: unknown): e is InstanceType<typeof PythonError> => e instanceof PythonError && e.pyType === 'UnicodeEncodeError';
  // A handler that cannot write its message fails to the entry point's handler: its own line, 255.
  const handled = (attempt: () => number): number => {
    try {
      return attempt();
    } catch (e) {
      if (!isEncodeError(e)) throw e;
      write(basicErrorPieces(ctx.prog, e.message));
      return 255;
    }
  };
  // The structured attempt first (enhanced lines or the error document); when a formatter fails
  // or cannot be encoded, what it wrote stays and the basic writer says it again.
  const structured = (info: Parameters<typeof errorPieces>[1], exitCode: number): number => handled(() => {
    // The AWS CLI resolves the format as it reports, and logs what went wrong with it.
    ctx.formatNote?.();
    // A colored error table sets colorama up as the output's does (its reset at exit).
    if (ctx.format === 'table' && ctx.color && ctx.colorama) ctx.colorama.inits++;
    const attempt = errorPieces(ctx.format, info, options);
    if (attempt !== undefined) {
      try {
        write(attempt.chunks);
        if (!attempt.error) return exitCode;
      } catch (e) {
        if (!(e instanceof PythonError)) throw e;
      }
    }
    write(basicErrorPieces(ctx.prog, fallbackErrorMessage(info)));
    return exitCode;
  });

  if (err instanceof UnknownArgumentError) {
    const { exitCode } = err;
    const message = own(err.message);
    return handled(() => {
      write(['\n', `${USAGE_BLOCK(ctx.prog)}\n`, ...basicErrorPieces(ctx.prog, message)]);
      return exitCode;
    });
  }
  if (err instanceof StructuredError) {
    return structured({ kind: 'structured', code: err.code, message: own(err.message) }, err.exitCode);
  }
  if (err instanceof ServiceError) {
    return structured({
      kind: 'service', code: err.code, message: err.serviceMessage, messageValue: err.messageValue, fields: err.fields,
      operation: err.operation, maxRetriesReached: err.maxRetriesReached,
    }, err.exitCode);
  }
  // Everything else, our own defects included, is one line and 255; a stack trace only with
  // --debug (above).
  const message = own(err instanceof Error ? err.message : String(err));
  return handled(() => {
    write(basicErrorPieces(ctx.prog, message));
    return err instanceof CliError ? err.exitCode : 255;
  });
}
