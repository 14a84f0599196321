// Loads the program's bundles (dist/*.cjs, see scripts/build.mjs) and links them. Each module is
// in one bundle only; another bundle that uses it requires `cogso-link:<bundle>:<module>`, which
// is answered here with the owning bundle's own instance of the module, that bundle being read
// (through V8's code cache, bin/code-cache.cjs) the first time one of its modules is needed.
// So a class, a table or a module's state exists once however many bundles use it, and a bundle
// is read only by a run that reaches its code.
'use strict';
const path = require('node:path');
const { loadWithCodeCache } = require('./code-cache.cjs');

const LINK = 'cogso-link:';

function createLinker(dist) {
  const bundles = new Map();
  const instances = new Map();
  // A cache made by a run that called the service also covers the code of a call.
  const full = () => bundles.has('net');

  /** The bundle's table of the modules it hands out (read and run on first use). */
  function load(name) {
    let module = bundles.get(name);
    if (module === undefined) {
      // Known before the bundle runs, so that a link back into a bundle still loading finds it.
      module = { exports: {} };
      bundles.set(name, module);
      const file = path.join(dist, `${name}.cjs`);
      // Besides links, a bundle requires only Node's built-ins.
      const bundleRequire = (id) => (typeof id === 'string' && id.startsWith(LINK) ? linked(id) : require(id));
      loadWithCodeCache(file, { full, module, require: bundleRequire });
    }
    return module.exports;
  }

  function linked(id) {
    let instance = instances.get(id);
    if (instance === undefined) {
      const at = id.indexOf(':', LINK.length);
      // The core's table is its exports; any other bundle, an ES module, exports it as `links`.
      const name = id.slice(LINK.length, at);
      const table = name === 'core' ? load(name) : load(name).links;
      const get = table?.[id.slice(at + 1)];
      if (typeof get !== 'function') throw new Error(`cogsignout: ${id} is not in its bundle (a broken build: run npm run build)`);
      instance = get();
      instances.set(id, instance);
    }
    return instance;
  }

  return { load, loaded: (name) => bundles.has(name) };
}

module.exports = { createLinker };
