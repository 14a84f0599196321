// Stands in for node:child_process where commander imports it at load (the build's
// lean-commander plugin): commander spawns only executable subcommands, which cogsignout's tree
// never has, and loading child_process costs every run a few milliseconds (--version included,
// now that the tree parses every line). Loaded on first use instead.
import { createRequire } from 'node:module';

type ChildProcess = typeof import('node:child_process');
let real: ChildProcess | undefined;
const load = (): ChildProcess => (real ??= createRequire(__filename)('node:child_process') as ChildProcess);

export function spawn(...args: Parameters<ChildProcess['spawn']>): ReturnType<ChildProcess['spawn']> {
  return load().spawn(...args);
}
