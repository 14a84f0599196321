// Bundles the CLI into dist/ with esbuild. Code splitting keeps the AWS SDK in chunks that
// only the network path imports, so --version, help, skeletons and argument errors stay fast.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// Some dependencies are CommonJS and call require() for Node built-ins; an ESM bundle has none.
const banner = "import { createRequire as __cogsoCreateRequire } from 'node:module';\n" +
  'const require = __cogsoCreateRequire(import.meta.url);';

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
  logLevel: 'warning',
});
