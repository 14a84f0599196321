// The output formatters behind one call: the value (already through --query) to the exact
// bytes the AWS CLI writes to stdout for each --output choice.
import { writeJson } from './json.js';
import { collect, type Written } from './stream.js';
import { writeTable } from './table.js';
import { writeText } from './text.js';
import { fromJs } from '../python/value.js';
import { writeYaml, writeYamlStream } from './yaml.js';

export type OutputFormat = 'json' | 'text' | 'table' | 'yaml' | 'yaml-stream' | 'off';

export interface OutputContext {
  /** Resolved --color (auto already decided by whether stdout is a terminal). */
  readonly color: boolean;
  /** Columns of the terminal stdout is; 80 when it is not a terminal. */
  readonly terminalWidth: number;
  /** Table title: the operation name. */
  readonly title: string;
  /** See TableContext.autoreset: colorama's reset after every write (defaults to `color`). */
  readonly autoreset?: boolean;
}

/**
 * The text to write for `value` (a model value, or plain JS converted with fromJs). '' means
 * write nothing (and start no pager). Formatter failures (a table row of the wrong length, an
 * object JSON cannot represent, text output of a list mixing dicts and scalars) throw
 * PythonError, which the AWS CLI reports with exit code 255.
 */
export function formatOutput(format: OutputFormat, value: unknown, ctx: OutputContext): string {
  const { chunks, error } = formatOutputChunks(format, value, ctx);
  if (error) throw error;
  return chunks.join('');
}

/**
 * The same as the pieces the AWS CLI writes, one per stream.write(), with the failure, if any,
 * that stopped it: what was written before a failure is on stdout too (see stream.ts).
 */
export function formatOutputChunks(format: OutputFormat, value: unknown, ctx: OutputContext): Written {
  const v = fromJs(value);
  return collect((out) => {
    switch (format) {
      case 'json':
        return writeJson(v, out);
      case 'text':
        return writeText(v, out);
      case 'table':
        return writeTable(v, ctx, out);
      case 'yaml':
        return writeYaml(v, out);
      case 'yaml-stream':
        return writeYamlStream(v, out);
      case 'off':
        return undefined;
    }
  });
}

export { encodeChunks, type EncodeErrors } from './stream.js';
export { renderError, renderStructuredError } from './errors.js';
export { parseJson, JsonDecodeError } from '../python/json-parse.js';
export { PyDict, PyFloat, PyObject, fromJs, toJs, type PyValue } from '../python/value.js';
