// Builds dist/ with esbuild. The program ships as three CommonJS bundles that bin/ loads through
// V8's code cache (Node 20 caches compiled code only for scripts, not for ES modules, and
// compiling is most of a cold start):
//   core.cjs                 the command line, configuration, input and output; no AWS SDK
//   net.cjs                  the network path: the SDK client, credentials, client settings
//   credential-providers.cjs the SDK's providers for assume-role, SSO, processes, containers, IMDS
// Each is loaded only when reached, so --version, help, skeletons and argument errors never
// read the SDK. The demo and the local endpoint are plain ES module bundles.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

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
  define: { __COGSIGNOUT_VERSION__: JSON.stringify(version) },
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

await build({ ...cjs, entryPoints: { 'credential-providers': 'src/credentials/sdk-providers.ts' } });
await build({ ...cjs, entryPoints: { net: 'src/net/index.ts' } });
// The core reaches the network module through bin/'s hook (src/net/load.ts), and the SDK's
// credential providers through src/credentials/chain.ts: neither may be pulled into the core.
await build({
  ...cjs,
  entryPoints: { core: 'src/main.ts' },
  plugins: [apart(/^\.\/index\.js$/, 'src/net/load.ts', 'net.cjs'), apart(/\/sdk-providers\.js$/, 'src/credentials/chain.ts', 'credential-providers.cjs')],
});

// Some dependencies of the local endpoint are CommonJS and call require(); an ESM bundle has none.
await build({
  ...common,
  entryPoints: { 'local-cognito': 'test/local-cognito/serve.ts', demo: 'scripts/demo.ts' },
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  banner: { js: "import { createRequire as __cogsoCreateRequire } from 'node:module';\nconst require = __cogsoCreateRequire(import.meta.url);" },
});

// Code caches, made here so that the first run is already fast: the network bundle after
// building (and dropping) a client; the core after a run that takes a sign-out's whole path
// through the core (parsing, configuration, validation, client settings, output) but sends
// nothing: `--generate-cli-skeleton output`.
const { buildCodeCache } = createRequire(import.meta.url)('../bin/code-cache.cjs');
buildCodeCache(dist('net.cjs'), (net) => net.warmUp());
const warm = spawnSync(process.execPath, [new URL('../bin/cogsignout.js', import.meta.url).pathname,
  'admin-user-global-sign-out', '--user-pool-id', 'us-east-1_Warm', '--username', 'warm-up', '--generate-cli-skeleton', 'output',
  '--endpoint-url', 'http://127.0.0.1:9', '--query', '`[]`'], {
  stdio: 'ignore',
  env: { PATH: process.env.PATH, HOME: process.env.HOME, AWS_REGION: 'us-east-1', AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' },
});
if (warm.status !== 0) throw new Error(`warming the core's code cache failed (exit ${warm.status})`);
