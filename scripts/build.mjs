// Builds dist/ with esbuild. The program ships as CommonJS bundles that bin/ loads through V8's
// code cache (bin/code-cache.cjs): compiling is most of a cold start, and on Node 20 (no
// module.enableCompileCache) and 22+ (whose cache holds only what is compiled before the code
// runs) only a vm.Script of CommonJS source can be cached whole, lazily compiled functions
// included. That is why this is not esbuild's code splitting, which writes ES modules only.
//
// The bundles split the program where it already loads code lazily (an `import()`): each one's
// root is a module reached only that way (see BUNDLES), so --version, skeletons and argument
// errors read the core alone, which holds no SDK, and a sign-out reads the core, the credential
// chain and the network bundle. Each module is in exactly one bundle: the build
// first bundles every root on its own to see which modules each reaches, gives a module to the
// first bundle (in BUNDLES' order) that reaches it, and then builds each bundle with the
// modules other bundles own left out, as `cogso-link:<bundle>:<module>` requires, which the
// loader (bin/bundles.cjs) answers with the owner's own instance of that module. So there is one
// copy of every class, every table and every piece of module state of src/ at run time (an
// error made in the network bundle is an instance of the core's CliError), compiled once.
// The demo and the local endpoint are plain ES module bundles.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDevDependency } from './dev-deps.mjs';
import { sdkRegions } from './sdk-regions.mjs';

const { build } = await importDevDependency('esbuild');

const dist = (name) => new URL(`../dist/${name}`, import.meta.url).pathname;
rmSync(dist(''), { recursive: true, force: true });

// Code the SDK would load but cogsignout never runs: its default credential chain (we resolve
// credentials ourselves) and a browser user-agent parser. See the stubs' comments.
const alias = {
  '@aws-sdk/credential-provider-node': './src/transport/sdk-stubs/credential-provider-node.ts',
  bowser: './src/transport/sdk-stubs/empty.ts',
};
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Prefer the ES module builds of packages: they tree-shake.
  mainFields: ['module', 'main'],
  alias,
  // The directory the code caches are made in, which V8 then reports in tracebacks (see
  // src/errors/stack-paths.ts); the SDK's region names, for completion without the SDK.
  define: {
    __COGSIGNOUT_VERSION__: JSON.stringify(version),
    __COGSIGNOUT_BUILT_DIST__: JSON.stringify(dist('').replace(/\/$/, '')),
    __COGSIGNOUT_SDK_REGIONS__: JSON.stringify(sdkRegions()),
  },
  legalComments: 'none',
  logLevel: 'warning',
};
const cjs = {
  ...common,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // import() becomes require() (a lazily run module), which a vm.Script can execute.
  supported: { 'dynamic-import': false },
};

/**
 * Redirections of imports, each for its importers: built-ins loaded at start-up for code a run
 * may never reach, and the SDK providers' own reads of config files, SSO token caches and
 * container token files, bounded like cogsignout's (see the stubs in src/transport/sdk-stubs/).
 */
const sdkStubs = {
  name: 'sdk-stubs',
  setup(b) {
    const stub = (file) => ({ path: new URL(`../src/transport/sdk-stubs/${file}`, import.meta.url).pathname });
    b.onResolve({ filter: /^node:zlib$/ }, (args) => (/checksum\/crc32\/Crc32Node\.js$/.test(args.importer) ? stub('no-zlib.ts') : undefined));
    b.onResolve({ filter: /^\.\/uuid\/v4$/ }, (args) => (/submodules\/serde\/index\.js$/.test(args.importer) ? stub('node-uuid.ts') : undefined));
    b.onResolve({ filter: /^node:fs\/promises$/ }, (args) => (/shared-ini-file-loader\/(?:readFile|getSSOTokenFromFile)\.js$|fromHttp\/fromHttp\.js$/.test(args.importer) ? stub('lazy-fs-promises.ts') : undefined));
    // node:https and TLS, loaded only by a call to an https endpoint.
    b.onResolve({ filter: /^\.\/node-https$/ }, (args) => (/node-http-handler\/dist-es\/node-http-handler\.js$/.test(args.importer) ? stub('lazy-https.ts') : undefined));
    b.onResolve({ filter: /^node:https$/ }, (args) => (/src\/transport\/(?:client|http-send)\.ts$/.test(args.importer) ? stub('lazy-https.ts') : undefined));
    b.onResolve({ filter: /\/tunnel-agent\.js$/ }, (args) => (/src\/(?:transport\/client|credentials\/remote)\.ts$/.test(args.importer) ? stub('lazy-tunnel-agent.ts') : undefined));
    // node:child_process (and with it node:net and the streams), which the program's own modules
    // import at start-up, loaded by the first process they run.
    // commander imports it at load too, for executable subcommands, which cogsignout's tree has none of.
    // node:os, which the program's own modules import for the version line and a few paths.
    b.onResolve({ filter: /^node:os$/ }, (args) => (args.importer.startsWith(`${REPO}src/`) && !args.importer.includes('/sdk-stubs/') ? stub('lazy-os.ts') : undefined));
    // node:net, which the endpoint checks import for a bracketed host's IP check.
    b.onResolve({ filter: /^node:net$/ }, (args) => (/src\/transport\/endpoint\.ts$/.test(args.importer) ? stub('lazy-net.ts') : undefined));
    b.onResolve({ filter: /^node:child_process$/ }, (args) => ((args.importer.startsWith(`${REPO}src/`) && !args.importer.includes('/sdk-stubs/')) || /commander\/lib\/command\.js$/.test(args.importer) ? stub('lazy-child-process.ts') : undefined));
  },
};

/**
 * The bundles, in the order that decides which one owns a module reached by several: the
 * common path first. Each root is a module the program loads only by `import()` (or, for the
 * core, the program itself); `why` is when the bundle is read.
 */
let BUNDLES = [
  { name: 'core', root: 'src/main.ts', why: 'every run: the command line, configuration, input and output; no AWS SDK' },
  { name: 'version', root: 'src/cli/version.ts', why: "--version: the version line; bin/ answers `--version` alone from it, before the core is read, where the core would only print the line" },
  { name: 'query', root: 'src/output/query.ts', why: '--query: the JMESPath compiler and interpreter' },
  { name: 'credentials', root: 'src/credentials/chain.ts', why: 'a command about to sign a call: the credential chain' },
  { name: 'net', root: 'src/net/index.ts', why: 'a command about to call the service: the SDK client' },
  { name: 'credential-providers', root: 'src/credentials/sdk-providers.ts', why: "assume-role, SSO, containers, IMDS: the SDK's providers" },
  { name: 'yaml', root: 'src/input/yaml-input.ts', why: '--cli-input-yaml: the YAML reader and js-yaml' },
  { name: 'history', root: 'src/cli/cli-history.ts', why: 'cli_history = enabled: the history database set-up' },
  { name: 'charmaps', root: 'src/util/charmaps.ts', why: "AWS_CLI_FILE_ENCODING naming one of Python's single-byte code pages the core has no table of (Windows, DOS, Mac, EBCDIC)" },
  { name: 'cjk', root: 'src/util/cjk/index.ts', why: "AWS_CLI_OUTPUT_ENCODING or PYTHONIOENCODING naming one of Python's CJK codecs (shift_jis, cp932, euc_jp, gbk, gb18030, gb2312, big5, cp950, euc_kr, cp949): their encoding tables" },
  { name: 'bulk', root: 'src/commands/bulk-sign-out.ts', why: 'bulk-sign-out' },
  { name: 'help', root: 'src/help/show.ts', why: 'help pages' },
  { name: 'completion', root: 'src/completion/index.ts', why: 'shell completion' },
  { name: 'prompt', root: 'src/prompt/index.ts', why: '--cli-auto-prompt' },
];
const REPO = new URL('..', import.meta.url).pathname;
for (const { root } of BUNDLES) if (!existsSync(join(REPO, root))) throw new Error(`build: the root ${root} of a bundle is gone; update BUNDLES in scripts/build.mjs`);
let rootOf = new Map(BUNDLES.map((b) => [b.root, b.name]));
/** Roots the core imports statically (found by pass 1): their bundles would be read by every run. */
const staticRoots = new Set();
const LINK = 'cogso-link:';
const INNER = { linkResolving: true };
const relative = (path) => (path.startsWith(REPO) ? path.slice(REPO.length) : path);

/**
 * In bundle `self`: an import of another bundle's root, or of a module `owner` gives another
 * bundle, becomes a link that the loader answers with that bundle's instance of the module.
 */
const linker = (self, owner) => ({
  name: `link:${self}`,
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === INNER || args.kind === 'entry-point' || args.namespace !== 'file') return undefined;
      const r = await b.resolve(args.path, { importer: args.importer, resolveDir: args.resolveDir, kind: args.kind, pluginData: INNER });
      if (r.errors.length > 0 || r.external || r.namespace !== 'file') return undefined;
      const id = relative(r.path);
      const to = rootOf.get(id) ?? owner?.get(id);
      if (to !== undefined && to !== self) {
        // A static import would read the other bundle on every run, defeating the split: that
        // bundle is folded into the core instead (pass 1 finds it), with a warning.
        if (self === 'core' && rootOf.has(id) && args.kind !== 'dynamic-import') {
          staticRoots.add(id);
          console.warn(`build: ${relative(args.importer)} imports ${id} statically, so the bundle ${to} is folded into the core (import() it to keep it apart)`);
        }
        return { path: `${LINK}${to}:${id}`, external: true };
      }
      return { path: r.path, namespace: r.namespace, suffix: r.suffix, sideEffects: r.sideEffects, pluginData: r.pluginData };
    });
  },
});

// Pass 1: what each bundle reaches, from its own root to the other bundles' roots.
const reached = new Map();
const pass1 = (bundle) => build({ ...cjs, absWorkingDir: REPO, entryPoints: [bundle.root], write: false, metafile: true, plugins: [linker(bundle.name), sdkStubs] });
for (let folded = -1; folded !== staticRoots.size;) {
  folded = staticRoots.size;
  await pass1(BUNDLES[0]);
  BUNDLES = BUNDLES.filter((b) => !staticRoots.has(b.root));
  rootOf = new Map(BUNDLES.map((b) => [b.root, b.name]));
}
for (const bundle of BUNDLES) {
  const r = await pass1(bundle);
  // (Less the values of `define`, which esbuild lists as inputs named `<define:…>`.)
  reached.set(bundle.name, Object.fromEntries(Object.entries(r.metafile.inputs).filter(([f]) => !f.includes(':'))));
}
// A package's module is shared only from the core: the SDK's entry modules re-export whole
// packages, and one handed out keeps everything (the network bundle would double), so the SDK
// modules that the network bundle and the SDK's providers both use are in each of the two, as
// they were before. (No src/ module re-exports wholesale: each is shared from its owner.)
const owner = new Map();
for (const bundle of BUNDLES) {
  for (const f of Object.keys(reached.get(bundle.name))) {
    if (!owner.has(f) && (bundle.name === 'core' || !f.startsWith('node_modules/') || rootOf.has(f))) owner.set(f, bundle.name);
  }
}
// What each bundle must hand out: its root, and each module it owns that a module of another
// bundle imports (only those: a module handed out keeps all of its exports).
const exported = new Map(BUNDLES.map((b) => [b.name, new Set(b.name === 'core' ? [] : [b.root])]));
for (const [name, inputs] of reached) {
  for (const [f, { imports }] of Object.entries(inputs)) {
    if (owner.has(f) && owner.get(f) !== name) continue; // linked to, not in this bundle
    for (const { path } of imports) if (owner.has(path) && owner.get(path) !== name) exported.get(owner.get(path)).add(path);
  }
}

// Pass 2: each bundle's entry is a table of the modules it hands out. In the core, each is set
// up on first use (esbuild turns require() of a bundled ES module into its lazy initializer),
// as --version must not set up what only a call uses; then the core's entry runs the program.
// Any other bundle is read when its code is about to run, and is set up whole when read, as
// one ES module: so esbuild leaves out what nothing uses (a require()d module keeps all of its
// code, and the modules it imports are no longer tree-shaken either: net.cjs was 815 KiB so,
// against 547).
const entryCode = (bundle) => {
  const files = [...exported.get(bundle.name)].sort();
  if (bundle.name === 'core') {
    return `module.exports = {\n${files.map((f) => `  ${JSON.stringify(f)}: () => require(${JSON.stringify(`./${f}`)}),\n`).join('')}};\nrequire(${JSON.stringify(`./${bundle.root}`)});\n`;
  }
  return `${files.map((f, i) => `import * as m${i} from ${JSON.stringify(`./${f}`)};\n`).join('')}export const links = {\n${files.map((f, i) => `  ${JSON.stringify(f)}: () => m${i},\n`).join('')}};\n`;
};
const entry = (bundle) => ({
  name: 'bundle-entry',
  setup(b) {
    b.onResolve({ filter: /^cogso-entry$/ }, () => ({ path: bundle.name, namespace: 'cogso-entry' }));
    b.onLoad({ filter: /.*/, namespace: 'cogso-entry' }, () => ({ loader: 'js', resolveDir: REPO, contents: entryCode(bundle) }));
  },
});
for (const bundle of BUNDLES) {
  await build({ ...cjs, absWorkingDir: REPO, entryPoints: { [bundle.name]: 'cogso-entry' }, plugins: [entry(bundle), linker(bundle.name, owner), sdkStubs] });
}
const BUNDLE_FILES = BUNDLES.map((b) => `${b.name}.cjs`);

// In the core, each module is set up on first use (its `init_` function), but esbuild defines the
// getters of every module's namespace object (`__export(x_exports, {...})`, ~200 getters in ~40 calls, which
// another bundle's link or an import() reads) when the bundle loads: ~1.2 M instructions of
// every start on Node 22. Nor are they made when the module is set up: most modules a run sets
// up (every one a `--version` does) are never read as a namespace, and their getters cost such a
// run ~1.5 M more. Each is made on the namespace's first read instead, by a function standing in
// for it at every reader, which all read it right after setting its module up
// (`(init_x(), x_exports)`); a module without one keeps it.
{
  const file = dist('core.cjs');
  let text = readFileSync(file, 'utf8');
  const exportsOf = /\n\/\/ ([^\n]+)\nvar (\w+_exports\d*) = \{\};\n(__export\(\2, \{\n[^]*?\n\}\);)\n/g;
  const found = [...text.matchAll(exportsOf)].filter(([, , name]) => !new RegExp(`\\b${name}_made\\b`).test(text));
  if (found.length === 0) throw new Error('build: no namespace of the core made on first read (esbuild\'s output changed?)');
  // A namespace read anywhere but right after an init call would be read without its getters
  // (undefined exports on that path only): refuse the build instead.
  for (const [, , name] of found) {
    text = text.replace(new RegExp(`\\b${name}\\b`, 'g'), (word, index) => {
      const before = text.slice(Math.max(0, index - 80), index);
      if (/var $/.test(before) || /__export\($/.test(before)) return word;
      if (/\binit_[\w$]+\(\), (__toCommonJS\()?$/.test(before)) return `${name}_made()`;
      throw new Error(`build: core.cjs reads ${name} without setting its module up first (esbuild's output changed?)`);
    });
  }
  for (const [whole, , name, call] of found) {
    // Replaces itself on its first call, so that a later read costs a call only.
    const made = `${name}_made`;
    const maker = `var ${made} = () => (${made} = () => ${name}, ${call.slice(0, -1)}, ${name});\n`;
    // A function, so that a `$` in a module's path is not read as a replacement pattern.
    text = text.replace(whole, () => `${whole.slice(0, whole.length - call.length - 1)}${maker}`);
  }
  writeFileSync(file, text);
}

// Some dependencies of the local endpoint are CommonJS and call require(); an ESM bundle has none.
await build({
  ...common,
  entryPoints: { 'local-cognito': 'local-cognito/serve.ts', demo: 'scripts/demo.ts' },
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  banner: { js: "import { createRequire as __cogsoCreateRequire } from 'node:module';\nconst require = __cogsoCreateRequire(import.meta.url);" },
});

// Each cached bundle ends with a hash of its content, which names the users' own caches of it
// (V8 checks a cache against the source's length only).
const { BUILD_MARK, userCacheParts } = createRequire(import.meta.url)('../bin/code-cache.cjs');
// They are made ASCII only: esbuild escapes every other character in code, but leaves a few
// comments as written, and one such character makes V8 hold the whole source as two-byte text
// (twice the memory, a slower read on every start).
for (const name of BUNDLE_FILES) {
  const text = readFileSync(dist(name), 'utf8').replace(/[^\x00-\x7f]/g, '?');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 20);
  writeFileSync(dist(name), `${text}${BUILD_MARK}${hash}\n`);
}

// Code caches, made here so that the first run is already fast: the caches first runs of the CLI
// make in a throwaway user cache, each bundle's after the run that reaches the most of it (a
// signed sign-out against a throwaway endpoint on 127.0.0.1 that answers `{}` covers the whole
// path of a call). They fit the Node that runs the build; on any other Node the first run makes
// the user's own cache (see bin/code-cache.cjs). The prompt (a terminal), the SDK's
// providers (an STS or SSO endpoint) and the rarer code pages (data) are left to the user's first use.
const warmEndpoint = createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1' }); res.end('{}'); });
});
await new Promise((resolve) => warmEndpoint.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${warmEndpoint.address().port}`;
const warmCache = mkdtempSync(join(tmpdir(), 'cogso-build-cache-'));
const cli = (args) => new Promise((resolve, reject) => {
  const child = spawn(process.execPath, [new URL('../bin/cogsignout.js', import.meta.url).pathname, ...args], {
    stdio: 'ignore',
    cwd: warmCache,
    env: {
      PATH: process.env.PATH, HOME: warmCache, XDG_CACHE_HOME: warmCache, AWS_REGION: 'us-east-1', AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_ACCESS_KEY_ID: 'AKIDWARMUP', AWS_SECRET_ACCESS_KEY: 'warm-up',
    },
  });
  child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`warming the code caches: cogsignout ${args.join(' ')} exited ${code}`))));
});
try {
  const signOut = ['admin-user-global-sign-out', '--user-pool-id', 'us-east-1_Warm', '--username', 'warm-up', '--endpoint-url', endpoint];
  writeFileSync(join(warmCache, 'users.txt'), 'warm-up\nwarm-up-2\n');
  await cli(signOut);
  await cli(['admin-user-global-sign-out', '--cli-input-yaml', 'UserPoolId: us-east-1_Warm\nUsername: warm-up\n', '--query', 'Username', '--endpoint-url', endpoint]);
  await cli(['bulk-sign-out', '--user-pool-id', 'us-east-1_Warm', '--usernames-file', 'users.txt', '--endpoint-url', endpoint]);
  await cli(['admin-user-global-sign-out', 'help']);
  await cli(['completion', 'bash']);
  await cli(['__complete', 'regions']);
  const made = readdirSync(join(warmCache, 'cogsignout'));
  for (const name of BUNDLE_FILES) {
    const text = readFileSync(dist(name), 'utf8');
    const id = text.slice(text.lastIndexOf(BUILD_MARK) + BUILD_MARK.length).trim();
    const [cache] = ['full', 'light'].map((kind) => `${name}@${id}-${process.version}-${process.arch}.${kind}.cache`).filter((f) => made.includes(f));
    // Read and written, not copied: the user's cache is private (0600), the shipped one readable
    // by all; and the shipped one is V8's data alone, without the header a user cache has.
    if (cache === undefined) continue;
    const parts = userCacheParts(readFileSync(join(warmCache, 'cogsignout', cache)));
    if (parts === undefined) throw new Error(`build: ${cache} is not a user cache of bin/cogsignout.js's making`);
    writeFileSync(dist(`${name}.cache`), parts.data);
  }
} finally {
  warmEndpoint.close();
  rmSync(warmCache, { recursive: true, force: true });
}
