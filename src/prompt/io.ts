// The streams the prompt talks to, narrowed to what it uses so that tests can hand it fakes
// (a PassThrough for the keyboard, a string collector for the screen) and the real process can
// hand it process.stdin and the driver's writers.

export interface PromptInput {
  readonly isTTY?: boolean;
  readonly isRaw?: boolean;
  /** Present on terminals: raw mode delivers each key as typed, Ctrl-C included. */
  setRawMode?(mode: boolean): unknown;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  removeListener(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  removeListener(event: 'end', listener: () => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

export interface PromptOutput {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns: number | undefined;
  /** The terminal's height when known; the prompt drops its less useful lines to fit. */
  readonly rows?: number | undefined;
}

export interface PromptIo {
  readonly stdin: PromptInput;
  /** Where the prompt draws itself and then echoes the command it is about to run. */
  readonly stdout: PromptOutput;
  /** Where the command line is echoed when the prompt is cancelled. */
  readonly stderr: { write(text: string): void };
}

/**
 * Prompting needs a keyboard and a screen: both stdin and stdout must be terminals. Otherwise
 * the caller runs the command as given. This is deliberately kinder than the AWS CLI, which in
 * the same situation fails with "Input is not a terminal" or waits for input a script never sends.
 */
export function canPrompt(io: PromptIo): boolean {
  return io.stdin.isTTY === true && typeof io.stdin.setRawMode === 'function' && io.stdout.isTTY;
}

const NO_INPUT: PromptInput = {
  isTTY: false,
  on: () => undefined,
  removeListener: () => undefined,
  resume: () => undefined,
  pause: () => undefined,
};

/**
 * A PromptIo from the driver's streams. Without a stdin (as in the driver's own tests) there is
 * no keyboard, so canPrompt is false and nothing waits for keys.
 */
export function promptIoFrom(io: {
  readonly stdin?: PromptInput | undefined;
  readonly stdout: PromptOutput;
  readonly stderr: { write(text: string): void };
}): PromptIo {
  return { stdin: io.stdin ?? NO_INPUT, stdout: io.stdout, stderr: io.stderr };
}
