// The single place where a failure becomes bytes on stderr and an exit code (the AWS CLI's
// error-handler chain, first match wins). Nothing else in the program prints errors. The
// renderers live with the output formatters and are loaded only when an error happens.
import { CliError, InterruptedError, ServiceError, StructuredError, UnknownArgumentError, USAGE_BLOCK } from './errors.js';
import type { ErrorFormat } from '../cli/vocabulary.js';

export interface ReportContext {
  readonly prog: string;
  readonly format: ErrorFormat;
  readonly debug: boolean;
  /** Resolved --color, for table-formatted errors. */
  readonly color: boolean;
  /** Columns for table-formatted errors: stdout's terminal, as for output (80 when not a terminal). */
  readonly terminalWidth: number;
  /** --debug's redaction, for the traceback. */
  readonly redact: (text: string) => string;
  readonly writeErr: (s: string) => void;
  readonly writeOut: (s: string) => void;
}

export async function reportError(err: unknown, ctx: ReportContext): Promise<number> {
  if (err instanceof InterruptedError) {
    ctx.writeOut('\n');
    return err.exitCode;
  }
  if (ctx.debug && err instanceof Error && err.stack) {
    ctx.writeErr(ctx.redact(`Exception caught in main()\n${err.stack}\n`));
  }
  const { renderBasicError, renderError: render } = await import('../output/errors.js');
  // Colors on stderr come without colorama's reset after every write (that wraps stdout only).
  const options = { prog: ctx.prog, color: ctx.color, terminalWidth: ctx.terminalWidth, autoreset: false };
  // A service can send error fields a formatter cannot lay out (the table of a list of lists):
  // the error is then written the basic way rather than lost in a crash of its own.
  const renderError = (...args: Parameters<typeof render>): string => {
    try {
      return render(...args);
    } catch {
      return renderBasicError(ctx.prog, args[1].kind === 'service' && err instanceof ServiceError ? err.message : args[1].message);
    }
  };
  if (err instanceof UnknownArgumentError) {
    ctx.writeErr(`\n${USAGE_BLOCK(ctx.prog)}\n${renderBasicError(ctx.prog, err.message)}`);
    return err.exitCode;
  }
  if (err instanceof StructuredError) {
    ctx.writeErr(renderError(ctx.format, { kind: 'structured', code: err.code, message: err.message }, options));
    return err.exitCode;
  }
  if (err instanceof ServiceError) {
    ctx.writeErr(renderError(ctx.format, {
      kind: 'service', code: err.code, message: err.serviceMessage, fields: err.fields,
      operation: err.operation, maxRetriesReached: err.maxRetriesReached,
    }, options));
    return err.exitCode;
  }
  // Everything else, our own defects included, is one line and 255; a stack trace only with
  // --debug (above).
  ctx.writeErr(renderBasicError(ctx.prog, err instanceof Error ? err.message : String(err)));
  return err instanceof CliError ? err.exitCode : 255;
}
