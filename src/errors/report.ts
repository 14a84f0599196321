// The single place where a failure becomes bytes on stderr and an exit code (the AWS CLI's
// error-handler chain, first match wins). Nothing else in the program prints errors.
import {
  CliError, GeneralError, InterruptedError, ServiceError, StructuredError, UnknownArgumentError, USAGE_BLOCK,
} from './errors.js';
import type { ErrorFormat } from '../cli/program.js';

/** Renders an error document (`Code`/`Message` and modeled fields) in json, yaml, text or table. */
export type StructuredRenderer = (format: 'json' | 'yaml' | 'text' | 'table', doc: ReadonlyArray<readonly [string, unknown]>) => string;

export interface ReportContext {
  readonly prog: string;
  readonly format: ErrorFormat;
  readonly debug: boolean;
  readonly writeErr: (s: string) => void;
  readonly writeOut: (s: string) => void;
  /** Loaded only when a structured format is asked for, so ordinary errors stay cheap. */
  readonly renderStructured: () => Promise<StructuredRenderer>;
}

const isStructuredFormat = (f: ErrorFormat): f is 'json' | 'yaml' | 'text' | 'table' =>
  f === 'json' || f === 'yaml' || f === 'text' || f === 'table';

/** Python's str.strip(). */
const strip = (s: string): string => s.replace(/^\s+|\s+$/g, '');

export async function reportError(err: unknown, ctx: ReportContext): Promise<number> {
  const line = (message: string): string => `\n${ctx.prog}: [ERROR]: ${strip(message)}\n`;

  if (err instanceof InterruptedError) {
    ctx.writeOut('\n');
    return err.exitCode;
  }
  if (ctx.debug && !(err instanceof CliError && !(err instanceof GeneralError))) {
    ctx.writeErr(`${err instanceof Error && err.stack ? err.stack : String(err)}\n`);
  }
  if (err instanceof UnknownArgumentError) {
    ctx.writeErr(`\n${USAGE_BLOCK(ctx.prog)}\n\n${ctx.prog}: [ERROR]: ${strip(err.message)}\n`);
    return err.exitCode;
  }
  if (err instanceof StructuredError) {
    if (isStructuredFormat(ctx.format)) {
      const render = await ctx.renderStructured();
      ctx.writeErr(render(ctx.format, [['Code', err.code], ['Message', err.message]]));
    } else if (ctx.format === 'legacy') {
      ctx.writeErr(line(err.message));
    } else {
      ctx.writeErr(line(`An error occurred (${err.code}): ${err.message}`));
    }
    return err.exitCode;
  }
  if (err instanceof ServiceError) {
    if (isStructuredFormat(ctx.format)) {
      const render = await ctx.renderStructured();
      ctx.writeErr(render(ctx.format, [['Message', err.serviceMessage], ['Code', err.code], ...err.fields]));
    } else {
      let text = line(err.message);
      if (ctx.format === 'enhanced' && err.fields.length > 0) text += additionalDetails(err.fields);
      ctx.writeErr(text);
    }
    return err.exitCode;
  }
  if (err instanceof CliError) {
    ctx.writeErr(line(err.message));
    return err.exitCode;
  }
  // A defect of ours: still no stack trace unless --debug (printed above).
  ctx.writeErr(line(err instanceof Error ? err.message : String(err)));
  return 255;
}

/** The enhanced format's summary of modeled error fields. */
function additionalDetails(fields: ReadonlyArray<readonly [string, unknown]>): string {
  const shown = fields.filter(([k]) => k.toLowerCase() !== 'message' && k.toLowerCase() !== 'code');
  if (shown.length === 0) return '';
  let complex = false;
  const lines = shown.map(([k, v]) => {
    const rendered = inlineValue(v);
    if (rendered === undefined) complex = true;
    return `${k}: ${rendered ?? '<complex value>'}`;
  });
  let out = `\nAdditional error details:\n${lines.join('\n')}\n`;
  if (complex) out += 'Use "--cli-error-format json" or another error format to see the full details.\n';
  return out;
}

function inlineValue(v: unknown): string | undefined {
  const scalar = (x: unknown): x is string | number | boolean | null => x === null || ['string', 'number', 'boolean'].includes(typeof x);
  if (scalar(v)) return String(v);
  if (Array.isArray(v)) return v.length < 5 && v.every(scalar) ? `[${v.map(String).join(', ')}]` : undefined;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v);
    return entries.length < 5 && entries.every(([, x]) => scalar(x)) ? `{${entries.map(([a, b]) => `${a}: ${String(b)}`).join(', ')}}` : undefined;
  }
  return undefined;
}

export { GeneralError };
