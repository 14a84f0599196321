// The AWS CLI's top-level-args-parsed handlers: --query compiled, --endpoint-url and the
// timeouts checked, in its order, for the main parser's values and for each alias's.
import { GeneralError, ParamValidationError } from '../errors/errors.js';
import type { CompiledQuery } from '../output/query.js';
import { pyInt } from '../python/int.js';
import type { ParsedValue } from './argparse.js';
import { toGlobalArgs } from './globals.js';
import type { RunState } from './run-state.js';

/**
 * The top-level argument checks, in the AWS CLI's order, of the main parser's values (or an
 * alias's): the compiled --query, if any. `--opt=--` leaves argparse's empty list, which each
 * check trips over in Python's words.
 */
export function topLevelChecks(state: RunState, vals: ReadonlyMap<string, ParsedValue>): CompiledQuery | undefined {
  const g = toGlobalArgs(vals);
  const isList = (dest: string): boolean => Array.isArray(vals.get(dest));
  if (isList('query')) throw new ParamValidationError("Bad value for --query []: unhashable type: 'list'");
  // The compiler is loaded by the session stage whenever a query can turn up.
  const compiled = g.query === undefined ? undefined : (state.compile as (expression: string) => CompiledQuery)(g.query);
  const { checkEndpointFlag } = state.endpoint as typeof import('../transport/endpoint.js');
  if (isList('endpoint-url')) checkEndpointFlag('[]');
  if (g.endpointUrl !== undefined) checkEndpointFlag(g.endpointUrl);
  for (const dest of ['cli-read-timeout', 'cli-connect-timeout']) {
    if (isList(dest)) throw new GeneralError("int() argument must be a string, a bytes-like object or a real number, not 'list'");
    const v = vals.get(dest);
    if (typeof v === 'string') pyInt(v);
  }
  return compiled;
}
