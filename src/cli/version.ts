// The --version line, shaped like the AWS CLI's
// (`aws-cli/2.36.7 Python/3.11.2 Linux/6.1.0 exe/x86_64.debian.12`): tool, runtime, OS, machine.
//
// The root of a bundle of its own (version.cjs, scripts/build.mjs), which bin/ reads before the
// core: a line that is `--version` alone, on a machine where the run would do nothing else, is
// answered from here and the core is never read (answerVersionAlone). So this module imports
// nothing of the program's: whatever it imported would be the core's, and reading it would
// read the core.
import { readFileSync, statSync, writeSync } from 'node:fs';

/** The program's name, as errors/errors.ts's PROG (not imported: see above; the tests hold the two equal). */
const TOOL = 'cogsignout';

// The package version, put in by the build (scripts/build.mjs); a test passes its own.
declare const __COGSIGNOUT_VERSION__: string;

export type Env = Readonly<Record<string, string | undefined>>;
export interface Uname { readonly type: string; readonly release: string }

// UTF-8, as Python's os.uname() and node:os decode uname's strings.
const readKernelFile = (name: string): string => readFileSync(`/proc/sys/kernel/${name}`, 'utf8').replace(/\n$/, '');

/**
 * uname(2)'s system name and release, as node:os's type() and release() return them. On Linux the
 * kernel's own files hold the same two strings (of the caller's UTS namespace, as uname's), read
 * without loading node:os (~0.3 ms of a --version on Node 22); elsewhere, or without /proc, from
 * `fallback` (node:os, which the core has loaded lazily).
 */
export function uname(fallback: () => Uname, read: (name: string) => string = readKernelFile): Uname {
  return kernelUname(read) ?? fallback();
}

/** The kernel's own answer (Linux, /proc), or undefined. */
function kernelUname(read: (name: string) => string = readKernelFile): Uname | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const found = { type: read('ostype'), release: read('osrelease') };
    // An empty answer is no answer (a /proc that is not the kernel's): ask uname.
    if (found.type !== '' && found.release !== '') return found;
  } catch { /* no /proc: ask uname */ }
  return undefined;
}

export function versionLine(version: string, env: Env, fallback: () => Uname): string {
  const execEnv = env.AWS_EXECUTION_ENV ? ` exec-env/${env.AWS_EXECUTION_ENV}` : '';
  const os = uname(fallback);
  // os.arch() is process.arch.
  return `${TOOL}/${version} Node.js/${process.versions.node} ${os.type}/${os.release}${execEnv} node/${process.arch}`;
}

/**
 * The variables whose being set at all (even empty) sends `--version` to the core, which reads
 * each before it prints the version (src/cli/driver.ts's stages, src/main.ts's streams): the
 * files it reads (config, credentials; the alias file is HOME's), the auto-prompt, and the
 * output's encoding (a bad PYTHONIOENCODING is a fatal error; a UTF-16 stdout may start with a
 * BOM). Every other variable leaves a `--version` line as it is: test/unit/version-alone.test.ts
 * sets each one the program reads and compares this answer with the core's.
 */
const READ_BEFORE_THE_VERSION = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CLI_AUTO_PROMPT', 'AWS_CLI_OUTPUT_ENCODING', 'PYTHONIOENCODING'];

/** What `--version` alone may be answered with here, or undefined: the core must run it. */
export function versionAloneLine(env: Env, version: string): string | undefined {
  if (READ_BEFORE_THE_VERSION.some((name) => env[name] !== undefined)) return undefined;
  // The files the core would read, as Python's expanduser and expandvars find them: HOME as an
  // absolute path with nothing for expandvars to expand.
  const home = env.HOME;
  if (home === undefined || !home.startsWith('/') || home.includes('$')) return undefined;
  const base = home.replace(/\/+$/, '');
  for (const file of ['/.aws/config', '/.aws/credentials', '/.aws/cli/alias']) {
    // Only a file that is not there is nothing to read: anything else (a file, a directory, a
    // path that cannot be looked at) is for the core to read or to refuse.
    // (throwIfNoEntry: ENOENT answered without an exception made, ~0.5 M instructions for three.)
    try {
      if (statSync(base + file, { throwIfNoEntry: false }) !== undefined) return undefined;
    } catch {
      return undefined;
    }
  }
  // Without /proc's answer, node:os's: the core's to load.
  const os = kernelUname();
  if (os === undefined) return undefined;
  const line = `${versionLine(version, env, () => os)}\n`;
  // A short ASCII line: its bytes are its characters, so the core can go on from any of them.
  return /^[\x20-\x7e]{1,500}\n$/.test(line) ? line : undefined;
}

/**
 * The bytes of the line answerVersionAlone wrote before its write stopped short, which the core
 * must not write again. A pipe takes a short line whole or not at all (POSIX, up to PIPE_BUF),
 * but a terminal, a socket or a file on a disk that fills up can take part of it: the core then
 * writes the rest, as its own write would have gone on after the part, and meets the failure.
 */
let writtenAlone = 0;

/** What answerVersionAlone wrote of the line (see writtenAlone), said once: the run's core goes on from there. */
export function takeWrittenAlone(): number {
  const n = writtenAlone;
  writtenAlone = 0;
  return n;
}

/**
 * `--version` alone, answered without the core where the core would only print the line (see
 * versionAloneLine): true when it was written. A write that fails (a closed or full stdout, a
 * reader gone) is the core's to meet as it meets any, from where this one stopped (writtenAlone).
 */
export function answerVersionAlone(env: Env, version: string = __COGSIGNOUT_VERSION__, write: (text: string) => number = (text) => writeSync(1, text)): boolean {
  const line = versionAloneLine(env, version);
  if (line === undefined) return false;
  let n: number;
  try {
    n = write(line);
  } catch {
    // Nothing written: a failed write(2) writes nothing.
    return false;
  }
  if (n === line.length) return true;
  writtenAlone = Math.max(0, n);
  return false;
}
