// bin/code-cache.cjs: a bundle loads with or without a V8 code cache; the shipped cache is used
// when it fits this Node, else the user's own cache ($XDG_CACHE_HOME/cogsignout), one per kind of
// run, made by the first run of its kind and rewritten only by a run that leaves by a way (a clean
// exit, an error) it does not cover; nothing is ever written next to the bundle, and a cache
// directory that cannot be used costs only the compile, silently. Run in child processes, as the
// CLI runs.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

const loader = join(REPO, 'bin', 'code-cache.cjs');

interface Setup { dir: string; file: string; cache: string }

function setup(source: string): Setup {
  const dir = mkdtempSync(join(tmpdir(), 'cogso-cache-'));
  const file = join(dir, 'app', 'bundle.cjs');
  mkdirSync(join(dir, 'app'));
  writeFileSync(file, source);
  return { dir, file, cache: join(dir, 'xdg') };
}

/**
 * Runs the bundle's answer(20) in a fresh Node; `full` is what the run tells the loader at exit,
 * `expected` the kind of cache its line is expected to make (the loader's default when undefined),
 * `exitCode` the run's exit status, `also` more of the bundle's exports to call (more code run).
 */
async function run(s: Setup, env: Record<string, string | undefined> = { XDG_CACHE_HOME: s.cache }, full = false, expected?: string, exitCode = 0, also: readonly string[] = []): Promise<{ out: string; err: string; code: number | null }> {
  const options = `{ full: () => ${full}${expected === undefined ? '' : `, expected: ${JSON.stringify(expected)}`} }`;
  const child = spawn(process.execPath, ['-e',
    `const r = require(${JSON.stringify(loader)}).loadWithCodeCache(${JSON.stringify(s.file)}, ${options}); console.log(r.answer(20)); ${also.map((f) => `r.${f}();`).join(' ')} process.exitCode = ${exitCode}`],
  { env: { PATH: process.env.PATH, ...env } });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { out, err, code };
}

const { userCacheParts, BUILD_MARK } = createRequire(import.meta.url)(loader) as { userCacheParts: (bytes: Buffer) => { data: Buffer; covers: number } | undefined; BUILD_MARK: string };
const kindsOf = (s: Setup): string[] => userCaches(s).map((n) => /\.(\w+)\.cache$/.exec(n)![1]!);
const coversOf = (s: Setup, kind: string): number | undefined => {
  const name = userCaches(s).find((n) => n.endsWith(`.${kind}.cache`));
  return name === undefined ? undefined : userCacheParts(readFileSync(join(s.cache, 'cogsignout', name)))?.covers;
};

const userCaches = (s: Setup): string[] => (existsSync(join(s.cache, 'cogsignout')) ? readdirSync(join(s.cache, 'cogsignout')).sort() : []);
const ok = { out: '42\n', err: '', code: 0 };

// Side by side: each test has its own directories, and its runs are processes of their own.
describe.concurrent('code cache loader', () => {
  it('without a shipped cache, the first run makes the user cache and later runs use it', async () => {
    const s = setup('exports.answer = (n) => n * 2 + 2;\n');
    expect(await run(s)).toEqual(ok);
    const made = userCaches(s);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(new RegExp(`^bundle\\.cjs@[0-9a-f]{20}-${process.version.replaceAll('.', '\\.')}-${process.arch}\\.light\\.cache$`));
    const file = join(s.cache, 'cogsignout', made[0]!);
    expect(statSync(join(s.cache, 'cogsignout')).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const before = statSync(file).mtimeMs;
    expect(await run(s)).toEqual(ok);
    expect(statSync(file).mtimeMs).toBe(before); // accepted: not rewritten
    expect(readdirSync(join(s.dir, 'app'))).toEqual(['bundle.cjs']); // nothing next to the bundle
  });

  it('a shipped cache that does not fit this Node is left alone and the user cache takes over', async () => {
    const s = setup('exports.answer = (n) => n + 22;\n');
    writeFileSync(`${s.file}.cache`, 'not a V8 code cache');
    expect(await run(s)).toEqual(ok);
    expect(readFileSync(`${s.file}.cache`, 'utf8')).toBe('not a V8 code cache');
    expect(userCaches(s)).toHaveLength(1);
  });

  it('a shipped cache that fits is used and no user cache is made', async () => {
    const s = setup('exports.answer = (n) => n + 22;\n');
    // Made as the build makes it: a run's own cache, shipped beside the bundle (V8's part).
    expect(await run(s)).toEqual(ok);
    const [made] = userCaches(s);
    writeFileSync(`${s.file}.cache`, userCacheParts(readFileSync(join(s.cache, 'cogsignout', made!)))!.data);
    rmSync(join(s.cache, 'cogsignout', made!));
    expect(await run(s)).toEqual(ok);
    expect(userCaches(s)).toEqual([]);
  });

  it('a cache of other content of the same length is never used', async () => {
    const s = setup('exports.answer = (n) => n * 2 + 2;\n');
    expect(await run(s)).toEqual(ok);
    writeFileSync(s.file, 'exports.answer = (n) => n * 2 + 3;\n');
    expect(await run(s)).toEqual({ ...ok, out: '43\n' });
    expect(userCaches(s)).toHaveLength(2);
  });

  it('a run that made a call adds its own cache beside one made by a run that made none, once', async () => {
    const s = setup('exports.answer = (n) => n * 2 + 2;\n');
    expect(await run(s)).toEqual(ok);
    expect(userCaches(s)[0]).toMatch(/\.light\.cache$/);
    expect(await run(s, undefined, true)).toEqual(ok);
    const made = userCaches(s);
    expect(made.map((n) => /\.(\w+)\.cache$/.exec(n)![1])).toEqual(['full', 'light']);
    const stamps = made.map((n) => statSync(join(s.cache, 'cogsignout', n)).mtimeMs);
    expect(await run(s)).toEqual(ok);
    expect(await run(s, undefined, true)).toEqual(ok);
    expect(await run(s, undefined, false, 'light')).toEqual(ok);
    expect(userCaches(s)).toEqual(made);
    expect(made.map((n) => statSync(join(s.cache, 'cogsignout', n)).mtimeMs)).toEqual(stamps);
  });

  it('each kind of run (version, light, full) makes its cache once, and the kinds live side by side', async () => {
    const s = setup('exports.answer = (n) => n * 2 + 2;\n');
    const kinds = (): string[] => userCaches(s).map((n) => /\.(\w+)\.cache$/.exec(n)![1]!);
    expect(await run(s, undefined, false, 'version')).toEqual(ok);
    expect(kinds()).toEqual(['version']);
    expect(await run(s, undefined, false, 'light')).toEqual(ok);
    expect(kinds()).toEqual(['light', 'version']);
    expect(await run(s, undefined, true, 'light')).toEqual(ok); // a guess that was wrong: the run made a call
    expect(kinds()).toEqual(['full', 'light', 'version']);
    const stamps = userCaches(s).map((n) => statSync(join(s.cache, 'cogsignout', n)).mtimeMs);
    for (const expected of ['version', 'light', 'full']) expect(await run(s, undefined, expected === 'full', expected)).toEqual(ok);
    expect(userCaches(s).map((n) => statSync(join(s.cache, 'cogsignout', n)).mtimeMs)).toEqual(stamps);
  });

  it('a run reads no cache of a kind covering more than its own (it would write one as large), but one covering less', async () => {
    // Code that only a call runs: a cache of a run that ran it holds it, deserialized or compiled.
    const s = setup(`exports.answer = (n) => n * 2 + 2;\nexports.call = () => [${Array.from({ length: 200 }, (_, i) => `(x) => x + ${i}`).join(', ')}].reduce((a, f) => f(a), 0);\n`);
    const size = (kind: string): number => statSync(join(s.cache, 'cogsignout', userCaches(s).find((n) => n.endsWith(`.${kind}.cache`))!)).size;
    expect(await run(s, undefined, true, 'full', 0, ['call'])).toEqual(ok);
    expect(await run(s, undefined, false, 'version')).toEqual(ok); // compiles, and makes its own
    expect(size('version')).toBeLessThan(size('full') / 2);
    const stamp = statSync(join(s.cache, 'cogsignout', userCaches(s).find((n) => n.endsWith('.version.cache'))!)).mtimeMs;
    expect(await run(s, undefined, false, 'version')).toEqual(ok);
    expect(await run(s, undefined, false, 'light')).toEqual(ok); // reads the version cache, makes its own
    expect(userCaches(s).map((n) => /\.(\w+)\.cache$/.exec(n)![1])).toEqual(['full', 'light', 'version']);
    expect(size('light')).toBeLessThan(size('full') / 2);
    expect(statSync(join(s.cache, 'cogsignout', userCaches(s).find((n) => n.endsWith('.version.cache'))!)).mtimeMs).toBe(stamp);
    // A `full` guess that made no call read the full cache: it writes no light one from it.
    const t = setup(`exports.answer = (n) => n * 2 + 2;\n`);
    expect(await run(t, { XDG_CACHE_HOME: t.cache }, true, 'full')).toEqual(ok);
    expect(await run(t, { XDG_CACHE_HOME: t.cache }, false, 'full')).toEqual(ok);
    expect(userCaches(t).map((n) => /\.(\w+)\.cache$/.exec(n)![1])).toEqual(['full']);
  });

  it('a run that leaves by a way its cache does not cover (an error after a clean run, or the reverse) rewrites it once, to cover both', async () => {
    const s = setup('exports.answer = (n) => n * 2 + 2;\n');
    const failed = { ...ok, code: 252 };
    const file = (): string => join(s.cache, 'cogsignout', userCaches(s)[0]!);
    const covers = (): number => userCacheParts(readFileSync(file()))!.covers;
    expect(await run(s, undefined, false, 'light')).toEqual(ok);
    expect(userCaches(s)).toHaveLength(1);
    expect(covers()).toBe(1); // a clean exit
    const clean = readFileSync(file());
    expect(await run(s, undefined, false, 'light', 252)).toEqual(failed);
    expect(userCaches(s)).toHaveLength(1);
    expect(covers()).toBe(3); // and an error
    const both = readFileSync(file());
    expect(both.equals(clean)).toBe(false);
    for (const code of [0, 252, 255]) expect(await run(s, undefined, false, 'light', code)).toEqual({ ...ok, code });
    expect(readFileSync(file()).equals(both)).toBe(true); // accepted and covering: not rewritten

    // The other order: the error first.
    const t = setup('exports.answer = (n) => n * 2 + 2;\n');
    expect(await run(t, { XDG_CACHE_HOME: t.cache }, true, 'full', 254)).toEqual({ ...ok, code: 254 });
    const tFile = join(t.cache, 'cogsignout', userCaches(t)[0]!);
    expect(userCacheParts(readFileSync(tFile))!.covers).toBe(2);
    expect(await run(t, { XDG_CACHE_HOME: t.cache }, true, 'full')).toEqual(ok);
    expect(userCacheParts(readFileSync(tFile))!.covers).toBe(3);
  });

  it('a file in the cache directory without the loader\'s header is not read as a cache, and is remade', async () => {
    const s = setup('exports.answer = (n) => n * 2 + 2;\n');
    expect(await run(s)).toEqual(ok);
    const file = join(s.cache, 'cogsignout', userCaches(s)[0]!);
    // V8's data behind eight bytes of someone else's: V8 would take it, the loader must not.
    writeFileSync(file, Buffer.concat([Buffer.from('notours\x03', 'latin1'), userCacheParts(readFileSync(file))!.data]));
    expect(await run(s)).toEqual(ok);
    expect(readFileSync(file).subarray(0, 7).toString('latin1')).toBe('cogsoc1');
    expect(coversOf(s, 'light')).toBe(1);
  });

  it('an argument error on a line guessed to be a call adds its way out to the full cache it read (no light one as large)', async () => {
    const s = setup('exports.answer = (n) => n * 2 + 2;\n');
    expect(await run(s, undefined, true, 'full')).toEqual(ok);
    expect(coversOf(s, 'full')).toBe(1);
    expect(await run(s, undefined, false, 'full', 252)).toEqual({ ...ok, code: 252 });
    expect(kindsOf(s)).toEqual(['full']);
    expect(coversOf(s, 'full')).toBe(3);
  });

  it('a run Ctrl-C ended (130) writes no cache and marks none', async () => {
    const s = setup('exports.answer = (n) => n * 2 + 2;\n');
    expect(await run(s, undefined, false, 'light', 130)).toEqual({ ...ok, code: 130 });
    expect(userCaches(s)).toEqual([]);
    expect(await run(s, undefined, false, 'light')).toEqual(ok);
    expect(await run(s, undefined, false, 'light', 130)).toEqual({ ...ok, code: 130 });
    expect(coversOf(s, 'light')).toBe(1);
  });

  it('names a built bundle\'s caches by the build\'s id (read with the wrapper on Node 24)', async () => {
    const s = setup(`exports.answer = (n) => n * 2 + 2;\n${BUILD_MARK}abc123def\n`);
    expect(await run(s)).toEqual(ok);
    expect(userCaches(s)).toEqual([`bundle.cjs@abc123def-${process.version}-${process.arch}.light.cache`]);
    expect(await run(s)).toEqual(ok); // and uses it
    expect(userCaches(s)).toHaveLength(1);
  });

  it('a rejected cache of a kind this run does not make is removed (later runs fall through to the smaller kinds)', async () => {
    const s = setup('exports.answer = (n) => n * 2 + 2;\n');
    expect(await run(s, undefined, true, 'full')).toEqual(ok);
    const file = join(s.cache, 'cogsignout', userCaches(s)[0]!);
    const damaged = readFileSync(file);
    for (let i = 8 + 12; i < 8 + 16; i++) damaged[i] = damaged[i]! ^ 0x55; // V8's flag hash
    writeFileSync(file, damaged);
    expect(await run(s, undefined, false, 'full')).toEqual(ok); // a full guess that made no call
    expect(kindsOf(s)).toEqual(['light']);
  });

  it("a cache written removes other builds' caches nobody rewrote for a week, never this build's other kinds or Nodes'", async () => {
    const s = setup('exports.answer = (n) => n * 2 + 2;\n');
    expect(await run(s, undefined, false, 'version')).toEqual(ok);
    const dir = join(s.cache, 'cogsignout');
    const [mine] = userCaches(s);
    const old = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const other = mine!.replace(/@[0-9a-f]{20}-/, `@${'0'.repeat(20)}-`);
    const otherNode = mine!.replace(`-${process.version}-`, '-v1.2.3-');
    writeFileSync(join(dir, other), 'a cache of another build');
    writeFileSync(join(dir, otherNode), 'a cache of this build for another Node');
    for (const name of [other, otherNode, mine!]) utimesSync(join(dir, name), old, old);
    expect(await run(s, undefined, true)).toEqual(ok); // writes this build's full cache
    expect(userCaches(s)).toEqual([mine!.replace('.version.', '.full.'), otherNode, mine!].sort());
  });

  it("a command line's kind is guessed from its words before anything is parsed", async () => {
    const { expectedKind } = createRequire(import.meta.url)(join(REPO, 'bin', 'cogsignout.js')) as { expectedKind: (argv: string[]) => string };
    expect(expectedKind(['--version'])).toBe('version');
    expect(expectedKind(['admin-user-global-sign-out', '--generate-cli-skeleton'])).toBe('light');
    expect(expectedKind(['admin-user-global-sign-out', 'help'])).toBe('light');
    expect(expectedKind(['admin-user-global-sign-out', '--user-pool-id', 'p', '--username', 'u', '--generate-cli-skeleton', 'output'])).toBe('light');
    expect(expectedKind(['admin-user-global-sign-out'])).toBe('light'); // an argument error
    expect(expectedKind(['admin-user-global-sign-out', '--user-pool-id', 'p', '--username', 'u'])).toBe('full');
    expect(expectedKind(['admin-user-global-sign-out', '--cli-input-json', '{}'])).toBe('full');
    expect(expectedKind(['bulk-sign-out', '--user-pool-id', 'p', '--usernames-file', 'f'])).toBe('full');
    expect(expectedKind(['signout-alice'])).toBe('full'); // names no command: may be an alias
  });

  it('a user cache V8 rejects is remade by that run, though a shipped cache is there', async () => {
    // A cache made under other V8 flags (NODE_OPTIONS=--max-old-space-size… on some Nodes) is rejected; compiling again with the
    // shipped cache would only hit V8's own cache of the script just compiled, which reports
    // nothing rejected, and every later run would compile the bundle anew.
    // Which flags a cache fits differs by Node version, so the rejected cache here is the one a
    // run made with the hash of its V8 flags changed (the fourth 32-bit word of V8's header, after
    // the loader's own 8 bytes), as a cache made under other flags has it.
    const s = setup('exports.answer = (n) => n * 2 + 2;\n');
    writeFileSync(`${s.file}.cache`, 'not a V8 code cache');
    expect(await run(s)).toEqual(ok);
    const [made] = userCaches(s);
    const file = join(s.cache, 'cogsignout', made!);
    const good = readFileSync(file);
    const damaged = Buffer.from(good);
    for (let i = 8 + 12; i < 8 + 16; i++) damaged[i] = damaged[i]! ^ 0x55;
    writeFileSync(file, damaged);
    expect(await run(s)).toEqual(ok);
    const remade = readFileSync(file);
    expect(remade.equals(damaged)).toBe(false);
    expect(await run(s)).toEqual(ok);
    expect(readFileSync(file).equals(remade)).toBe(true); // accepted: not rewritten
  });

  it('reads a file that is not a built bundle as UTF-8 (a built one is ASCII, read as latin1)', async () => {
    const s = setup("exports.answer = (n) => '\u00e9\u20ac'.length * 11 + n;\n");
    expect(readFileSync(s.file, 'utf8')).toContain('\u00e9\u20ac');
    expect(await run(s)).toEqual(ok);
    expect(await run(s)).toEqual(ok); // from the cache
  });

  it('falls back to ~/.cache when XDG_CACHE_HOME is unset or relative', async () => {
    const s = setup('exports.answer = (n) => n + 22;\n');
    const home = join(s.dir, 'home');
    mkdirSync(home);
    expect(await run(s, { HOME: home, XDG_CACHE_HOME: 'relative/dir' })).toEqual(ok);
    expect(readdirSync(join(home, '.cache', 'cogsignout'))).toHaveLength(1);
  });

  it('a cache directory that cannot be used costs only the compile, silently', async () => {
    const s = setup('exports.answer = (n) => n + 22;\n');
    const blocker = join(s.dir, 'a-file');
    writeFileSync(blocker, '');
    expect(await run(s, { XDG_CACHE_HOME: join(blocker, 'below') })).toEqual(ok); // ENOTDIR
    expect(await run(s, { XDG_CACHE_HOME: undefined, HOME: undefined })).toEqual(ok); // no home at all
    expect(readdirSync(join(s.dir, 'app'))).toEqual(['bundle.cjs']);
  });

  it('a cache directory open to others is neither read nor written', async () => {
    const s = setup('exports.answer = (n) => n + 22;\n');
    mkdirSync(join(s.cache, 'cogsignout'), { recursive: true });
    chmodSync(join(s.cache, 'cogsignout'), 0o777);
    expect(await run(s)).toEqual(ok);
    expect(userCaches(s)).toEqual([]);
  });

  it('a planted cache is run only from a private directory (V8 checks just the length)', async () => {
    // A cache of other code, put under the name of this bundle's cache.
    const s = setup('exports.answer = (n) => n * 2 + 2;\n');
    expect(await run(s)).toEqual(ok);
    const [made] = userCaches(s);
    writeFileSync(s.file, 'exports.answer = (n) => n * 2 + 3;\n');
    expect((await run(s)).out).toBe('43\n');
    const dir = join(s.cache, 'cogsignout');
    const mine = userCaches(s).find((n) => n !== made)!;
    writeFileSync(join(dir, mine), readFileSync(join(dir, made!)));
    expect((await run(s)).out).toBe('42\n'); // what a planted cache could do
    chmodSync(dir, 0o775);
    expect(await run(s)).toEqual({ ...ok, out: '43\n' });
  });
});
