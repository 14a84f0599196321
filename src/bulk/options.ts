// bulk-sign-out's command line: parsed by its node of the command tree with the same argparse
// rules as every other command (so its errors read the same), then checked here for what
// argparse cannot express: exactly one source of users, --filter only with --all-users, and
// numbers that make sense. botocore's own check of the pool ID (checkPoolId) is the profile's
// parameter_validation to turn off, as for admin-user-global-sign-out.
import type { ParsedCommand } from '../cli/argparse-command.js';
import { ParamValidationError, UnknownArgumentError } from '../errors/errors.js';
import { validateParameters } from '../input/validate.js';
import { MEMBERS } from '../service/model.js';

export const DEFAULT_MAX_RPS = 20;
export const DEFAULT_CONCURRENCY = 8;
/** More workers than this only queue up on sockets; the service's quota is far lower anyway. */
export const MAX_CONCURRENCY = 1000;

export type UserSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'all-users'; readonly filter: string | undefined };

export interface BulkOptions {
  readonly userPoolId: string;
  readonly source: UserSource;
  readonly maxRps: number;
  readonly concurrency: number;
  readonly journal: string | undefined;
  readonly dryRun: boolean;
  /** --list-file: where a dry run writes the users it would sign out. */
  readonly listFile: string | undefined;
}

function integer(option: string, text: string | undefined, fallback: number, min: number, max: number, what: string): number {
  if (text === undefined) return fallback;
  const t = text.trim();
  const value = /^\d+$/.test(t) ? Number(t) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ParamValidationError(`${option} must be ${what}, not '${text}'`);
  }
  return value;
}

/** The checked options, or 'help' for `bulk-sign-out help`. */
export function parseBulkOptions(parsed: ParsedCommand): BulkOptions | 'help' {
  if (parsed.help) return 'help';
  if (parsed.extras.length > 0) throw new UnknownArgumentError(`Unknown options: ${parsed.extras.join(', ')}`);
  const { values } = parsed;

  const str = (dest: string): string | undefined => {
    const v = values.get(dest);
    return typeof v === 'string' ? v : undefined;
  };
  const userPoolId = str('user-pool-id') as string;

  const file = str('usernames-file');
  const allUsers = values.get('all-users') === true;
  const filter = str('filter');
  if (file !== undefined && allUsers) {
    throw new ParamValidationError('--usernames-file and --all-users cannot be used together: give exactly one of them.');
  }
  if (file === undefined && !allUsers) {
    throw new ParamValidationError('Exactly one of --usernames-file PATH (- for standard input) or --all-users is required.');
  }
  if (filter !== undefined && !allUsers) throw new ParamValidationError('--filter can only be used with --all-users.');
  if (file === '') throw new ParamValidationError('--usernames-file needs a path (- for standard input).');
  const journal = str('journal');
  if (journal === '') throw new ParamValidationError('--journal needs a path.');

  const listFile = str('list-file');
  if (listFile !== undefined && values.get('dry-run') !== true) throw new ParamValidationError('--list-file can only be used with --dry-run.');
  if (listFile === '') throw new ParamValidationError('--list-file needs a path.');

  return {
    userPoolId,
    source: file !== undefined ? { kind: 'file', path: file } : { kind: 'all-users', filter },
    maxRps: integer('--max-rps', str('max-rps'), DEFAULT_MAX_RPS, 0, Number.MAX_SAFE_INTEGER, 'a whole number of requests per second (0 for no limit)'),
    concurrency: integer('--concurrency', str('concurrency'), DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY, `a whole number from 1 to ${MAX_CONCURRENCY}`),
    journal,
    dryRun: values.get('dry-run') === true,
    listFile,
  };
}

/**
 * botocore's validation of the pool ID (its minimum length), which the profile's
 * `parameter_validation` turns off for bulk-sign-out as for admin-user-global-sign-out: then the
 * ID goes to the service as given, whose refusal stops the run (a dry run's DescribeUserPool
 * shows it before anyone is touched).
 */
export function checkPoolId(userPoolId: string, validated: boolean): void {
  if (validated) validateParameters(new Map([['UserPoolId', userPoolId]]), MEMBERS.filter((m) => m.name === 'UserPoolId'));
}
