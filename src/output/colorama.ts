// colorama, as the AWS CLI's colored tables leave it. The first table formatter made with color
// calls colorama.init(autoreset=True, strip=False), which wraps sys.stdout and sys.stderr for
// the rest of the process: every later write to either is followed by a reset (`\x1b[0m`), to a
// pipe too (an error message after a colored table: `\n` RESET, the line RESET, `\n` RESET), and
// at exit its hook writes a reset to stdout when that is a terminal (stripped elsewhere). One
// state per run of the driver: a process, or one in-process test run.
import type { OutputStream } from '../cli/io.js';

export const RESET = '\x1b[0m';

export interface Colorama {
  /** A colored table formatter has been made: the streams are wrapped from here on. */
  initialised: boolean;
}

export const newColorama = (): Colorama => ({ initialised: false });

/** colorama's atexit hook: a reset to stdout, when it is a terminal. */
export function coloramaAtExit(colorama: Colorama, stdout: OutputStream): void {
  if (colorama.initialised && stdout.isTTY) stdout.write(RESET);
}
