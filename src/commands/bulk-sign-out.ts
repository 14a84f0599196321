// `bulk-sign-out`: placeholder until the bulk engine lands (issue 8).
import type { CommandContext } from '../cli/driver.js';
import { GeneralError } from '../errors/errors.js';

export async function runBulkSignOut(_args: string[], _ctx: CommandContext): Promise<number> {
  throw new GeneralError('bulk-sign-out is not available yet');
}
