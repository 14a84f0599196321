// Error output for every --cli-error-format. `legacy` and `enhanced` are one line on stderr,
// `<prog>: [ERROR]: <message>`, after a blank line; `enhanced` says `An error occurred (<Code>):`
// and, for service errors with modeled fields besides code and message, adds an "Additional
// error details" block. `json`, `yaml`, `text` and `table` render the error document with the
// output formatters (no leading blank line): `Code`, `Message` for CLI errors, and `Message`,
// `Code`, then the modeled members of the error shape for service errors.
import { formatJson } from './json.js';
import { pyStr } from './python.js';
import { formatTable } from './table.js';
import { formatText } from './text.js';
import { pyStrip } from './unicode.js';
import { PyDict, fromJs, isContainer, type PyValue } from './value.js';
import { formatYaml } from './yaml.js';

export type ErrorFormat = 'legacy' | 'enhanced' | 'json' | 'yaml' | 'text' | 'table';
export type StructuredFormat = 'json' | 'yaml' | 'text' | 'table';

export interface CliErrorInfo {
  /** `service`: an error response (254); `structured`: ParamValidation, NoRegion, … */
  readonly kind: 'service' | 'structured';
  readonly code: string;
  /** The bare message: the service's `message`, or the CLI error's text. */
  readonly message: string;
  /** Service errors: the modeled members of the error shape present in the response, in order (`message` included). */
  readonly fields?: Iterable<readonly [string, unknown]> | PyDict | Readonly<Record<string, unknown>>;
  /** Service errors: the operation named in the message (default AdminUserGlobalSignOut). */
  readonly operation?: string;
  /** Service errors: N of `(reached max retries: N)`, when a retryable error ran out of attempts. */
  readonly maxRetriesReached?: number;
}

export interface ErrorRenderOptions {
  /** Program name in `<prog>: [ERROR]:` (the AWS CLI's `aws`). */
  readonly prog?: string;
  /** Table format only: resolved --color (auto looks at stdout, even though this goes to stderr). */
  readonly color?: boolean;
  readonly terminalWidth?: number;
  /** Table format only: colorama's reset after every write (defaults to `color`). */
  readonly autoreset?: boolean;
}

/** The basic writer: blank line, prefix, the stripped message, newline. */
export function renderBasicError(prog: string, message: string): string {
  const text = pyStrip(message);
  return `\n${prog}: [ERROR]:${text === '' ? '' : ` ${text}`}\n`;
}

/** botocore's ClientError text. */
export function serviceErrorMessage(code: string, message: string, operation = 'AdminUserGlobalSignOut', maxRetriesReached?: number): string {
  const retries = maxRetriesReached === undefined ? '' : ` (reached max retries: ${maxRetriesReached})`;
  return `An error occurred (${code}) when calling the ${operation} operation${retries}: ${message}`;
}

function fieldEntries(fields: CliErrorInfo['fields']): Array<[string, PyValue]> {
  if (fields === undefined) return [];
  if (fields instanceof PyDict) return [...fields.entries()];
  if (Symbol.iterator in Object(fields)) {
    return [...(fields as Iterable<readonly [string, unknown]>)].map(([k, v]) => [k, fromJs(v)]);
  }
  return Object.entries(fields as Record<string, unknown>).map(([k, v]) => [k, fromJs(v)]);
}

function inlineDetail(v: PyValue): string | undefined {
  if (!isContainer(v)) return pyStr(v);
  const items = Array.isArray(v) ? v : [...v.values()];
  if (items.length >= 5 || items.some(isContainer)) return undefined;
  if (Array.isArray(v)) return `[${v.map(pyStr).join(', ')}]`;
  return `{${[...v.entries()].map(([k, x]) => `${k}: ${pyStr(x)}`).join(', ')}}`;
}

/** The enhanced format's block for modeled fields other than code and message ('' if none). */
export function additionalErrorDetails(fields: CliErrorInfo['fields']): string {
  const shown = fieldEntries(fields).filter(([k]) => !['code', 'message'].includes(k.toLowerCase()));
  if (shown.length === 0) return '';
  let complex = false;
  const lines = shown.map(([k, v]) => {
    const inline = inlineDetail(v);
    if (inline === undefined) complex = true;
    return `${k}: ${inline ?? '<complex value>'}`;
  });
  let out = `\nAdditional error details:\n${lines.join('\n')}\n`;
  if (complex) out += 'Use "--cli-error-format json" or another error format to see the full details.\n';
  return out;
}

/** An error document in one of the formatter-based error formats. */
export function renderStructuredError(
  format: StructuredFormat,
  doc: ReadonlyArray<readonly [string, unknown]>,
  options: ErrorRenderOptions = {},
): string {
  const value = new PyDict(doc.map(([k, v]) => [k, fromJs(v)] as const));
  switch (format) {
    case 'json':
      return formatJson(value);
    case 'yaml':
      return formatYaml(value);
    case 'text':
      return formatText(value);
    case 'table': {
      const color = options.color ?? false;
      return formatTable(value, {
        title: 'error',
        color,
        terminalWidth: options.terminalWidth ?? 80,
        autoreset: options.autoreset ?? color,
      });
    }
  }
}

/** Everything written to stderr for an error in the given --cli-error-format. */
export function renderError(format: ErrorFormat, err: CliErrorInfo, options: ErrorRenderOptions = {}): string {
  const prog = options.prog ?? 'cogsignout';
  if (err.kind === 'service') {
    if (format === 'legacy' || format === 'enhanced') {
      const line = renderBasicError(prog, serviceErrorMessage(err.code, err.message, err.operation, err.maxRetriesReached));
      return format === 'enhanced' ? line + additionalErrorDetails(err.fields) : line;
    }
    // Fields that hold a `Code` are the whole error dict already (a generic 5xx answer's, Code first).
    const fields = fieldEntries(err.fields);
    const dict: Array<[string, PyValue]> = fields.some(([k]) => k === 'Code') ? fields : [['Message', err.message], ['Code', err.code], ...fields];
    return renderStructuredError(format, dict, options);
  }
  if (format === 'legacy') return renderBasicError(prog, err.message);
  if (format === 'enhanced') return renderBasicError(prog, `An error occurred (${err.code}): ${err.message}`);
  return renderStructuredError(format, [['Code', err.code], ['Message', err.message]], options);
}
