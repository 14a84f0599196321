// Error output for every --cli-error-format. `legacy` and `enhanced` are one line on stderr,
// `<prog>: [ERROR]: <message>`, after a blank line; `enhanced` says `An error occurred (<Code>):`
// and, for service errors with modeled fields besides code and message, adds an "Additional
// error details" block. `json`, `yaml`, `text` and `table` render the error document with the
// output formatters (no leading blank line): `Code`, `Message` for CLI errors, and `Message`,
// `Code`, then the modeled members of the error shape for service errors.
import { escapeControlChars, escapeControlCharsDeep, escapeControlCharsInJson } from './control-chars.js';
import { writeJson } from './json.js';
import { pyStr } from '../python/builtins.js';
import { OPERATION_NAME } from '../service/model.js';
import { collect, type Written } from './stream.js';
import { writeTable } from './table.js';
import { writeText } from './text.js';
import { pyStrip } from '../python/unicode.js';
import { PyDict, fromJs, isContainer, type PyValue } from '../python/value.js';
import { writeYaml } from './yaml.js';

export type ErrorFormat = 'legacy' | 'enhanced' | 'json' | 'yaml' | 'text' | 'table';
export type StructuredFormat = 'json' | 'yaml' | 'text' | 'table';

export interface CliErrorInfo {
  /** `service`: an error response (254); `structured`: ParamValidation, NoRegion, … */
  readonly kind: 'service' | 'structured';
  readonly code: string;
  /** The bare message: the service's `message`, or the CLI error's text. */
  readonly message: string;
  /** Service errors: the message as sent, when not a string (`message` is its str()). */
  readonly messageValue?: unknown;
  /** Service errors: the modeled members of the error shape present in the response, in order (`message` included). */
  readonly fields?: Iterable<readonly [string, unknown]> | PyDict | Readonly<Record<string, unknown>>;
  /** Service errors: the operation named in the message (default: cogsignout's operation). */
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
  return basicErrorPieces(prog, message).join('');
}

/** errorformat.write_error as its three writes (an empty message has no space after the prefix). */
export function basicErrorPieces(prog: string, message: string): string[] {
  return ['\n', message === '' ? `${prog}: [ERROR]:` : `${prog}: [ERROR]: ${pyStrip(message)}`, '\n'];
}

/** botocore's ClientError text. */
export function serviceErrorMessage(code: string, message: string, operation = OPERATION_NAME, maxRetriesReached?: number): string {
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
  return additionalErrorDetailPieces(fields).join('');
}

/** The same block as EnhancedErrorFormatter writes it: a heading, a line per field, the hint. */
function additionalErrorDetailPieces(fields: CliErrorInfo['fields']): string[] {
  const shown = fieldEntries(fields).filter(([k]) => !['code', 'message'].includes(k.toLowerCase()));
  if (shown.length === 0) return [];
  let complex = false;
  const lines = shown.map(([k, v]) => {
    const inline = inlineDetail(v);
    if (inline === undefined) complex = true;
    return `${k}: ${inline ?? '<complex value>'}\n`;
  });
  const out = ['\nAdditional error details:\n', ...lines];
  if (complex) out.push('Use "--cli-error-format json" or another error format to see the full details.\n');
  return out;
}

/** An error document in one of the formatter-based error formats. */
export function renderStructuredError(
  format: StructuredFormat,
  doc: ReadonlyArray<readonly [string, unknown]>,
  options: ErrorRenderOptions = {},
): string {
  const { chunks, error } = structuredErrorPieces(format, doc, options);
  if (error) throw error;
  return chunks.join('');
}

/** The same as the formatter's writes, up to a failure of the formatter. */
function structuredErrorPieces(format: StructuredFormat, doc: ReadonlyArray<readonly [string, unknown]>, options: ErrorRenderOptions): Written {
  const value = new PyDict(doc.map(([k, v]) => [k, fromJs(v)] as const));
  return collect((out) => {
    switch (format) {
      case 'json':
        return writeJson(value, out);
      case 'yaml':
        return writeYaml(value, out);
      case 'text':
        return writeText(value, out);
      case 'table': {
        const color = options.color ?? false;
        return writeTable(value, { title: 'error', color, terminalWidth: options.terminalWidth ?? 80, autoreset: options.autoreset ?? color }, out);
      }
    }
  });
}

/** Everything written to stderr for an error in the given --cli-error-format. */
export function renderError(format: ErrorFormat, err: CliErrorInfo, options: ErrorRenderOptions = {}): string {
  const attempt = errorPieces(format, err, options);
  if (attempt === undefined) return renderBasicError(options.prog ?? 'cogsignout', fallbackErrorMessage(err));
  if (attempt.error) throw attempt.error;
  return attempt.chunks.join('');
}

/**
 * What the error handler tries first, as the pieces it writes (and the formatter failure that
 * cut it short, if any): the enhanced lines or the error document. Undefined for `legacy`,
 * which goes straight to the basic writer (fallbackErrorMessage).
 */
export function errorPieces(format: ErrorFormat, err: CliErrorInfo, options: ErrorRenderOptions = {}): Written | undefined {
  const prog = options.prog ?? 'cogsignout';
  if (format === 'legacy') return undefined;
  if (err.kind === 'service') {
    // The service's strings never reach the terminal with their control characters: escaped
    // here for the layouts that print them raw (json escapes C0 itself, yaml escapes all).
    if (format === 'enhanced') {
      const fields = fieldEntries(err.fields).map(([k, v]) => [k, escapeControlCharsDeep(v)] as const);
      return collect((out) => {
        out.push(...basicErrorPieces(prog, fallbackErrorMessage(err)));
        out.push(...additionalErrorDetailPieces(fields));
      });
    }
    const message = err.messageValue !== undefined ? err.messageValue : err.message;
    // Fields that hold a `Code` are the whole error dict already (a generic 5xx answer's, Code first).
    const fields = fieldEntries(err.fields);
    const doc: Array<readonly [string, PyValue]> = fields.some(([k]) => k === 'Code') ? fields : [['Message', fromJs(message)], ['Code', err.code], ...fields];
    if (format === 'json') {
      const written = structuredErrorPieces(format, doc, options);
      return { ...written, chunks: written.chunks.map(escapeControlCharsInJson) };
    }
    if (format === 'yaml') return structuredErrorPieces(format, doc, options);
    return structuredErrorPieces(format, doc.map(([k, v]) => [escapeControlChars(k), escapeControlCharsDeep(v)] as const), options);
  }
  if (format === 'enhanced') return { chunks: basicErrorPieces(prog, `An error occurred (${err.code}): ${err.message}`) };
  return structuredErrorPieces(format, [['Code', err.code], ['Message', err.message]], options);
}

/** What write_error gets when the first attempt is legacy or failed: str(exception) for a service error, else the message. */
export function fallbackErrorMessage(err: CliErrorInfo): string {
  return err.kind === 'service'
    ? serviceErrorMessage(escapeControlChars(err.code), escapeControlChars(err.message), err.operation, err.maxRetriesReached)
    : err.message;
}
