// Bundles the CLI into dist/ with esbuild. Code splitting keeps the AWS SDK in chunks that
// only the network path imports, so --version, help, skeletons and argument errors stay fast.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// Some dependencies are CommonJS and call require() for Node built-ins; an ESM bundle has none.
const banner = "import { createRequire as __cogsoCreateRequire } from 'node:module';\n" +
  'const require = __cogsoCreateRequire(import.meta.url);';

// Code the SDK would load but cogsignout never runs: its default credential chain (we resolve
// credentials ourselves) and a browser user-agent parser. See the stubs' comments.
const alias = {
  '@aws-sdk/credential-provider-node': './src/transport/sdk-stubs/credential-provider-node.ts',
  bowser: './src/transport/sdk-stubs/empty.ts',
};

await build({
  entryPoints: {
    cogsignout: 'src/main.ts',
    'local-cognito': 'test/local-cognito/serve.ts',
    demo: 'scripts/demo.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // Prefer the ES module builds: they tree-shake, and their named exports survive dynamic import().
  mainFields: ['module', 'main'],
  target: 'node20',
  banner: { js: banner },
  legalComments: 'none',
  alias,
  define: { __COGSIGNOUT_VERSION__: JSON.stringify(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version) },
  logLevel: 'warning',
});

// The SDK's credential providers stay out of net.cjs: only uncommon credential sources need them.
const credentialProvidersApart = {
  name: 'credential-providers-apart',
  setup(b) {
    b.onResolve({ filter: /\/sdk-providers\.js$/ }, () => ({ path: './credential-providers.cjs', external: true }));
  },
};
await build({
  entryPoints: { 'credential-providers': 'src/credentials/sdk-providers.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  supported: { 'dynamic-import': false },
  alias,
  legalComments: 'none',
  logLevel: 'warning',
});

// The network path once more, as one CommonJS file that bin/ loads through V8's code cache
// (Node 20 caches compiled code only for scripts): see bin/code-cache.cjs.
await build({
  entryPoints: { net: 'src/net/index.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  // import() of Node built-ins becomes require(), which a vm.Script can run.
  supported: { 'dynamic-import': false },
  alias,
  plugins: [credentialProvidersApart],
  legalComments: 'none',
  logLevel: 'warning',
});
const { buildCodeCache } = createRequire(import.meta.url)('../bin/code-cache.cjs');
buildCodeCache(new URL('../dist/net.cjs', import.meta.url).pathname, (net) => net.warmUp());
