#!/usr/bin/env node
// Starts the CLI from dist/core.cjs through V8's code cache (bin/code-cache.cjs). (CommonJS, see
// bin/package.json: an ES module entry alone costs Node's module loader several milliseconds on
// every start.) The core reaches the network bundle only when a command calls the service.
'use strict';
const path = require('node:path');
const { loadWithCodeCache, enableNodeCompileCache } = require('./code-cache.cjs');

enableNodeCompileCache();
const dist = path.join(__dirname, '..', 'dist');
let networkLoaded = false;
globalThis.__cogsignoutLoadNetwork = () => {
  networkLoaded = true;
  return loadWithCodeCache(path.join(dist, 'net.cjs'));
};
// A cache of the core made by a run that called the service also covers the code of a call.
loadWithCodeCache(path.join(dist, 'core.cjs'), { full: () => networkLoaded });
