// The auto-prompt (`--cli-auto-prompt`, AWS_CLI_AUTO_PROMPT, `cli_auto_prompt`). The driver
// imports mode.js on every run and this module only when the prompt is about to open.
export {
  isSilencedInPartialMode, PROMPT_CANCELLED_EXIT, resolvePromptMode, shouldPromptAfterPartial,
  type PromptMode, type PromptModeSettings,
} from './mode.js';
export { canPrompt, promptIoFrom, type PromptInput, type PromptIo, type PromptOutput } from './io.js';
export { buildPromptContext, promptForCommand, type PromptContext } from './prompt.js';
export { shellJoin, shellQuote } from './text.js';
