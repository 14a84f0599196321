// No import circles in src/: every module can be read, tested and loaded without the ones that
// import it. Value imports, re-exports and literal dynamic imports count (a lazily loaded command
// still has to be loadable on its own); `import type` does not, since it leaves no code behind.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

const SRC = join(REPO, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The src/ files a module imports at run time. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs: string[] = [];
  const statement = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]/g;
  for (let m; (m = statement.exec(text));) if (!m[1]) specs.push(m[2] as string);
  const dynamic = /import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m; (m = dynamic.exec(text));) specs.push(m[1] as string);
  return specs.filter((s) => s.startsWith('.')).flatMap((spec) => {
    const base = resolve(dirname(file), spec).replace(/\.js$/, '');
    const found = [`${base}.ts`, join(base, 'index.ts')].find((c) => existsSync(c));
    return found === undefined ? [] : [found];
  });
}

/** Strongly connected components of more than one module, or of one that imports itself. */
function circles(files: string[], root = REPO): string[][] {
  const edges = new Map(files.map((f) => [f, importsOf(f)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component.map((f) => relative(root, f)).sort());
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return found;
}

describe('src/', () => {
  it('has no import circles', () => {
    expect(circles(sourceFiles(SRC))).toEqual([]);
  });

  it('the check finds a circle when there is one, and not a type-only one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-circles-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b.js';\nexport const a = () => b;\n");
      writeFileSync(join(dir, 'b.ts'), "export const b = async () => (await import('./a.js')).a;\n");
      writeFileSync(join(dir, 'c.ts'), "import type { d } from './d.js';\nexport const c = (x: typeof d) => x;\n");
      writeFileSync(join(dir, 'd.ts'), "import { c } from './c.js';\nexport const d = c;\n");
      expect(circles(sourceFiles(dir), dir)).toEqual([['a.ts', 'b.ts']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
