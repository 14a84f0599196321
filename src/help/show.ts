// Help pages. Until the full manual pages land (issue 7), a short synopsis that exits 0.
import type { CommandContext } from '../cli/driver.js';
import type { Io } from '../cli/io.js';
import { OPERATION } from '../cli/program.js';
import { PROG } from '../errors/errors.js';

const SYNOPSIS = `${OPERATION}
--user-pool-id <value>
--username <value>
[--cli-input-json | --cli-input-yaml]
[--generate-cli-skeleton <value>]
[--debug]
[--endpoint-url <value>]
[--no-verify-ssl]
[--no-paginate]
[--output <value>]
[--query <value>]
[--profile <value>]
[--region <value>]
[--version <value>]
[--color <value>]
[--no-sign-request]
[--ca-bundle <value>]
[--cli-read-timeout <value>]
[--cli-connect-timeout <value>]
[--cli-binary-format <value>]
[--no-cli-pager]
[--cli-auto-prompt]
[--no-cli-auto-prompt]
[--cli-error-format <value>]
`;

export async function showOperationHelp(ctx: CommandContext): Promise<number> {
  ctx.io.stdout.write(`${PROG} ${SYNOPSIS.replace(/\n(?!$)/g, '\n    ')}`);
  return 0;
}

/** -h / --help anywhere on the line. */
export async function showHelpFlag(io: Io, argv: readonly string[]): Promise<number> {
  if (argv.includes(OPERATION)) {
    io.stdout.write(`${PROG} ${SYNOPSIS.replace(/\n(?!$)/g, '\n    ')}`);
  } else {
    io.stdout.write(`usage: ${PROG} [options] <command> [parameters]\n\nCommands:\n  ${OPERATION}  Sign a user out of every device\n`);
  }
  return 0;
}
