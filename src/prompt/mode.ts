// Whether the auto-prompt opens, decided before the main parser runs (the AWS CLI's stage 2).
// This module stays tiny and dependency-free: the driver imports it on every run, while the
// prompt itself is loaded only when it is about to open.
import type { Env } from '../config/files.js';
import { ParamValidationError } from '../errors/errors.js';

export type PromptMode = 'off' | 'on' | 'on-partial';

/** What the mode needs from the settings: a profile value that never throws. */
export interface PromptModeSettings {
  quietProfileValue(key: string): string | undefined;
}

/** Exit code when the user leaves the prompt with Ctrl-C or Ctrl-D (as the AWS CLI). */
export const PROMPT_CANCELLED_EXIT = 130;

/**
 * The mode, with the AWS CLI's precedence: a `help` or `--version` token anywhere means off
 * (whatever else is set), then `--cli-auto-prompt` / `--no-cli-auto-prompt`, then
 * AWS_CLI_AUTO_PROMPT, then the profile's `cli_auto_prompt`. Only exact tokens count, as in the
 * AWS CLI (an abbreviated `--cli-auto` still parses later but does not switch the prompt on).
 * The case of configured values is ignored; an unknown value, a missing profile or an unreadable
 * config file all mean off, because a setting about prompting must never fail the command.
 * Both flags together are the driver's error and are checked before this is called.
 */
export function resolvePromptMode(argv: readonly string[], env: Env, settings: PromptModeSettings): PromptMode {
  if (argv.includes('help') || argv.includes('--version')) return 'off';
  if (argv.includes('--cli-auto-prompt')) return 'on';
  if (argv.includes('--no-cli-auto-prompt')) return 'off';
  const configured = env.AWS_CLI_AUTO_PROMPT ?? settings.quietProfileValue('cli_auto_prompt');
  const value = configured?.toLowerCase();
  return value === 'on' || value === 'on-partial' ? value : 'off';
}

/**
 * In `on-partial` mode the command first runs as given with parameter-validation errors
 * silenced; these are the errors to silence (the ParamValidation family: argparse errors,
 * missing or invalid parameters). Unknown options are a different class and stay loud, as in
 * the AWS CLI, though they still lead to the prompt through their exit code.
 */
export function isSilencedInPartialMode(error: unknown): boolean {
  return error instanceof ParamValidationError;
}

/** After the silenced first run of `on-partial`: prompt only when it ended in a usage error. */
export function shouldPromptAfterPartial(exitCode: number): boolean {
  return exitCode === 252;
}
