// The package version, inlined at build time so --version reads no file.
import pkg from '../package.json' with { type: 'json' };

export const version: string = pkg.version;
