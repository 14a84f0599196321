// Builds dist/ with esbuild. The program ships as three CommonJS bundles that bin/ loads through
// V8's code cache (bin/code-cache.cjs: compiling is most of a cold start):
//   core.cjs                 the command line, configuration, input and output; no AWS SDK
//   net.cjs                  the network path: the SDK client, credentials, client settings
//   credential-providers.cjs the SDK's providers for assume-role, SSO, processes, containers, IMDS
// Each is loaded only when reached, so --version, help, skeletons and argument errors never
// read the SDK. The demo and the local endpoint are plain ES module bundles.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Keeps a module out of a bundle: imports of `filter` from `importer` are required at run time
 * from the bundle file next to it.
 */
const apart = (filter, importer, file) => ({
  name: `apart:${file}`,
  setup(b) {
    b.onResolve({ filter }, (args) => (args.importer.endsWith(importer) ? { path: `./${file}`, external: true } : undefined));
  },
});

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

/** The providers' own reads of config files, SSO token caches and container token files, bounded like cogsignout's (see the stub). */
const boundedSdkReads = {
  name: 'bounded-sdk-reads',
  setup(b) {
    const path = new URL('../src/transport/sdk-stubs/lazy-fs-promises.ts', import.meta.url).pathname;
    b.onResolve({ filter: /^node:fs\/promises$/ }, (args) => (/shared-ini-file-loader\/(?:readFile|getSSOTokenFromFile)\.js$|fromHttp\/fromHttp\.js$/.test(args.importer) ? { path } : undefined));
  },
};
await build({ ...cjs, entryPoints: { 'credential-providers': 'src/credentials/sdk-providers.ts' }, plugins: [boundedSdkReads] });
/** Built-ins the SDK loads at start-up for code a Cognito call never runs (see the stubs). */
const leanBuiltins = {
  name: 'lean-builtins',
  setup(b) {
    const stub = (file) => ({ path: new URL(`../src/transport/sdk-stubs/${file}`, import.meta.url).pathname });
    b.onResolve({ filter: /^node:zlib$/ }, (args) => (/checksum\/crc32\/Crc32Node\.js$/.test(args.importer) ? stub('no-zlib.ts') : undefined));
    b.onResolve({ filter: /^node:fs\/promises$/ }, (args) => (/shared-ini-file-loader\/readFile\.js$/.test(args.importer) ? stub('lazy-fs-promises.ts') : undefined));
    // node:https and TLS, loaded only by a call to an https endpoint.
    b.onResolve({ filter: /^\.\/node-https$/ }, (args) => (/node-http-handler\/dist-es\/node-http-handler\.js$/.test(args.importer) ? stub('lazy-https.ts') : undefined));
    b.onResolve({ filter: /^node:https$/ }, (args) => (/src\/transport\/(?:client|http-send)\.ts$/.test(args.importer) ? stub('lazy-https.ts') : undefined));
    b.onResolve({ filter: /^hpagent$/ }, (args) => (/src\/transport\/client\.ts$/.test(args.importer) ? stub('lazy-hpagent.ts') : undefined));
  },
};
await build({ ...cjs, entryPoints: { net: 'src/net/index.ts' }, plugins: [leanBuiltins] });
/** commander's load-time import of node:child_process, for executable subcommands cogsignout has none of (see the stub). */
const leanCommander = {
  name: 'lean-commander',
  setup(b) {
    const path = new URL('../src/cli/stubs/lazy-child-process.ts', import.meta.url).pathname;
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (/commander\/lib\/command\.js$/.test(args.importer) ? { path } : undefined));
  },
};
// The core reaches the network module through bin/'s hook (src/net/load.ts), and the SDK's
// credential providers through src/credentials/chain.ts: neither may be pulled into the core.
await build({
  ...cjs,
  entryPoints: { core: 'src/main.ts' },
  plugins: [apart(/^\.\/index\.js$/, 'src/net/load.ts', 'net.cjs'), apart(/\/sdk-providers\.js$/, 'src/credentials/chain.ts', 'credential-providers.cjs'), leanCommander],
});

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
const { buildCodeCache, BUILD_MARK } = createRequire(import.meta.url)('../bin/code-cache.cjs');
// They are made ASCII only: esbuild escapes every other character in code, but leaves a few
// comments as written, and one such character makes V8 hold the whole source as two-byte text
// (twice the memory, a slower read on every start).
for (const name of ['core.cjs', 'net.cjs']) {
  const text = readFileSync(dist(name), 'utf8').replace(/[^\x00-\x7f]/g, '?');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 20);
  writeFileSync(dist(name), `${text}${BUILD_MARK}${hash}\n`);
}

// Code caches, made here so that the first run is already fast: each bundle after one signed
// sign-out against a throwaway endpoint on 127.0.0.1 that answers `{}`, so that the cache
// covers the whole path of a call. They fit the Node that runs the build; on any other Node the
// first run makes the user's own cache (see bin/code-cache.cjs).
const warmEndpoint = createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1' }); res.end('{}'); });
});
await new Promise((resolve) => warmEndpoint.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${warmEndpoint.address().port}`;
// The core's cache is the one a first run of the CLI makes, in a throwaway user cache.
const warmCache = mkdtempSync(join(tmpdir(), 'cogso-build-cache-'));
try {
  await buildCodeCache(dist('net.cjs'), (net) => net.warmUp(endpoint));
  const warm = await new Promise((resolve) => {
    const child = spawn(process.execPath, [new URL('../bin/cogsignout.js', import.meta.url).pathname,
      'admin-user-global-sign-out', '--user-pool-id', 'us-east-1_Warm', '--username', 'warm-up', '--endpoint-url', endpoint], {
      stdio: 'ignore',
      env: {
        PATH: process.env.PATH, HOME: warmCache, XDG_CACHE_HOME: warmCache, AWS_REGION: 'us-east-1', AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_ACCESS_KEY_ID: 'AKIDWARMUP', AWS_SECRET_ACCESS_KEY: 'warm-up',
      },
    });
    child.on('close', resolve);
  });
  if (warm !== 0) throw new Error(`warming the core's code cache failed (exit ${warm})`);
  const made = readFileSync(dist('core.cjs'), 'utf8');
  const id = made.slice(made.lastIndexOf(BUILD_MARK) + BUILD_MARK.length).trim();
  // Read and written, not copied: the user's cache is private (0600), the shipped one readable by all.
  writeFileSync(dist('core.cjs.cache'), readFileSync(join(warmCache, 'cogsignout', `core.cjs@${id}-${process.version}-${process.arch}.full.cache`)));
} finally {
  warmEndpoint.close();
  rmSync(warmCache, { recursive: true, force: true });
}
