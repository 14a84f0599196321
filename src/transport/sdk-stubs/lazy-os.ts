// Stands in for node:os where the program's own modules import it (the build's sdk-stubs plugin;
// a stub of the program's imports, not the SDK's, kept beside the others the plugin hands out):
// loading it costs ~0.3 ms of CPU on Node 22 on every start, while only the version line, a
// `~` without HOME, the SSO and assume-role caches and bulk-sign-out's journal lock use it.
// Loaded on first use instead.
type OsModule = typeof import('node:os');
let real: OsModule | undefined;
// A require() the build leaves to run time, here only (its plugin skips this file).
const load = (): OsModule => (real ??= require('node:os') as OsModule);

export const homedir: OsModule['homedir'] = () => load().homedir();
export const hostname: OsModule['hostname'] = () => load().hostname();
export const release: OsModule['release'] = () => load().release();
export const type: OsModule['type'] = () => load().type();
