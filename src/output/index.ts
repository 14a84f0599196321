// The output formatters behind one call: the value (already through --query) to the exact
// bytes the AWS CLI writes to stdout for each --output choice.
import { formatJson } from './json.js';
import { formatTable } from './table.js';
import { formatText } from './text.js';
import { fromJs } from './value.js';
import { formatYaml, formatYamlStream } from './yaml.js';

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
  const v = fromJs(value);
  switch (format) {
    case 'json':
      return formatJson(v);
    case 'text':
      return formatText(v);
    case 'table':
      return formatTable(v, ctx);
    case 'yaml':
      return formatYaml(v);
    case 'yaml-stream':
      return formatYamlStream(v);
    case 'off':
      return '';
  }
}

export { applyQuery, compileQuery, QuerySyntaxError, type CompiledQuery } from './query.js';
export { renderError, renderStructuredError } from './errors.js';
export { parseJson, JsonDecodeError } from './json-parse.js';
export { PyDict, PyFloat, PyObject, fromJs, toJs, type PyValue } from './value.js';
