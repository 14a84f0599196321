// Runs the built CLI as a child process, the way users and scripts run it: a fresh HOME, an
// environment built from scratch, no terminal. The process is async (never spawnSync) because
// the local endpoint answering it lives in the test process.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_CREDENTIALS } from '../../local-cognito/server.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(REPO, 'bin', 'cogsignout.js');

export interface RunOptions {
  /** Added to (or, with null, removed from) the base environment. */
  readonly env?: Readonly<Record<string, string | null>>;
  /** Files to create, relative to HOME. */
  readonly files?: Readonly<Record<string, string>>;
  readonly stdin?: string;
  readonly timeoutMs?: number;
  /** Working directory relative to HOME. */
  readonly cwd?: string;
  /** Run `sh` with these arguments instead of the CLI (for pipelines); the CLI is passed in. */
  readonly shell?: boolean;
}

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The temporary HOME (already removed). */
  readonly home: string;
}

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

export async function runCli(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const root = mkdtempSync(join(tmpdir(), 'cogso-test-'));
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
  try {
    return await new Promise<RunResult>((resolvePromise, reject) => {
      const child = spawn(opts.shell ? '/bin/sh' : process.execPath, opts.shell ? argv : [BIN, ...argv], {
        cwd: opts.cwd ? join(home, opts.cwd) : home,
        env,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000);
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => err.push(d));
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolvePromise({
          code,
          signal,
          stdout: Buffer.concat(out).toString('utf8').replaceAll(root, '<TMP>'),
          stderr: Buffer.concat(err).toString('utf8').replaceAll(root, '<TMP>'),
          home,
        });
      });
      child.stdin.end(opts.stdin ?? '');
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
