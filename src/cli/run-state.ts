// What the stages of one run learn of the line as they go (src/cli/driver.ts): each stage
// refines it for the stages after it, and the error report reads it whenever a stage fails, so
// that an error is worded as the AWS CLI words it at that point of its pipeline.
import type { Settings } from '../config/settings.js';
import type { DebugLog } from '../diagnostics/debug-log.js';
import type { CompiledQuery } from '../output/query.js';
import type { ParsedValue } from './argparse.js';
import type { ResolvedErrorFormat } from './error-format.js';
import type { GlobalArgs } from './globals.js';

export interface RunState {
  errorFormat: ResolvedErrorFormat;
  debug: boolean;
  /** The AWS CLI's _set_logging has run: its `awscli` handler (ERROR and up) takes the warnings. */
  loggingSet: boolean;
  log: DebugLog;
  /** Until the top-level arguments are handled, the session knows only the environment's profile. */
  settings: Settings;
  /** The global options as parsed (the main parser's, then an alias's over them). */
  values: ReadonlyMap<string, ParsedValue>;
  globals: GlobalArgs;
  query: CompiledQuery | undefined;
  /** The JMESPath compiler, loaded by the session stage whenever a query can turn up. */
  compile: ((expression: string) => CompiledQuery) | undefined;
  /** The endpoint checks, loaded by the session stage (before the first top-level check runs). */
  endpoint: typeof import('../transport/endpoint.js') | undefined;
}
