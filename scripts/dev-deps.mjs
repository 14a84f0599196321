// The build scripts' own dependencies (esbuild) come from `npm ci`. On a fresh clone, `npm pack`
// (whose prepack builds) or `npm run build` would otherwise die with an ERR_MODULE_NOT_FOUND stack
// trace that does not say what to do.

/** Imports a development dependency, or explains in two lines that `npm ci` comes first and exits 1. */
export async function importDevDependency(name) {
  try {
    return await import(name);
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    process.stderr.write(`cogsignout's build needs its development dependencies, and ${name} is not installed.\n` +
      'Run `npm ci` in this directory first, then run the command again.\n');
    process.exit(1);
  }
}
