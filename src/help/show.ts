// The help commands: `cogsignout help`, `cogsignout <command> help` and -h/--help. Each renders
// its page for the terminal's width (80 columns when stdout is not a terminal, as the AWS CLI
// always renders) and hands it to the help pager.
import type { CommandContext } from '../cli/context.js';
import { writeUtf8, type Io } from '../cli/io.js';
import type { Page } from './doc.js';
import { BULK_PAGE, COMMAND_PAGES, HYPHENATION, TOP_PAGE } from './pages.js';
import { sendToPager } from './pager.js';
import { SERVICE_NAME } from '../service/cognito-idp.js';
import { SIGN_OUT, type OperationModel } from '../service/model.js';
import { lineLengthFor, renderText } from './render-text.js';

/** The columns a page is laid out for: MANWIDTH (as man-db reads it), the terminal, else 80. */
export function helpColumns(io: Io): number {
  const manWidth = /^\d+$/.test(io.env.MANWIDTH ?? '') ? Number(io.env.MANWIDTH) : 0;
  if (manWidth > 0) return manWidth;
  if (io.stdout.isTTY && io.stdout.columns !== undefined && io.stdout.columns > 0) return io.stdout.columns;
  return 80;
}

/** A page as the terminal shows it. */
export function renderPage(page: Page, columns: number): string {
  return renderText(page, { lineLength: lineLengthFor(columns), hyphenation: HYPHENATION });
}

async function show(io: Io, page: Page): Promise<number> {
  await sendToPager(io, renderPage(page, helpColumns(io)));
  return 0;
}

/** Where the AWS CLI 2.36.7 documentation of an operation lives (cli_help_output = url; help.py's remote URL). */
export function operationHelpUrl(op: OperationModel): string {
  return `https://awscli.amazonaws.com/v2/documentation/api/2.36.7/reference/${SERVICE_NAME}/${op.cliName}.html`;
}

/** `cogsignout <operation> help`; the profile's cli_help_output = url prints the address instead (no newline, as the AWS CLI does). */
export async function showOperationHelp(ctx: CommandContext, op: OperationModel = SIGN_OUT): Promise<number> {
  if (ctx.settings.quietProfileValue('cli_help_output') === 'url') {
    writeUtf8(ctx.io.stdout, operationHelpUrl(op));
    return 0;
  }
  const entry = COMMAND_PAGES.find((c) => c.operation === op);
  return show(ctx.io, entry ? entry.page : TOP_PAGE);
}

/** `cogsignout help`. */
export async function showTopHelp(io: Io): Promise<number> {
  return show(io, TOP_PAGE);
}

/** `cogsignout bulk-sign-out help`. */
export async function showBulkHelp(io: Io): Promise<number> {
  return show(io, BULK_PAGE);
}

const PAGES_BY_COMMAND: ReadonlyArray<readonly [string, Page]> = COMMAND_PAGES.map(({ name, page }) => [name, page] as const);

/**
 * `cogsignout help [command]` (`help` in the command position): the page of the command named
 * right after it, else the top page. Other words are ignored, as the AWS CLI's service help does.
 */
export async function showHelpCommand(io: Io, args: readonly string[]): Promise<number> {
  const hit = PAGES_BY_COMMAND.find(([name]) => name === args[0]);
  return show(io, hit ? hit[1] : TOP_PAGE);
}

/**
 * -h / --help anywhere on the line (a deliberate difference: the AWS CLI rejects them): the page
 * of the first command named on the line, else the top page.
 */
export async function showHelpFlag(io: Io, argv: readonly string[]): Promise<number> {
  for (const word of argv) {
    const hit = PAGES_BY_COMMAND.find(([name]) => name === word);
    if (hit) return show(io, hit[1]);
  }
  return show(io, TOP_PAGE);
}
