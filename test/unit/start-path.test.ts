// What every run sets up before it knows what it will do: src/main.ts and the modules it imports
// statically, transitively. In the core bundle a module is set up when its importer is (esbuild's
// lazy initializers), so this is exactly what a `--version` pays for; anything reached only
// through an import() is set up by the runs that get there. Read from esbuild's own module graph,
// as the build reads it (scripts/build.mjs).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

async function setUpByEveryRun(): Promise<string[]> {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: REPO,
    entryPoints: [join(REPO, 'src/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [{
      name: 'static-only',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
      },
    }],
  });
  return Object.keys(result.metafile.inputs).filter((f) => !f.includes(':')).sort();
}

describe('the start of every run', () => {
  it('sets up neither commander, the command tree, the service model nor any package', async () => {
    const modules = await setUpByEveryRun();
    expect(modules).toContain('src/cli/driver.ts');
    expect(modules).toContain('src/cli/main-parser.ts');
    expect(modules.filter((m) => m.startsWith('node_modules/') || m.startsWith('src/service/model') || m.startsWith('src/service/cognito-idp')
      || ['src/cli/program.ts', 'src/cli/argparse-command.ts', 'src/cli/command-decls.ts', 'src/diagnostics/argv-log.ts'].includes(m))).toEqual([]);
  });
});
