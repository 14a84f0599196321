#!/usr/bin/env node
// Starts the CLI from dist/core.cjs, which reads the program's other bundles only when a run
// reaches their code (bin/bundles.cjs links them; each is compiled from V8's code cache,
// bin/code-cache.cjs). CommonJS (see bin/package.json): an ES module entry alone costs Node's
// module loader several milliseconds on every start.
'use strict';
const path = require('node:path');
const { createLinker } = require('./bundles.cjs');

createLinker(path.join(__dirname, '..', 'dist')).load('core');
