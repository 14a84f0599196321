// The bundles' linker, which lives in bin/cogsignout.js (one file for bin/: a start is a module
// load shorter so); for the tests.
'use strict';
const { createLinker } = require('./cogsignout.js');

module.exports = { createLinker };
