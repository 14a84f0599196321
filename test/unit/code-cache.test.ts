// bin/code-cache.cjs: a bundle loads with or without its V8 code cache, and a missing or stale
// cache is replaced by one that fits this Node (run in child processes, as the CLI runs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

const loader = join(REPO, 'bin', 'code-cache.cjs');
const run = (file: string) => spawnSync(process.execPath, ['-e',
  `const r = require(${JSON.stringify(loader)}).loadWithCodeCache(${JSON.stringify(file)}); console.log(r.answer(20))`], { encoding: 'utf8' });

describe('code cache loader', () => {
  it('loads a bundle, writes its cache at exit, and uses it next time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-cache-'));
    const file = join(dir, 'bundle.cjs');
    writeFileSync(file, 'exports.answer = (n) => n * 2 + 2;\n');
    expect(run(file).stdout).toBe('42\n');
    expect(existsSync(`${file}.cache`)).toBe(true);
    const before = statSync(`${file}.cache`).mtimeMs;
    expect(run(file).stdout).toBe('42\n');
    expect(statSync(`${file}.cache`).mtimeMs).toBe(before); // accepted: not rewritten
  });

  it('a cache that does not fit is ignored and replaced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-cache-'));
    const file = join(dir, 'bundle.cjs');
    writeFileSync(file, 'exports.answer = (n) => n + 22;\n');
    writeFileSync(`${file}.cache`, 'not a V8 code cache');
    const r = run(file);
    expect({ out: r.stdout, err: r.stderr }).toEqual({ out: '42\n', err: '' });
    expect(readFileSync(`${file}.cache`).toString()).not.toBe('not a V8 code cache');
  });

});
