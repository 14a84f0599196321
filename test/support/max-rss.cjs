// Preloaded into the CLI (NODE_OPTIONS=--require) by tests that bound its memory: on exit, the
// process's peak resident set size in bytes goes to the file COGSIGNOUT_TEST_MAX_RSS_FILE names.
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.COGSIGNOUT_TEST_MAX_RSS_FILE;
if (file) {
  process.on('exit', () => {
    // resourceUsage().maxRSS is in KiB (getrusage's ru_maxrss).
    writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}
