// A successful result on its way out: the output format chosen (--output → AWS_DEFAULT_OUTPUT →
// the profile's output → json, checked only now, after the call, as the AWS CLI does),
// ResponseMetadata dropped, --query applied, the formatter's bytes written.
import type { CommandContext } from '../cli/context.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../cli/vocabulary.js';
import { GeneralError } from '../errors/errors.js';
import { OPERATION_NAME } from '../service/model.js';
import { pagerCommand, PagerUnusable, runPager } from './pager.js';
import { newStdoutBuffer, writeAsPython } from './stdout-buffer.js';
import { stdioCodec, type EncodeErrors } from './stream.js';

/** `title`: what the table format's title line says (the AWS CLI uses the operation's name). */
/** --output → AWS_DEFAULT_OUTPUT → the profile's output → json; an unknown one is 255. */
export function resolveOutputFormat(ctx: CommandContext): OutputFormat {
  const format = ctx.globals.output ?? ctx.settings.envOrProfile('AWS_DEFAULT_OUTPUT', 'output') ?? 'json';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new GeneralError(`Unknown output type: ${format}`);
  return format as OutputFormat;
}

export interface WriteOptions {
  /**
   * Given: a pager that cannot be used (its setting does not split, it cannot be started, it
   * fails) does not lose the output, which is written to stdout without it after this is told
   * why. Without it, the AWS CLI's behavior: the pager's error.
   */
  readonly withoutPager?: (reason: string) => void;
  /**
   * Given: output the OS refuses (a full disk, a reader gone) is an error, `[Errno N] Reason`,
   * whatever its size: the record of a run that has happened must not be lost in silence.
   * Without it, what the AWS CLI's Python makes of it (src/output/stdout-buffer.ts).
   */
  readonly refusalIsError?: boolean;
}

export async function writeResult(response: Record<string, unknown>, ctx: CommandContext, title = OPERATION_NAME, options: WriteOptions = {}): Promise<number> {
  const { globals, settings, io } = ctx;
  const format = resolveOutputFormat(ctx);
  const color = globals.color === 'on' || (globals.color !== 'off' && io.stdout.isTTY);
  // The AWS CLI makes the formatter before it applies the query: a colored table's colorama is
  // set up even when the query then fails or nothing is printed.
  if (format === 'table' && color) ctx.colorama.inits++;
  // Then it opens its output stream (the pager's command is split), for `off` too.
  let pager: string[] | undefined;
  let unsplit: string | undefined;
  try {
    pager = pagerCommand({
      noCliPager: globals.noCliPager, stdoutIsTTY: io.stdout.isTTY, env: io.env, profilePager: settings.quietProfileValue('cli_pager'),
    });
  } catch (e) {
    if (options.withoutPager === undefined) throw e;
    unsplit = `its setting does not split as a command line: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (format === 'off') return 0;
  // The formatter asks for the stream (get_stdout_text_writer), which reconfigures it.
  ctx.stdoutBuffer.reconfigured = true;
  ctx.io.stdout.reconfigure?.();
  const { ResponseMetadata: metadata, ...value } = response;
  const requestId = (metadata as { RequestId?: unknown } | undefined)?.RequestId;
  if (typeof requestId === 'string') ctx.log.log('awscli.formatter', `RequestId: ${requestId}`);
  // A query was compiled by the driver, so the JMESPath bundle is loaded only where one was given.
  const result = ctx.query === undefined ? value : (await import('./query.js')).applyQuery(ctx.query, value, format);
  const { encodeChunks, formatOutputChunks } = await import('./index.js');
  const written = formatOutputChunks(format, result, {
    color,
    terminalWidth: io.stdout.isTTY ? io.stdout.columns ?? 80 : 80,
    title,
    // colorama wraps only sys.stdout; the pager's pipe gets the table without the extra resets.
    autoreset: color && pager === undefined,
  });
  // Python encodes each piece as it is written: the pieces before one it cannot encode are out.
  const { label, errors } = stdoutEncoding(io.env);
  const { bytes, sizes, error: encodeError } = encodeChunks(written.chunks, label, errors, io.stdout.atFileStart === true);
  // A formatter failure comes after everything it wrote, an encoding failure at its piece.
  const error = encodeError ?? written.error;
  // An empty result never starts a pager.
  if (bytes.length > 0) {
    if (unsplit !== undefined) options.withoutPager?.(unsplit);
    try {
      await writeOut(bytes, sizes, label, format, pager, ctx, options);
    } catch (e) {
      if (!(e instanceof PagerUnusable) || options.withoutPager === undefined) throw e;
      options.withoutPager(e.message);
      await writeOut(bytes, sizes, label, format, undefined, ctx, options);
    }
  }
  if (error) throw error;
  return 0;
}

/** sys.stdout's codec and error handler as get_stdout_text_writer() leaves them. */
export function stdoutEncoding(env: CommandContext['io']['env']): { label: string; errors: EncodeErrors } {
  return stdioCodec(env, 'stdout', true);
}

async function writeOut(
  bytes: Buffer, sizes: readonly number[], label: string, format: OutputFormat, pager: string[] | undefined, ctx: CommandContext, options: WriteOptions,
): Promise<void> {
  const { io } = ctx;
  const text = bytes.toString(label === 'utf-8' ? 'utf8' : 'latin1');
  if (pager) {
    await runPager(pager, text, io.env, io.onInterrupt, options.withoutPager !== undefined);
    return;
  }
  // A write that raises ends the formatter: json, table and yaml catch OSError (the reader has
  // gone: `| head`) and are silent; text lets it through to the error handler. The bulk summary:
  // every refusal is an error, and nothing of it stays for Python's exit.
  await (options.refusalIsError === true
    ? writeAsPython(newStdoutBuffer(io.env), io.stdout, bytes, text, { pieces: sizes, flush: 'raises' })
    : writeAsPython(ctx.stdoutBuffer, io.stdout, bytes, text, { pieces: sizes, flush: 'ignored', writesCaught: format !== 'text' }));
}
