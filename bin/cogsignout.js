#!/usr/bin/env node
// The program is one ES module bundle (dist/cogsignout.mjs, split so that help, skeletons and
// argument errors load little). The network path (the AWS SDK) is also built as
// dist/net.cjs, which loads through V8's code cache; the bundle asks for it through this hook.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
globalThis.__cogsignoutLoadNetwork = () => {
  const { loadWithCodeCache } = require('./code-cache.cjs');
  return loadWithCodeCache(new URL('../dist/net.cjs', import.meta.url).pathname);
};
await import('../dist/cogsignout.mjs');
