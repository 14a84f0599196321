// Writes man/cogsignout.1 from the help pages in src/help/pages.ts, so the manual page and
// `cogsignout help` always say the same thing. The TypeScript is bundled in memory with esbuild
// (already the build tool) and imported from a data: URL; nothing is left on disk but the page.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importDevDependency } from './dev-deps.mjs';

const { build } = await importDevDependency('esbuild');

const root = new URL('..', import.meta.url);
const bundle = await build({
  entryPoints: [fileURLToPath(new URL('src/help/manual.ts', root))],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
const source = bundle.outputFiles[0].text;
const { manualPage } = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

mkdirSync(new URL('man/', root), { recursive: true });
writeFileSync(new URL('man/cogsignout.1', root), manualPage(version));
