// Stands in for node:fs/promises where the SDK's shared-ini-file loader imports it at start-up:
// cogsignout reads the config files itself and hands the client every setting, so the loader
// almost never runs, and loading fs/promises (with readline behind it) on every call is waste.
import { createRequire } from 'node:module';

type ReadFile = typeof import('node:fs/promises').readFile;

export const readFile: ReadFile = ((...args: Parameters<ReadFile>) => {
  const fsPromises = createRequire(__filename)('node:fs/promises') as typeof import('node:fs/promises');
  return fsPromises.readFile(...args);
}) as ReadFile;
