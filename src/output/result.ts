// A successful result on its way out: the output format chosen (--output → AWS_DEFAULT_OUTPUT →
// the profile's output → json, checked only now, after the call, as the AWS CLI does),
// ResponseMetadata dropped, --query applied, the formatter's bytes written.
import type { CommandContext } from '../cli/driver.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../cli/program.js';
import { GeneralError } from '../errors/errors.js';

export async function writeResult(response: Record<string, unknown>, ctx: CommandContext): Promise<number> {
  const { globals, settings, io } = ctx;
  const format = globals.output ?? settings.envOrProfile('AWS_DEFAULT_OUTPUT', 'output') ?? 'json';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new GeneralError(`Unknown output type: ${format}`);
  if (format === 'off') return 0;
  const { ResponseMetadata: _dropped, ...value } = response;
  void _dropped;
  const { applyQuery } = await import('./query.js');
  const result = ctx.query === undefined ? value : applyQuery(ctx.query, value);
  const { formatOutput } = await import('./index.js');
  const color = globals.color === 'on' || (globals.color !== 'off' && io.stdout.isTTY);
  const text = formatOutput(format as OutputFormat, result, {
    color,
    terminalWidth: io.stdout.isTTY ? io.stdout.columns ?? 80 : 80,
    title: 'AdminUserGlobalSignOut',
  });
  if (text !== '') io.stdout.write(text);
  return 0;
}
