// The package version, put in by the build (scripts/build.mjs) so that --version reads no file
// and the bundle does not carry the whole package.json.
declare const __COGSIGNOUT_VERSION__: string;

export const version: string = __COGSIGNOUT_VERSION__;
