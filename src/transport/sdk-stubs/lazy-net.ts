// Stands in for node:net where the program's own start-up modules import it (the build's
// sdk-stubs plugin): the endpoint checks, which every command's session stage sets up, ask it
// only whether a bracketed host is an IP address, and loading it brings the streams (~6 ms
// profiled of a skeleton on Node 22). Loaded on first use instead.
type NetModule = typeof import('node:net');
let real: NetModule | undefined;
// A require() the build leaves to run time, here only (its plugin skips this file).
const load = (): NetModule => (real ??= require('node:net') as NetModule);

export const isIP: NetModule['isIP'] = (input) => load().isIP(input);
