// Which format the error handler reports in (`--cli-error-format`, `cli_error_format`,
// AWS_CLI_ERROR_FORMAT), resolved again at each stage that can change it, as the AWS CLI does.
import type { Settings } from '../config/settings.js';
import type { LogLevel } from '../diagnostics/debug-log.js';
import { ERROR_FORMATS, type ErrorFormat } from './vocabulary.js';

/** The error handler's format, and what the AWS CLI's handler logs as it resolves it. */
export interface ResolvedErrorFormat {
  readonly format: ErrorFormat;
  /** Logged (--debug) as an error the AWS CLI can structure is reported: a value that names no format, a lookup that failed. */
  readonly note?: { readonly level: LogLevel; readonly message: string };
}

/**
 * The error handler's format: the flag, else the configured value. When the configured value
 * cannot be looked up (an unknown profile, an unreadable config file), the AWS CLI's structured
 * display fails and it falls back to the plain message, which is the legacy format.
 */
export function configuredErrorFormat(settings: Settings, flag: string | undefined): ResolvedErrorFormat {
  let value = flag;
  if (value === undefined) {
    try {
      value = settings.envOrProfile('AWS_CLI_ERROR_FORMAT', 'cli_error_format')?.toLowerCase();
    } catch (e) {
      return { format: 'legacy', note: { level: 'DEBUG', message: `Failed to display structured error: ${e instanceof Error ? e.message : String(e)}` } };
    }
  }
  // An empty value is no value (Python's `if error_format:`), so no warning either.
  if (value === undefined || value === '') return { format: 'enhanced' };
  if ((ERROR_FORMATS as readonly string[]).includes(value)) return { format: value as ErrorFormat };
  return { format: 'enhanced', note: { level: 'WARNING', message: `Invalid cli_error_format: '${value}'. Using 'enhanced' format.` } };
}
