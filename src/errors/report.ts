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
  readonly writeErr: (s: string) => void;
  readonly writeOut: (s: string) => void;
}

export async function reportError(err: unknown, ctx: ReportContext): Promise<number> {
  if (err instanceof InterruptedError) {
    ctx.writeOut('\n');
    return err.exitCode;
  }
  if (ctx.debug && err instanceof Error && err.stack) {
    ctx.writeErr(`Exception caught in main()\n${err.stack}\n`);
  }
  const { renderBasicError, renderError } = await import('../output/errors.js');
  const options = { prog: ctx.prog, color: ctx.color };
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
  // Everything else, our own defects included, is one line and 255: never a stack trace
  // unless --debug asked for it above.
  ctx.writeErr(renderBasicError(ctx.prog, err instanceof Error ? err.message : String(err)));
  return err instanceof CliError ? err.exitCode : 255;
}
