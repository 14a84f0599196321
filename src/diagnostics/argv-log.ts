// The command line as --debug logs it, the values of sensitive options replaced. Apart from
// redact.ts because the sensitive options come from the service model, which a run sets up only
// when it reaches the tree or logs (never a plain `--version`).
import { strRepr } from '../python/builtins.js';
import { sensitiveOptions } from '../service/arguments.js';
import { OPERATIONS } from '../service/model.js';
import { REDACTED } from './redact.js';

/**
 * Options whose value is, or may contain, a sensitive member: the operations', as their service
 * model marks them, and bulk-sign-out's lists of usernames. Prefixes count (argparse).
 */
const SENSITIVE_OPTIONS = [...new Set(OPERATIONS.flatMap(sensitiveOptions)), '--usernames-file', '--filter'];

function sensitiveOption(token: string): string | undefined {
  const name = token.split('=', 1)[0] as string;
  if (!name.startsWith('--') || name.length < 4) return undefined;
  return SENSITIVE_OPTIONS.find((o) => o.startsWith(name));
}

/** argv as the AWS CLI logs it (a Python list), sensitive values replaced. */
export function argvForLog(argv: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    const option = sensitiveOption(token);
    if (option && token.includes('=')) {
      out.push(`${token.split('=', 1)[0] as string}=${REDACTED}`);
    } else if (option && i + 1 < argv.length && !(argv[i + 1] as string).startsWith('-')) {
      out.push(token, REDACTED);
      i++;
    } else {
      out.push(token);
    }
  }
  return `[${out.map(strRepr).join(', ')}]`;
}
