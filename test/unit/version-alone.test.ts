// `--version` alone is answered by bin/ from the version bundle, without the core, where the core
// would only print the line (src/cli/version.ts). Wherever that answer is given, the core must
// give exactly the same, with nothing on stderr and exit 0: this sets every environment variable
// the program reads (each name written in src/) to values that change what it does, and
// puts the files the core reads in HOME, and compares the two.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerVersionAlone, versionAloneLine } from '../../src/cli/version.js';
import { baseEnv, BIN, REPO, runCli } from '../support/cli.js';

const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

/** Every environment variable's name that src/ spells out (settings, encodings, endpoints, proxies…). */
function namesInSource(): string[] {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"`]/g)) names.add(m[1]!);
        for (const m of text.matchAll(/\benv(?:\?\.|\.)([A-Z][A-Z0-9_]*)\b/g)) names.add(m[1]!);
      }
    }
  };
  walk(join(REPO, 'src'));
  // Names src/ makes rather than spells (urllib's `<scheme>_proxy` in any case), and the locale.
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'ALL_PROXY', 'NO_PROXY', 'no_proxy', 'REQUEST_METHOD', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TERM', 'COLUMNS']) names.add(name);
  names.delete('HOME');
  names.delete('PATH');
  return [...names].sort();
}

const VALUES = ['', 'x', 'on', 'utf-16', '/dev/null'];

const homes: string[] = [];
afterAll(() => { for (const home of homes) rmSync(home, { recursive: true, force: true }); });
const emptyHome = (): string => {
  const home = mkdtempSync(join(tmpdir(), 'cogso-version-'));
  homes.push(home);
  return home;
};

describe('--version alone, without the core', () => {
  it('is answered on a plain machine, as the core answers it', async () => {
    const home = emptyHome();
    const line = versionAloneLine(baseEnv(home), VERSION);
    expect(line).toMatch(/^cogsignout\/\S+ Node\.js\/\S+ \S+\/\S+ node\/\S+\n$/);
    const core = await runCli(['--version']);
    expect({ code: core.code, stdout: core.stdout, stderr: core.stderr }).toEqual({ code: 0, stdout: line, stderr: '' });
  });

  it('gives the core\'s answer whatever variable the program reads is set to, or leaves it to the core', async () => {
    const home = emptyHome();
    const names = namesInSource();
    // The list is what it claims: the program's settings are in it.
    expect(names).toEqual(expect.arrayContaining(['AWS_CONFIG_FILE', 'AWS_CLI_OUTPUT_ENCODING', 'AWS_CA_BUNDLE', 'AWS_CSM_ENABLED', 'HTTPS_PROXY', 'PYTHONIOENCODING', 'SSLKEYLOGFILE']));
    let answered = 0;
    const differ: string[] = [];
    for (const name of names) {
      for (const value of VALUES) {
        const line = versionAloneLine({ ...baseEnv(home), [name]: value }, VERSION);
        if (line === undefined) continue;
        answered++;
        const core = await runCli(['--version'], { env: { [name]: value } });
        if (core.code !== 0 || core.stdout !== line || core.stderr !== '') differ.push(`${name}=${value}: ${core.code} ${JSON.stringify(core.stdout)} ${JSON.stringify(core.stderr)}`);
      }
    }
    expect(differ).toEqual([]);
    // Not a test that passes by answering nothing: all but the few variables the core reads first.
    expect(answered).toBeGreaterThan((names.length - 6) * VALUES.length);
  });

  it('leaves every file the core would read, and every HOME it would expand, to the core', async () => {
    const cases: Array<{ files: Record<string, string>; dir?: string }> = [
      { files: { '.aws/config': '[default]\nregion = eu-west-1\n' } },
      { files: { '.aws/config': 'not ini\n' } },
      { files: { '.aws/credentials': '[default]\n' } },
      { files: { '.aws/cli/alias': '[toplevel]\nwho = sts get-caller-identity\n' } },
      { files: {}, dir: '.aws/config' },
    ];
    for (const { files, dir } of cases) {
      const home = emptyHome();
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(join(home, file, '..'), { recursive: true });
        writeFileSync(join(home, file), text);
      }
      if (dir !== undefined) mkdirSync(join(home, dir), { recursive: true });
      expect(versionAloneLine(baseEnv(home), VERSION), JSON.stringify({ files, dir })).toBeUndefined();
    }
    for (const home of ['relative/home', '~', '/tmp/$USER', '']) expect(versionAloneLine({ ...baseEnv('/'), HOME: home }, VERSION), home).toBeUndefined();
    const { HOME: _home, ...noHome } = baseEnv('/');
    expect(versionAloneLine(noHome, VERSION)).toBeUndefined();
    // HOME as the root: `/.aws/config`, as expanduser makes it.
    const atRoot = ['/.aws/config', '/.aws/credentials', '/.aws/cli/alias'].some(existsAt);
    expect(versionAloneLine({ ...baseEnv('/'), HOME: '/' }, VERSION)).toBe(atRoot ? undefined : versionAloneLine(baseEnv(emptyHome()), VERSION));
  });

  it('leaves a write that fails to the core, which then writes it from the start', async () => {
    const env = baseEnv(emptyHome());
    expect(answerVersionAlone(env, VERSION, () => { throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }); })).toBe(false);
    expect(answerVersionAlone(env, VERSION, () => 0)).toBe(false);
    const written: string[] = [];
    expect(answerVersionAlone(env, VERSION, (text) => { written.push(text); return text.length; })).toBe(true);
    expect(written).toEqual([versionAloneLine(env, VERSION)]);
    // Nothing written: the core writes the whole line.
    const core = await runCli(['--version']);
    expect(core.stdout).toBe(written[0]);
  });

  // In process: the core's run must be the one that reads what bin/ wrote (one module, as the
  // linker shares the version bundle's with the core).
  it.skipIf(process.env.COGSO_TEST_SPAWN === '1')('leaves the rest of a write that took part of the line (a terminal, a socket) to the core, which writes only the rest', async () => {
    const env = baseEnv(emptyHome());
    const line = versionAloneLine(env, VERSION) as string;
    expect(answerVersionAlone(env, VERSION, () => 10)).toBe(false);
    const core = await runCli(['--version']);
    expect({ code: core.code, stdout: core.stdout, stderr: core.stderr }).toEqual({ code: 0, stdout: line.slice(10), stderr: '' });
    // Said once: the next run writes its own line whole.
    expect((await runCli(['--version'])).stdout).toBe(line);
  });

  // The process: bin/'s linker hands the core the version bundle's own module, which knows.
  it('writes the line once, from bin/ through the core, when the first write takes part of it', () => {
    const home = emptyHome();
    // The first write to fd 1 takes 10 bytes, as a terminal or a socket may.
    const preload = join(home, 'partial.cjs');
    writeFileSync(preload, `const fs = require('node:fs'); const write = fs.writeSync; let first = true;
fs.writeSync = function (fd, data, ...rest) {
  if (fd === 1 && first && typeof data === 'string') { first = false; return write.call(fs, 1, data.slice(0, 10)); }
  return write.call(fs, fd, data, ...rest);
};`);
    const r = spawnSync(process.execPath, ['--require', preload, BIN, '--version'], { env: baseEnv(home), encoding: 'utf8' });
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: versionAloneLine(baseEnv(home), VERSION), stderr: '' });
  });
});

function existsAt(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
