// Stands in for node:child_process where the program's own modules import it at start-up (the
// build's lazy-builtins plugin): loading it brings node:net, dgram and most of the streams,
// ~9 ms of a --version run on Node 22, while only an alias starting with `!`, a pager, a
// credential_process or a help page ever runs a process. Loaded on first use instead.
type ChildProcessModule = typeof import('node:child_process');
let real: ChildProcessModule | undefined;
// A require() the build leaves to run time, here only (its plugin skips this file).
const load = (): ChildProcessModule => (real ??= require('node:child_process') as ChildProcessModule);

export const spawn: ChildProcessModule['spawn'] = ((...args: Parameters<ChildProcessModule['spawn']>) => load().spawn(...args)) as ChildProcessModule['spawn'];
