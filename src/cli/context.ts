// What a command receives from the driver, and how an argparse failure becomes a usage error.
// A leaf of the command line: commands import this, never the driver, so the driver can load
// them lazily without an import circle.
import type { ArgparseError } from './argparse.js';
import type { ParsedCommand } from './argparse-command.js';
import type { ErrorFormat } from './vocabulary.js';
import type { GlobalArgs } from './globals.js';
import type { Io } from './io.js';
import type { Settings } from '../config/settings.js';
import { ParamValidationError, PROG, USAGE_BLOCK } from '../errors/errors.js';
import type { CompiledQuery } from '../output/query.js';
import type { DebugLog } from '../diagnostics/debug-log.js';
import type { Colorama } from '../output/colorama.js';
import type { StdoutBuffer } from '../output/stdout-buffer.js';

/** An argparse failure of the main or a command parser: message, blank line, usage block. */
export function usageError(e: ArgparseError): ParamValidationError {
  return new ParamValidationError(`${e.message}\n\n${USAGE_BLOCK(PROG)}`);
}

export interface CommandContext {
  readonly io: Io;
  readonly globals: GlobalArgs;
  readonly settings: Settings;
  /** The error format once the main parser has run (commands may not change it). */
  readonly errorFormat: ErrorFormat;
  /** --query, compiled (and so checked) before anything else happens. */
  readonly query: CompiledQuery | undefined;
  /** --debug's log (a no-op without --debug); it redacts secrets. */
  readonly log: DebugLog;
  /** The run's colorama state: a colored table formatter sets it up (src/output/colorama.ts). */
  readonly colorama: Colorama;
  /** What Python's sys.stdout would still hold of bytes the OS refused (src/output/stdout-buffer.ts). */
  readonly stdoutBuffer: StdoutBuffer;
}

/** A command: its values come from its node of the tree (argparse-command.ts), already parsed. */
export type CommandRunner = (parsed: ParsedCommand, ctx: CommandContext) => Promise<number>;
