// colorama, as the AWS CLI's colored tables leave it. The first table formatter made with color
// calls colorama.init(autoreset=True, strip=False), which wraps sys.stdout and sys.stderr for
// the rest of the process: every later write to either is followed by a reset (`\x1b[0m`), to a
// pipe too (an error message after a colored table: `\n` RESET, the line RESET, `\n` RESET), and
// at exit its hook writes a reset to stdout when that is a terminal (stripped elsewhere). A
// second init (an error table after the output's: the Pager error) wraps the wrapped stdout
// again and points the hook at the first wrapper, which adds a reset of its own: two at exit.
// One state per run of the driver: a process, or one in-process test run.
import type { OutputStream } from '../cli/io.js';

export const RESET = '\x1b[0m';

export interface Colorama {
  /** How many colored table formatters have been made (colorama.init calls): from the first on, the streams are wrapped. */
  inits: number;
}

export const newColorama = (): Colorama => ({ inits: 0 });

/** colorama's atexit hook: a reset to stdout when it is a terminal, doubled by each wrapper it goes through. */
export function coloramaAtExit(colorama: Colorama, stdout: OutputStream): void {
  if (colorama.inits > 0 && stdout.isTTY) stdout.write(RESET.repeat(2 ** (colorama.inits - 1)));
}
