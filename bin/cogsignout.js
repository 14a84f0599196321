#!/usr/bin/env node
// Starts the CLI from dist/core.cjs, which reads the program's other bundles only when a run
// reaches their code (the linker below links them; each is compiled from V8's code cache, the
// loader below). CommonJS (see bin/package.json): an ES module entry alone costs Node's module
// loader several milliseconds on every start. One file: each module more that bin/ requires
// costs a start a resolve, a read and a compile (~0.25 ms each on Node 22); bin/code-cache.cjs
// and bin/bundles.cjs hand out its parts to the build and the tests.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

// ---- The code cache loader.
// Loads a CommonJS bundle through V8's code cache, so that a run skips parsing and compiling most
// of it (the AWS SDK's code is most of a sign-out's start-up time). Used on every Node, 20 to 24:
// Node 20 has no compile cache of its own, and on 22+ `module.enableCompileCache()` caches only
// what is compiled before the code runs, while a cache made here at exit also holds every
// function the run compiled lazily.
//
// A V8 code cache fits one Node version (and V8 flags) only. There are two:
//   - `<file>.cache` next to the bundle, made by the build for the Node that built it;
//   - the user's own, in `$XDG_CACHE_HOME/cogsignout` (else `~/.cache/cogsignout`), one file per
//     bundle build, Node version, architecture and kind of run (see KINDS), made by the first
//     run that found no cache fitting its Node and kind, and used from then on (and rewritten
//     once by a run that left by a way its maker did not: see USER_MAGIC). It exists only
//     where the shipped one does not fit, so it is tried first (trying a cache that does not fit
//     costs a whole compile).
// A run never writes next to the bundle (a global install is read-only to its users, and two
// Node versions sharing one install must not overwrite each other's cache). Any failure (no
// home, a cache directory that is unwritable, not ours, or a file) only costs the compile:
// nothing is ever printed and the run goes on.

// Module.wrap()'s wrapper, as written: taking it from node:module would load that module
// (~0.5 ms of CPU on Node 22) on every start. Caches are made and checked with this very text.
const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const WRAP_TAIL = '\n});';
const wrap = (source) => `${WRAP_HEAD}${source}${WRAP_TAIL}`;

/** The build writes this line at the end of each bundle: a hash of its content. */
const BUILD_MARK = '\n//# cogsignout-build=';

// A bundle requires only Node's built-ins (and, through the linker below, other bundles), which
// this module's own require() loads as well as any.
function run(script, file, module = { exports: {} }, bundleRequire = require) {
  script.runInThisContext().call(module.exports, module.exports, bundleRequire, module, file, path.dirname(file));
  return module.exports;
}

/** Where the user's caches go (whether they may be used there is for trusted() to say). */
function userCacheDir() {
  const env = process.env;
  let base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
  if (base === undefined) {
    const home = env.HOME || env.USERPROFILE;
    if (!home || !path.isAbsolute(home)) return undefined;
    base = process.platform === 'win32' && env.LOCALAPPDATA ? env.LOCALAPPDATA : path.join(home, '.cache');
  }
  return path.join(base, 'cogsignout');
}

/**
 * Another user able to write into the cache directory could plant compiled code: the directory
 * must be a real directory owned by this user and closed to group and others.
 */
function trusted(dir) {
  try {
    const st = fs.lstatSync(dir);
    if (!st.isDirectory()) return false;
    if (typeof process.getuid !== 'function') return true;
    return st.uid === process.getuid() && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function readOrUndefined(file) {
  try { return fs.readFileSync(file); } catch { return undefined; }
}

/** Writes `make()` into the trusted directory, if there is one: made only if it can be kept. */
function writeAtomically(dir, target, make) {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!trusted(dir)) return;
    // On disk before it has its name: V8 checks a cache's header, not its payload (no checksum
    // in release builds), so a cache whose blocks a power loss left unwritten would bring down
    // every later run in V8's deserializer. Once a user, Node version and kind of run: cheap.
    const fd = fs.openSync(temp, 'w', 0o600);
    try {
      fs.writeFileSync(fd, make());
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    prune(dir, path.basename(target));
  } catch {
    try { fs.unlinkSync(temp); } catch { /* nothing written */ }
  }
}

const STALE_MS = 7 * 24 * 3600 * 1000;

/**
 * Removes caches of other builds of the same bundle that nothing has rewritten for a week (this
 * build's, of every kind and Node version, are kept: a cache in use is rewritten only for a way out it lacked,
 * so its age says when it was made, not when it was last read).
 */
function prune(dir, kept) {
  const bundle = kept.slice(0, kept.indexOf('@') + 1);
  // This build's caches for every Node version (`<bundle>@<id>-`): one who runs it on two Nodes
  // keeps both, however old, until the build changes.
  const build = kept.slice(0, kept.indexOf('-', bundle.length) + 1);
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(build) || !name.startsWith(bundle) || !name.endsWith('.cache')) continue;
    try {
      const file = path.join(dir, name);
      if (Date.now() - fs.statSync(file).mtimeMs > STALE_MS) fs.unlinkSync(file);
    } catch { /* another run removed it */ }
  }
}

/**
 * The file's text inside Module.wrap()'s wrapper (what V8 compiles), and its build's id. A built bundle is ASCII (the
 * build makes it so), which latin1 decodes as UTF-8 does, in less time on Node 22 (~1 ms less
 * for the network bundle; equal on 24), from a buffer given back at once. Without transfer()
 * (Node 20) the buffer would stay until a GC, so the file is read as UTF-8 there, as is any file
 * that is not ASCII.
 *
 * On Node 22 and later the file is read into one buffer between the wrapper's two parts, so that
 * the text is made once: the wrapper put around a string already read makes V8 flatten the two
 * into a second copy before it compiles, which stays in its large-object space to the end of
 * the run (Node 24: 1.7 MB of a sign-out's peak RSS, and 2.3 M instructions; Node 22: 1.0 MB).
 * On Node 22 the one string read so lives in the young generation past the first scavenge, and
 * a sign-out needs a third scavenge (+3 M instructions, ~1 ms): the price of its peak RSS under
 * issue 14's 55 MiB (55.6 -> 54.6 MiB).
 */
function readBundle(file) {
  let source;
  let wrapped;
  if (typeof ArrayBuffer.prototype.transfer !== 'function') {
    source = fs.readFileSync(file, 'utf8');
  } else {
    const head = WRAP_HEAD.length;
    const fd = fs.openSync(file, 'r');
    let bytes;
    let end = head;
    try {
      const size = fs.fstatSync(fd).size;
      bytes = Buffer.allocUnsafeSlow(head + size + WRAP_TAIL.length);
      for (let n = 1; n > 0 && end < head + size; end += n) n = fs.readSync(fd, bytes, end, head + size - end, null);
    } finally {
      fs.closeSync(fd);
    }
    bytes.write(WRAP_HEAD, 0, 'latin1');
    bytes.write(WRAP_TAIL, end, 'latin1');
    wrapped = bytes.toString('latin1', 0, end + WRAP_TAIL.length);
    // (Searched in a flat string: a search in the joined one would make V8 flatten it first.)
    if (buildMark(wrapped) < 0 && /[^\x00-\x7f]/.test(wrapped)) {
      source = bytes.toString('utf8', head, end);
      wrapped = undefined;
    }
    release(bytes);
  }
  return wrapped === undefined ? { wrapped: wrap(source), id: buildId(source, 0) } : { wrapped, id: buildId(wrapped, WRAP_TAIL.length) };
}

/** Where the build's mark starts in the source (wrapped or not), or -1 (not a built bundle). */
function buildMark(text) {
  const at = text.lastIndexOf(BUILD_MARK);
  return at >= 0 && text.length - at < 100 ? at : -1;
}

/**
 * What identifies the bundle's content: the build's hash (`text` ends `tail` characters after
 * it), else (an unbuilt file) a hash made here.
 */
function buildId(text, tail) {
  const at = buildMark(text);
  if (at >= 0) return text.slice(at + BUILD_MARK.length, text.length - tail).trim();
  return require('node:crypto').createHash('sha256').update(text).digest('hex').slice(0, 20);
}

// The user's caches of a bundle are of three kinds, by how far the run that made them went:
// `version` (stopped before commander's tree: --version), `light` (built the tree but called
// nothing: skeletons, help, argument errors) and `full` (a call). V8's deserialization costs
// in proportion to a cache's size, and a cache holds every function its run compiled: a
// sign-out's cache of the core is ~360 kB on Node 22, a skeleton's ~300, --version's ~170.
// So each run reads first the kind its line is expected to make, and a run that finds no cache
// of the kind it made writes one at exit; the kinds live side by side. A cache made at exit
// holds every function its run deserialized too, so a run reads no cache of a kind that covers
// more than its own (a `--version` after sign-outs would make a `version` cache as large as
// theirs, ~360 against ~170 kB, which every later `--version` would read): without a cache of
// its kind or a smaller one, the run compiles, once, and makes its own.
const KINDS = ['version', 'light', 'full'];

// A user cache is V8's data behind a header of ours (8 bytes, so that V8's part stays aligned and
// is not copied): USER_MAGIC, then a byte of the ways out (OUTCOMES) that the runs which wrote it
// went through. The error report's code, say, is compiled only by a run that reports an error: a
// skeleton that made the `light` cache leaves it out, and then every argument error would
// compile it anew (~5 M instructions, 5% of an argument error on Node 22), as a service error
// would after a clean sign-out made the `full` one. So a run that leaves by a way its cache does
// not cover rewrites that cache at exit, once: V8's cache of a run holds every function the run
// compiled or deserialized, so the new one covers both ways.
const USER_MAGIC = 'cogsoc1';
const USER_HEADER = 8;
const OUTCOMES = { ok: 1, error: 2 };

/** V8's part of a user cache and the ways out it covers, or undefined (not a cache of ours). */
function userCacheParts(bytes) {
  if (bytes.length <= USER_HEADER || bytes.toString('latin1', 0, USER_MAGIC.length) !== USER_MAGIC) return undefined;
  return { data: bytes.subarray(USER_HEADER), covers: bytes[USER_MAGIC.length] };
}

function withUserHeader(covers, data) {
  const header = Buffer.alloc(USER_HEADER);
  header.write(USER_MAGIC, 'latin1');
  header[USER_MAGIC.length] = covers;
  return Buffer.concat([header, data]);
}

/** The exit status of a run that Ctrl-C ended (src/main.ts). */
const INTERRUPTED = 130;

/** The kinds to try, in order: the expected one, then those covering less. */
const readOrder = (expected) => KINDS.slice(0, KINDS.indexOf(expected) + 1).reverse();

/**
 * The bundle's exports, compiled from a cache when one fits. `full()`, asked at exit, says whether
 * this run went as far as a network call; `expected` (default `full`) is the kind of cache the
 * line is expected to make (see expectedKind), read first, and the kind a run that made no call
 * makes (`light` for a `full` guess that made none, unless it read the `full` cache, which it
 * then extends: see the exit hook). `module` and `require`, when given, are the bundle's (the
 * linker below links bundles through its require).
 */
function loadWithCodeCache(file, options = {}) {
  const { wrapped, id } = readBundle(file);
  const filename = path.resolve(file);
  const dir = userCacheDir();
  const name = dir === undefined ? '' : `${path.basename(file)}@${id}-${process.version}-${process.arch}`;
  const expected = KINDS.includes(options.expected) ? options.expected : 'full';
  const userFile = (kind) => path.join(dir, `${name}.${kind}.cache`);
  let script;
  let used;
  /** The ways out (OUTCOMES) the user cache used covers. */
  let covers = 0;
  /** The kind whose user cache V8 rejected, if any. */
  let rejected;
  /** Kinds looked for and not usable (missing, not ours or rejected): remade at exit by a run of that kind. */
  const unusable = new Set();
  if (dir !== undefined && trusted(dir)) {
    for (const kind of readOrder(expected)) {
      const bytes = readOrUndefined(userFile(kind));
      const parts = bytes === undefined ? undefined : userCacheParts(bytes);
      unusable.add(kind);
      if (parts === undefined) {
        if (bytes !== undefined) release(bytes);
        continue;
      }
      script = compile(wrapped, filename, parts.data);
      release(bytes);
      if (script.cachedDataRejected) rejected = kind;
      else { used = kind; covers = parts.covers; unusable.delete(kind); }
      // After a rejection, a second compile of this source would only hit V8's own cache of the
      // script just compiled and report any cache as accepted: the compile at hand is kept.
      break;
    }
  }
  // Not after a user cache V8 rejected (made under other V8 flags, say): compiling the same
  // source again would only hit V8's own cache of the script just compiled, which reports the
  // shipped cache as accepted, and the user's cache would never be remade for these flags.
  if (script === undefined) {
    const shipped = readOrUndefined(`${file}.cache`);
    script = compile(wrapped, filename, shipped);
    if (shipped !== undefined) {
      release(shipped);
      if (!script.cachedDataRejected) used = 'shipped';
    }
  }
  const exports = run(script, file, options.module, options.require);
  if (dir !== undefined && used !== 'shipped') {
    // Written at exit, when the functions this run used have been compiled too.
    process.once('exit', (code) => {
      try {
        // Ctrl-C: a run cut short compiled only part of its way, and left by none a later run takes.
        if (code === INTERRUPTED) return;
        const made = options.full !== undefined && options.full() ? 'full' : expected === 'full' ? 'light' : expected;
        // A run that read a larger kind than it made (a `full` guess that made no call: an
        // argument error on a sign-out's line) adds its way out to that one: a cache made of it
        // under the smaller kind's name would be as large.
        const kind = used !== undefined && KINDS.indexOf(used) > KINDS.indexOf(made) ? used : made;
        const outcome = code === 0 ? OUTCOMES.ok : OUTCOMES.error;
        const fits = kind === used ? (covers & outcome) !== 0 : !unusable.has(kind) && fs.existsSync(userFile(kind));
        if (!fits) writeAtomically(dir, userFile(kind), () => withUserHeader((kind === used ? covers : 0) | outcome, script.createCachedData()));
        // A rejected cache this run did not remake would cost every later run of its kind a
        // compile (and stop it before the smaller kinds): it goes.
        if (rejected !== undefined && rejected !== kind) fs.rmSync(userFile(rejected), { force: true });
      } catch { /* a cache is never worth a failed exit */ }
    });
  }
  return exports;
}

/**
 * The script, from `cachedData` when it fits. V8 has read the whole cache then and keeps none of
 * it: the caller gives its buffer back (~0.6 MiB of a sign-out's peak RSS on Node 24).
 */
function compile(wrapped, filename, cachedData) {
  return new vm.Script(wrapped, { filename, cachedData });
}

/** Gives a buffer's memory back now rather than at a later GC (Node 22+: transfer() detaches it). */
function release(bytes) {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) bytes.buffer.transfer?.(0);
}

// ---- The linker.
// Loads the program's bundles (dist/*.cjs, see scripts/build.mjs) and links them. Each module is
// in one bundle only; another bundle that uses it requires `cogso-link:<bundle>:<module>`, which
// is answered here with the owning bundle's own instance of the module, that bundle being read
// (through V8's code cache, the loader above) the first time one of its modules is needed.
// So a class, a table or a module's state exists once however many bundles use it, and a bundle
// is read only by a run that reaches its code.
const LINK = 'cogso-link:';

/** Words of a line that make no call: it runs only the program's own code. */
const NO_CALL = new Set(['--generate-cli-skeleton', 'help', '-h', '--help', 'completion', '__complete']);

/**
 * The kind of code cache (see KINDS) the command line is expected to make, guessed from its words
 * before anything is parsed: a wrong guess costs only the time of reading a larger cache or of
 * compiling what a smaller one lacks. A call needs a user (--username, --user-pool-id,
 * --usernames-file, --cli-input-*), unless an alias brings one: a line that names no command
 * may be an alias.
 */
function expectedKind(argv) {
  if (argv.includes('--version')) return 'version';
  if (argv.some((word) => NO_CALL.has(word))) return 'light';
  const names = (word) => word === 'admin-user-global-sign-out' || word === 'bulk-sign-out';
  return argv.some((word) => word.startsWith('--user') || word.startsWith('--cli-input')) || !argv.some(names) ? 'full' : 'light';
}

function createLinker(dist, argv = process.argv.slice(2)) {
  const bundles = new Map();
  const instances = new Map();
  // A cache made by a run that called the service also covers the code of a call.
  const full = () => bundles.has('net');
  const expected = expectedKind(argv);

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
      if (UNCACHED.has(name)) run(new vm.Script(readBundle(file).wrapped, { filename: path.resolve(file) }), file, module, bundleRequire);
      else loadWithCodeCache(file, { full, expected, module, require: bundleRequire });
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

  return { load, linked, loaded: (name) => bundles.has(name) };
}

/**
 * Bundles compiled without a code cache: the version line's few functions compile in less time
 * than a cache is looked for, read and checked.
 */
const UNCACHED = new Set(['version']);

/**
 * `--version` alone, answered from the version bundle without reading the core, where the core
 * would only print the line (no config, credentials or alias file to read, none of the
 * variables it reads first: src/cli/version.ts). That is most `--version`s, and they then cost
 * Node's start and little more. True when answered.
 */
function answeredAlone(linker, argv) {
  if (argv.length !== 1 || argv[0] !== '--version') return false;
  return linker.linked(`${LINK}version:src/cli/version.ts`).answerVersionAlone(process.env);
}

module.exports = { loadWithCodeCache, BUILD_MARK, createLinker, expectedKind, userCacheParts };
// Run as the program (not required by bin/code-cache.cjs or bin/bundles.cjs for their parts).
if (require.main === module) {
  const linker = createLinker(path.join(__dirname, '..', 'dist'));
  if (!answeredAlone(linker, process.argv.slice(2))) linker.load('core');
}
