// The installed manual page, man/cogsignout.1, from the same pages as the terminal help.
// scripts/gen-man.mjs bundles this module at build time; the CLI itself never loads it.
import { BULK_PAGE, COMMAND_NAMES, HYPHENATION, OPERATION_PAGE, PROGRAM, TOP_PAGE, isGlobalOptions } from './pages.js';
import { manual } from './render-man.js';

export function manualPage(version: string): string {
  return manual({
    program: PROGRAM,
    version,
    top: TOP_PAGE,
    commands: [{ name: COMMAND_NAMES.operation, page: OPERATION_PAGE }, { name: COMMAND_NAMES.bulk, page: BULK_PAGE }],
    shared: isGlobalOptions,
    hyphenation: HYPHENATION,
  });
}
