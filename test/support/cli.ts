// Runs the CLI the way users and scripts run it: a fresh HOME, an environment built from scratch,
// no terminal. runCli runs the program (src/, through the driver's run(io)) in this process, with
// the process's own stream wiring (src/cli/process-stream.ts) writing into byte collectors;
// spawnCli runs the built CLI (bin/, dist/) as a child process, for what only a process has: its
// exit status and signals, pipes, the start-up path. COGSO_TEST_SPAWN=1 makes runCli spawn too,
// which checks that both give the same results. Async (never spawnSync): the local endpoint
// answering the CLI lives in the test process.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { TEST_CREDENTIALS } from '../../local-cognito/server.js';
import { run } from '../../src/cli/driver.js';
import { processStream, type ByteSink } from '../../src/cli/process-stream.js';
import type { Factory } from '../../src/cli/factory.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(REPO, 'bin', 'cogsignout.js');

export interface RunOptions {
  /** Added to (or, with null, removed from) the base environment. */
  readonly env?: Readonly<Record<string, string | null>>;
  /** Files to create, relative to HOME. */
  readonly files?: Readonly<Record<string, string>>;
  readonly stdin?: string;
  /** A child process is killed after this long (an in-process run is bounded by the test's timeout). */
  readonly timeoutMs?: number;
  /** Working directory relative to HOME. */
  readonly cwd?: string;
  /** A script `sh` runs in HOME, with the run's environment, once the files are made (raw bytes, links, modes). */
  readonly homeSetUp?: string;
  /** Run `sh` with these arguments instead of the CLI (for pipelines); the CLI is passed in. */
  readonly shell?: boolean;
  /**
   * In-process runs only: providers over the runner's own. The runner's waits between retries
   * end at once (each asked-for wait is recorded in RunResult.waits) and the backoff's jitter is
   * 0, so a retried call costs no time; everything else is the real thing.
   */
  readonly factory?: Partial<Factory>;
}

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The temporary HOME (already removed). */
  readonly home: string;
  /** In-process runs: the waits between retries the program asked for, in ms, in order. */
  readonly waits?: readonly number[];
}

/**
 * Where a run's temporary HOME is made: a RAM file system where the machine has one (/dev/shm),
 * else the system's temporary directory; COGSO_TEST_TMPDIR overrides. A run makes and removes
 * two or three directories and its files, which on a disk-backed /tmp cost ~5 ms of waiting on
 * the file system's journal per run (seconds over the replayed recordings), ~0.5 ms in RAM.
 */
export const TEST_TMP = ((): string => {
  const chosen = process.env.COGSO_TEST_TMPDIR;
  if (chosen) return chosen;
  try {
    // No longer than the prefix below can make up for.
    if (statSync('/dev/shm').isDirectory() && '/dev/shm'.length - tmpdir().length <= 4) {
      accessSync('/dev/shm', constants.W_OK);
      return '/dev/shm';
    }
  } catch { /* no /dev/shm here (macOS, say) */ }
  return tmpdir();
})();

/**
 * mkdtemp's prefix for a run, cut so that the run's directory is as long wherever it is made as
 * under the system's temporary directory (/tmp/cogso-test-XXXXXX): a recorded table is as wide
 * as the paths it prints.
 */
const RUN_PREFIX = (() => {
  const kept = 'cogso-test-'.length - Math.max(0, TEST_TMP.length - tmpdir().length);
  // Without a letter of its own, mkdtemp would make `<dir>XXXXXX` beside the directory chosen.
  if (kept < 1) throw new Error(`COGSO_TEST_TMPDIR=${TEST_TMP} is more than 10 characters longer than ${tmpdir()}: the recorded tables, as wide as the paths they print, could not match`);
  return join(TEST_TMP, 'cogso-test-'.slice(0, kept));
})();

export function baseEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: home,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

interface Prepared {
  /** The temporary directory, shown as <TMP> in the output; undefined: shown as it is. */
  readonly root: string | undefined;
  readonly home: string;
  readonly env: Record<string, string>;
  readonly argv: string[];
  readonly cwd: string;
}

const masked = (bytes: Buffer, root: string | undefined): string => {
  const text = bytes.toString('utf8');
  return root === undefined ? text : text.replaceAll(root, '<TMP>');
};

/** The temporary HOME with its files, the environment and the argv, {{HOME}} and {{TMP}} put in. */
function prepare(args: readonly string[], opts: RunOptions): Prepared {
  const root = mkdtempSync(RUN_PREFIX);
  const home = join(root, 'home');
  mkdirSync(home);
  for (const [rel, content] of Object.entries(opts.files ?? {})) {
    const path = resolve(home, rel.replaceAll('{{HOME}}', home).replaceAll('{{TMP}}', root));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content.replaceAll('{{HOME}}', home).replaceAll('{{TMP}}', root));
  }
  const env: Record<string, string> = baseEnv(home);
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === null) delete env[k]; else env[k] = v.replaceAll('{{HOME}}', home).replaceAll('{{TMP}}', root);
  }
  const argv = args.map((a) => a.replaceAll('{{HOME}}', home).replaceAll('{{TMP}}', root));
  if (opts.homeSetUp !== undefined) execFileSync('sh', ['-c', opts.homeSetUp], { cwd: home, env, stdio: 'ignore' });
  return { root, home, env, argv, cwd: opts.cwd ? join(home, opts.cwd) : home };
}

const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

/** Bytes written, as a child's pipe would receive them; no terminal. */
function collector(): ByteSink & { bytes(): Buffer } {
  const chunks: Buffer[] = [];
  return {
    write(data: string | Uint8Array, callback?: (err?: Error | null) => void) {
      chunks.push(typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data));
      if (callback) queueMicrotask(() => callback(null));
      return true;
    },
    isTTY: false,
    bytes: () => Buffer.concat(chunks),
  };
}

/** One in-process run at a time: a run owns process.env, the working directory and the process's streams. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * The program in this process: argv, a fresh environment and HOME, stdin as a pipe's bytes, and
 * stdout and stderr wired as main.ts wires them. For the run, process.env is the run's environment
 * and the working directory its cwd (as in a child, for the SDK and Node's own defaults), and
 * anything written to process.stdout or process.stderr directly is captured in order with the rest.
 */
export async function runCli(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  if (opts.shell || process.env.COGSO_TEST_SPAWN === '1') return spawnCli(args, opts);
  return serially(() => {
    const p = prepare(args, opts);
    const root = p.root as string;
    return runInProcess(p, opts, () => rmSync(root, { recursive: true, force: true }));
  });
}

/**
 * The same in a directory the caller keeps (HOME and working directory both; a bulk journal
 * outlives the run), with the base environment and `env` over it; no {{HOME}} substitution.
 */
export async function runCliIn(dir: string, args: readonly string[], opts: Pick<RunOptions, 'stdin' | 'factory'> & { readonly env?: Readonly<Record<string, string>> } = {}): Promise<RunResult> {
  const env = { ...baseEnv(dir), ...opts.env };
  if (process.env.COGSO_TEST_SPAWN === '1') {
    return spawnAt({ root: undefined, home: dir, env, argv: [...args], cwd: dir }, opts);
  }
  return serially(() => runInProcess({ root: undefined, home: dir, env, argv: [...args], cwd: dir }, opts, () => {}));
}

function serially<T>(job: () => Promise<T>): Promise<T> {
  const mine = queue.then(job);
  queue = mine.catch(() => undefined);
  return mine;
}

async function runInProcess(prepared: Prepared, opts: Pick<RunOptions, 'stdin' | 'factory'>, cleanUp: () => void): Promise<RunResult> {
  const { root, home, env, argv, cwd } = prepared;
  const out = collector();
  const err = collector();
  const waits: number[] = [];
  const factory: Partial<Factory> = { sleep: async (ms) => { waits.push(ms); }, random: () => 0, ...opts.factory };
  const savedEnv = process.env;
  const savedCwd = process.cwd();
  const savedOut = process.stdout.write;
  const savedErr = process.stderr.write;
  const direct = (sink: ByteSink) => ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const cb = rest.find((r): r is (e?: Error | null) => void => typeof r === 'function');
    sink.write(chunk, cb);
    return true;
  }) as typeof process.stdout.write;
  try {
    process.env = { ...env };
    process.chdir(cwd);
    process.stdout.write = direct(out);
    process.stderr.write = direct(err);
    const code = await run({
      argv,
      env: { ...env },
      cwd,
      stdout: processStream(out, env, true),
      stderr: processStream(err, env, false),
      stdin: Readable.from([Buffer.from(opts.stdin ?? '', 'utf8')]),
      version: VERSION,
      factory,
    });
    return {
      code,
      signal: null,
      stdout: masked(out.bytes(), root),
      stderr: masked(err.bytes(), root),
      home,
      waits,
    };
  } finally {
    process.stdout.write = savedOut;
    process.stderr.write = savedErr;
    process.chdir(savedCwd);
    process.env = savedEnv;
    cleanUp();
  }
}

/** The built CLI as a child process: bin/cogsignout.js under this Node. */
export async function spawnCli(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const p = prepare(args, opts);
  try {
    return await spawnAt(p, opts);
  } finally {
    rmSync(p.root as string, { recursive: true, force: true });
  }
}

/** What a spawned child printed, and how it ended. */
export interface Collected { readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly stdout: Buffer; readonly stderr: Buffer }

/** A child's whole stdout and stderr and its end; SIGKILLed after timeoutMs, so that a hang fails its test. */
export function collect(child: ChildProcess, timeoutMs: number): Promise<Collected> {
  return new Promise((resolvePromise, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
    });
  });
}

async function spawnAt({ root, home, env, argv, cwd }: Prepared, opts: RunOptions): Promise<RunResult> {
  const child = spawn(opts.shell ? '/bin/sh' : process.execPath, opts.shell ? argv : [BIN, ...argv], {
    cwd,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const ended = collect(child, opts.timeoutMs ?? 20_000);
  child.stdin.end(opts.stdin ?? '');
  const r = await ended;
  return { code: r.code, signal: r.signal, stdout: masked(r.stdout, root), stderr: masked(r.stderr, root), home };
}
