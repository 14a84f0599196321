// A traceback names the files actually loaded. The V8 code caches made at build time
// (bin/code-cache.cjs) keep the file names the bundles were compiled under, and V8 reports
// those for cached code: an installed copy would name the directory where the package was
// built. The build records that directory (scripts/build.mjs); here it is replaced by the
// directory the running bundle was loaded from.
declare const __COGSIGNOUT_BUILT_DIST__: string | undefined;

const BUILT_DIST = typeof __COGSIGNOUT_BUILT_DIST__ === 'string' ? __COGSIGNOUT_BUILT_DIST__ : undefined;
// The bundle is CommonJS: __dirname is dist/ as bin/ loaded it (undefined when run from src/).
const LOADED_DIST = typeof __dirname === 'string' ? __dirname : undefined;

/** `stack` with the `built` dist/ directory named as the `loaded` one, when both are known. */
export function renameDist(stack: string, built: string | undefined, loaded: string | undefined): string {
  if (built === undefined || loaded === undefined || built === loaded) return stack;
  return stack.replaceAll(`${built}/`, `${loaded}/`);
}

/** `stack` with the build's dist/ directory named as the one the program runs from. */
export function withLoadedPaths(stack: string): string {
  return renameDist(stack, BUILT_DIST, LOADED_DIST);
}
