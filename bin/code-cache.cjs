// Loads a CommonJS bundle through V8's code cache: `<file>.cache` next to it holds the compiled
// code, so a run skips parsing and compiling most of it. Node 20 has no compile cache for ES
// modules, and the AWS SDK's code is most of a sign-out's start-up time. A missing or stale
// cache (another Node version) only costs the compile; a fresh one is then written if the
// directory is writable.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire, wrap } = require('node:module');

function compile(file, cachedData) {
  const source = fs.readFileSync(file, 'utf8');
  return new vm.Script(wrap(source), { filename: file, cachedData });
}

function run(script, file) {
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

function writeAtomically(target, data) {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, target);
  } catch {
    try { fs.unlinkSync(temp); } catch { /* nothing written */ }
  }
}

/** The bundle's exports, compiled from the cache when it fits. */
function loadWithCodeCache(file) {
  const cacheFile = `${file}.cache`;
  let cachedData;
  try { cachedData = fs.readFileSync(cacheFile); } catch { /* no cache yet */ }
  const script = compile(file, cachedData);
  const exports = run(script, file);
  if (cachedData === undefined || script.cachedDataRejected) {
    // Written at exit, when the functions this run used have been compiled too.
    process.once('exit', () => writeAtomically(cacheFile, script.createCachedData()));
  }
  return exports;
}

/** Build step: compile, run, warm up with `await warm(exports)`, write the cache. */
async function buildCodeCache(file, warm) {
  const script = compile(file, undefined);
  const exports = run(script, file);
  if (warm) await warm(exports);
  fs.writeFileSync(`${file}.cache`, script.createCachedData());
}

module.exports = { loadWithCodeCache, buildCodeCache };
