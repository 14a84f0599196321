// The built bundles' shape, checked on every CI run: the core (all that --version, help flags,
// skeletons and argument errors read) stays small and SDK-free, each module is in one bundle
// only (the others link to it: scripts/build.mjs, bin/bundles.cjs), every link names a module
// its bundle hands out, a run reads only the bundles its command needs, and each bundle ships a
// code cache the building Node accepts. Budgets are set from the measurement
// (bench/startup.mjs) with ~20% headroom: growing past one is a decision to make.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO } from '../support/cli.js';

const DIST = join(REPO, 'dist');
// measured 2026-11-27: ~486 KiB; 2026-12-01: ~636 KiB; then ~247 KiB, once credentials, YAML
// input, help, completion, prompt and bulk-sign-out became bundles of their own (issue 14).
// Commander (~122 KiB, in the completion bundle today) joins the core once it parses every
// command line (issue 12): the budget leaves room for it.
const CORE_BUDGET = 450 * 1024;
const NETWORK_BUDGET = 640 * 1024; // measured 2026-11-27: ~520 KiB; 2026-12-01: ~534 KiB
const BUNDLES = readdirSync(DIST).filter((n) => n.endsWith('.cjs')).sort();
// Read only by their own first use: the prompt needs a terminal, the SDK's providers an STS or SSO
// endpoint; the rarer code pages and the CJK tables are data that a run naming one compiles in
// no time, and the history set-up is a few functions that only cli_history = enabled runs. The
// version line's bundle is compiled without a cache (bin/'s UNCACHED): it is a few functions.
const CACHED_BY_THE_BUILD = BUNDLES.filter((n) => !['prompt.cjs', 'credential-providers.cjs', 'charmaps.cjs', 'cjk.cjs', 'history.cjs', 'version.cjs'].includes(n));

/** Built-ins that each cost a start a millisecond or more (their own modules, the streams) and that only some runs need. */
const HEAVY_BUILTINS = ['net', 'child_process', 'os', 'http', 'https', 'tls', 'crypto', 'zlib', 'stream', 'dns'];

const text = (name: string): string => readFileSync(join(DIST, name), 'utf8');
/** The modules in a bundle, from the comment esbuild writes above each one's code. */
const modulesOf = (name: string): string[] => [...new Set([...text(name).matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)].map((m) => m[1]!))];

/** For each file, whether a fresh Node accepts its code cache (one process for all: each is its own vm.Script). */
const cachesAccepted = (files: readonly string[]): string[] => spawnSync(process.execPath, ['-e', `
  const fs = require('fs'), vm = require('vm'), { wrap } = require('module');
  for (const file of ${JSON.stringify(files)}) {
    const s = new vm.Script(wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData: fs.readFileSync(file + '.cache') });
    console.log(s.cachedDataRejected ? 'rejected' : 'accepted');
  }`], { encoding: 'utf8' }).stdout.split('\n').slice(0, -1);

describe('bundles', () => {
  it('are the core and one bundle per part of the program loaded lazily', () => {
    expect(BUNDLES).toEqual(['bulk.cjs', 'charmaps.cjs', 'cjk.cjs', 'completion.cjs', 'core.cjs', 'credential-providers.cjs', 'credentials.cjs', 'help.cjs', 'history.cjs', 'net.cjs', 'prompt.cjs', 'query.cjs', 'version.cjs', 'yaml.cjs']);
  });

  it(`the core stays under ${CORE_BUDGET / 1024} KiB and holds no AWS SDK code`, () => {
    expect(statSync(join(DIST, 'core.cjs')).size).toBeLessThanOrEqual(CORE_BUDGET);
    const core = text('core.cjs');
    expect(core).not.toContain('CognitoIdentityProviderClient');
    expect(core).not.toContain('SignatureV4');
    expect(modulesOf('core.cjs').filter((m) => /^node_modules\/@(?:aws-sdk|smithy|aws)\//.test(m))).toEqual([]);
    expect(core).toContain('require("cogso-link:net:src/net/index.ts")');
    expect(core).toContain('require("cogso-link:credentials:src/credentials/chain.ts")');
  });

  it(`the network bundle stays under ${NETWORK_BUDGET / 1024} KiB`, () => {
    expect(statSync(join(DIST, 'net.cjs')).size).toBeLessThanOrEqual(NETWORK_BUDGET);
  });

  it('no module of src/ is in two bundles, nor any module of the core in another bundle', () => {
    const where = new Map<string, string[]>();
    for (const name of BUNDLES) for (const m of modulesOf(name)) where.set(m, [...(where.get(m) ?? []), name]);
    expect(where.get('src/errors/errors.ts')).toEqual(['core.cjs']);
    // The YAML reader (with js-yaml) is read only for --cli-input-yaml; what validation needs of
    // YAML's values is in the core.
    expect(where.get('src/input/yaml-input.ts')).toEqual(['yaml.cjs']);
    expect(where.get('src/input/yaml-values.ts')).toEqual(['core.cjs']);
    // Python's rarer code pages are read only when AWS_CLI_FILE_ENCODING, AWS_CLI_OUTPUT_ENCODING
    // or PYTHONIOENCODING names one, with the output codecs and error handlers beyond the core's.
    expect(where.get('src/util/charmaps.ts')).toEqual(['charmaps.cjs']);
    expect(where.get('src/output/more-codecs.ts')).toEqual(['charmaps.cjs']);
    // The Windows code pages' tables too: data that only a cp125x reads.
    expect(where.get('src/util/windows-codepages.ts')).toEqual(['charmaps.cjs']);
    // The CJK codecs' tables, only for an output encoding naming one.
    expect(where.get('src/util/cjk/shift_jis.ts')).toEqual(['cjk.cjs']);
    const twice = [...where].filter(([m, names]) => names.length > 1 && (m.startsWith('src/') || names.includes('core.cjs')));
    expect(twice).toEqual([]);
    // Package modules are shared from the core only (see scripts/build.mjs): the SDK's are in the
    // network bundle and, as far as they need them, the SDK's providers.
    for (const [m, names] of where) if (names.length > 1) expect(names, m).toEqual(['credential-providers.cjs', 'net.cjs']);
  });

  it('every link names a module that its bundle hands out', () => {
    const links = new Set(BUNDLES.flatMap((name) => [...text(name).matchAll(/require\("cogso-link:([^:"]+):([^"]+)"\)/g)].map((m) => `${m[1]}:${m[2]}`)));
    expect(links.size).toBeGreaterThan(10);
    for (const link of links) {
      const [bundle, module] = link.split(':') as [string, string];
      expect(BUNDLES, link).toContain(`${bundle}.cjs`);
      expect(text(`${bundle}.cjs`), link).toContain(`${JSON.stringify(module)}: () =>`);
    }
  });

  it('all are ASCII and end with a hash of their content, which names the users\' own caches', () => {
    for (const name of BUNDLES) {
      const source = text(name);
      const mark = /\n\/\/# cogsignout-build=([0-9a-f]{20})\n$/.exec(source);
      expect(mark, name).not.toBeNull();
      expect(createHash('sha256').update(source.slice(0, mark!.index)).digest('hex').slice(0, 20)).toBe(mark![1]);
      // ASCII only, so that V8 holds the source as one-byte text.
      expect(/[^\x00-\x7f]/.exec(source), name).toBeNull();
    }
  });

  it('each ships a code cache the building Node accepts, readable by every user (but those the build cannot reach)', () => {
    expect(CACHED_BY_THE_BUILD).toHaveLength(BUNDLES.length - 6);
    const accepted = cachesAccepted(CACHED_BY_THE_BUILD.map((name) => join(DIST, name)));
    expect(accepted).toHaveLength(CACHED_BY_THE_BUILD.length);
    for (const [i, name] of CACHED_BY_THE_BUILD.entries()) {
      expect(accepted[i], name).toBe('accepted');
      expect(statSync(join(DIST, `${name}.cache`)).mode & 0o444).toBe(0o444);
    }
  });
});

describe('what a run reads', () => {
  let dir: string;
  let server: ReturnType<typeof createServer>;
  let endpoint: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cogso-reads-'));
    // Records, at exit, every bundle the run opened (readFileSync on Node 20, openSync on 22 and
    // later: bin/ reads a bundle into the wrapper there) and which of the built-ins that cost a
    // start milliseconds it loaded.
    writeFileSync(join(dir, 'record.cjs'), `const fs = require('fs'); const seen = new Set();
const note = (file) => { if (typeof file === 'string' && file.startsWith(${JSON.stringify(`${DIST}/`)}) && file.endsWith('.cjs')) seen.add(file.slice(${DIST.length + 1})); };
for (const name of ['readFileSync', 'openSync']) { const real = fs[name]; fs[name] = function (file, ...rest) { note(file); return real.call(this, file, ...rest); }; }
const HEAVY = ${JSON.stringify(HEAVY_BUILTINS)};
process.on('exit', () => fs.writeFileSync(process.env.RECORD_TO, [...seen].sort().join(' ') + '\\n' + HEAVY.filter((m) => process.moduleLoadList.includes('NativeModule ' + m)).join(' ')));\n`);
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => { res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1' }); res.end('{}'); });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let runs = 0;
  const reads = async (args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number | null; read: string }> => (await runRecorded(args, env)).reads;
  const runRecorded = async (args: string[], more: Record<string, string | undefined> = {}): Promise<{ reads: { code: number | null; read: string }; builtins: string }> => {
    // Each run its own record and cache directory: the runs go side by side.
    const run = runs++;
    const record = join(dir, `read-${run}.txt`);
    const child = spawn(process.execPath, ['--require', join(dir, 'record.cjs'), BIN, ...args], {
      stdio: 'ignore',
      env: { PATH: process.env.PATH, HOME: dir, XDG_CACHE_HOME: join(dir, `cache-${run}`), RECORD_TO: record, AWS_REGION: 'us-east-1', AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', ...more },
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const [read, builtins] = readFileSync(record, 'utf8').split('\n') as [string, string];
    return { reads: { code, read }, builtins };
  };
  const signOut = (): string[] => ['admin-user-global-sign-out', '--user-pool-id', 'us-east-1_X', '--username', 'alice', '--endpoint-url', endpoint];

  it('--version alone, with no file or variable for the core to read first, reads the version bundle alone', async () => {
    const alone = { AWS_CONFIG_FILE: undefined, AWS_SHARED_CREDENTIALS_FILE: undefined };
    expect(await Promise.all([
      reads(['--version'], alone),
      reads(['--version'], { ...alone, AWS_CLI_OUTPUT_ENCODING: 'utf-16' }),
      reads(['--version', '--debug'], alone),
      reads(['--output', 'json', '--version'], alone),
    ])).toEqual([
      { code: 0, read: 'version.cjs' },
      { code: 0, read: 'core.cjs version.cjs' },
      { code: 0, read: 'core.cjs version.cjs' },
      { code: 0, read: 'core.cjs version.cjs' },
    ]);
  });

  it('--version, skeletons and argument errors read the core alone (and the version line\'s bundle)', async () => {
    expect(await Promise.all([
      reads(['--version']),
      reads(['admin-user-global-sign-out', '--generate-cli-skeleton']),
      reads(['admin-user-global-sign-out', '--generate-cli-skeleton', 'yaml-input']),
      reads(['admin-user-global-sign-out', '--user-pool-id', 'x']),
      reads(['no-such-command']),
    ])).toEqual([
      { code: 0, read: 'core.cjs version.cjs' },
      { code: 0, read: 'core.cjs' },
      { code: 0, read: 'core.cjs' },
      { code: 252, read: 'core.cjs' },
      { code: 252, read: 'core.cjs' },
    ]);
  });

  it('--version, skeletons and argument errors load none of the built-ins that only calls, processes and paths need', async () => {
    const builtins = async (args: string[]): Promise<string> => (await runRecorded(args)).builtins;
    expect(await Promise.all([
      builtins(['--version']),
      builtins(['admin-user-global-sign-out', '--generate-cli-skeleton']),
      builtins(['admin-user-global-sign-out', '--user-pool-id', 'x']),
      builtins(['no-such-command']),
    ])).toEqual(['', '', '', '']);
    // What the list is for: a call loads them.
    expect((await builtins(signOut())).split(' ')).toEqual(expect.arrayContaining(['net', 'http', 'crypto']));
  });

  it('a signed sign-out reads the core, the credential chain and the network bundle; YAML input, help and bulk-sign-out their own', async () => {
    expect(await Promise.all([
      reads(signOut()),
      reads(['admin-user-global-sign-out', '--cli-input-yaml', 'UserPoolId: us-east-1_X\nUsername: alice\n', '--endpoint-url', endpoint]),
      // JMESPath only where a query is given: on the line, or (checked as it is read) in an alias.
      reads([...signOut(), '--query', 'a']),
      reads(['--query', '[', ...signOut()]),
      reads(['admin-user-global-sign-out', 'help']),
      reads(['bulk-sign-out', 'help']),
    ])).toEqual([
      { code: 0, read: 'core.cjs credentials.cjs net.cjs' },
      { code: 0, read: 'core.cjs credentials.cjs net.cjs yaml.cjs' },
      { code: 0, read: 'core.cjs credentials.cjs net.cjs query.cjs' },
      { code: 252, read: 'core.cjs query.cjs' },
      { code: 0, read: 'core.cjs help.cjs' },
      // bulk-sign-out's module imports the credential chain and the service's errors (in net.cjs) statically.
      { code: 0, read: 'bulk.cjs core.cjs credentials.cjs help.cjs net.cjs' },
    ]);
  });
});
