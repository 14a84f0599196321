// jmespath.py's compile-time exceptions and their str(): the AWS CLI puts that text verbatim
// after `Bad value for --query <expr>: `. Positions and underlines count code points.
import { pyStr } from '../../python/builtins.js';
import type { PyValue } from '../../python/value.js';

/** Any compile-time JMESPath failure; `message` is jmespath.py's str(exception). */
export class JmesPathSyntaxError extends Error {}

/** The expression text as Python would print it, and its length in code points. */
const cpLength = (s: string): number => Array.from(s).length;

/** ParseError: `<reason>: Parse error at column N, token "T" (TYPE), for expression:`… */
export function parseError(expression: string, position: number, value: PyValue | string, type: string, reason: string): JmesPathSyntaxError {
  const underline = `${' '.repeat(position + 1)}^`;
  return new JmesPathSyntaxError(
    `${reason}: Parse error at column ${position}, token "${pyStr(value)}" (${type.toUpperCase()}), for expression:\n"${expression}"\n${underline}`,
  );
}

/** IncompleteExpressionError: the caret goes after the last character. */
export function incompleteError(expression: string): JmesPathSyntaxError {
  const underline = `${' '.repeat(cpLength(expression) + 1)}^`;
  return new JmesPathSyntaxError(`Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${underline}`);
}

/** LexerError: `Bad jmespath expression: <message>:` then the bare expression and a caret. */
export function lexerError(expression: string, position: number, message: string): JmesPathSyntaxError {
  return new JmesPathSyntaxError(`Bad jmespath expression: ${message}:\n${expression}\n${' '.repeat(position)}^`);
}

export function emptyExpressionError(): JmesPathSyntaxError {
  return new JmesPathSyntaxError('Invalid JMESPath expression: cannot be empty.');
}
