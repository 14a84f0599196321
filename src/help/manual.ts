// The installed manual page, man/cogsignout.1, from the same pages as the terminal help.
// scripts/gen-man.mjs bundles this module at build time; the CLI itself never loads it.
import { COMMAND_PAGES, HYPHENATION, PROGRAM, TOP_PAGE, isGlobalOptions } from './pages.js';
import { manual } from './render-man.js';

export function manualPage(version: string): string {
  return manual({
    program: PROGRAM,
    version,
    top: TOP_PAGE,
    commands: COMMAND_PAGES.map(({ name, page }) => ({ name, page })),
    shared: isGlobalOptions,
    hyphenation: HYPHENATION,
  });
}
