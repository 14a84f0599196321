// The code cache loader, which lives in bin/cogsignout.js (one file for bin/: a start is a module
// load shorter so); for the build and the tests.
'use strict';
const { loadWithCodeCache, BUILD_MARK, userCacheParts } = require('./cogsignout.js');

module.exports = { loadWithCodeCache, BUILD_MARK, userCacheParts };
