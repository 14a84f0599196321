// --query: compiled up front (a syntax error is a ParamValidation error, 252, with jmespath.py's
// text) and applied to the response after ResponseMetadata is gone.
//
// Why not evaluate with the `jmespath` npm package: it works on plain JS values, so by the time
// it sees a literal, `1.0` is `1`, `{"b":1,"2":2}` has its keys reordered, ints past 2^53 are
// rounded, and every result that is a fresh object loses the identity the YAML dumper's
// anchors follow; its error texts and several of its function semantics (code units instead of
// code points, `to_string`, `sum`, `ceil`, sort order) differ from jmespath.py too. Re-attaching
// the model afterwards only works for results that are a literal verbatim. So the expression is
// parsed and evaluated here, following jmespath.py (1.0.x), directly on the value model; the
// unit tests check this evaluator against the npm package on plain JSON.
import { ParamValidationError } from '../errors/errors.js';
import { PythonError } from '../python/builtins.js';
import { JmesPathSyntaxError } from './jmespath/errors.js';
import { evaluateFrom } from './jmespath/interpreter.js';
import { parseExpression, type Node } from './jmespath/parser.js';
import { fromJs, type PyValue } from '../python/value.js';

/** `Bad value for --query <expr>: <jmespath.py message>`, reported as ParamValidation (252). */
export class QuerySyntaxError extends ParamValidationError {
  constructor(
    readonly expression: string,
    /** jmespath.py's own str(exception). */
    readonly detail: string,
  ) {
    super(`Bad value for --query ${expression}: ${detail}`);
  }
}

export interface CompiledQuery {
  readonly expression: string;
  readonly ast: Node;
}

/** Parses the expression the way `aws --query` validates it before anything else runs. */
export function compileQuery(expression: string): CompiledQuery {
  try {
    return { expression, ast: parseExpression(expression) };
  } catch (e) {
    if (e instanceof JmesPathSyntaxError) throw new QuerySyntaxError(expression, e.message);
    // The AWS CLI turns any exception of jmespath.compile into a bad --query, this one too.
    if (e instanceof PythonError && e.pyType === 'RecursionError') throw new QuerySyntaxError(expression, e.message);
    throw e;
  }
}

/**
 * Evaluates the query on a model value (plain JS values are converted with fromJs). Runtime failures (unknown function, wrong argument type or count, a
 * Python TypeError such as comparing a string with a number) throw PythonError, which the AWS
 * CLI reports as `[ERROR]: <message>` with exit code 255.
 */
export function applyQuery(query: CompiledQuery, value: unknown, format: string = 'json'): PyValue {
  return evaluateFrom(query.ast, fromJs(value), SEARCH_FRAMES + (SEARCH_FRAMES_BY_FORMAT[format] ?? 0));
}

/**
 * The Python frames on the stack when the AWS CLI's formatter calls ParsedResult.search (its
 * depth differs a frame between formatters), which Python's recursion limit counts.
 */
const SEARCH_FRAMES = 17;
const SEARCH_FRAMES_BY_FORMAT: Readonly<Record<string, number>> = { 'yaml-stream': 2 };
