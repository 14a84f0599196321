// Shared by the bulk end-to-end tests: a child process of the built CLI that a test can watch
// and interrupt (startBulk), or a run to its end in this process (runBulk), in a directory that
// outlives it so a journal can be handed to the next run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Factory } from '../../src/cli/factory.js';
import { baseEnv, BIN, runCliIn } from '../support/cli.js';

export interface BulkRun {
  readonly child: ChildProcess;
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function workDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'cogso-bulk-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function startBulk(dir: string, args: readonly string[], opts: { stdin?: string; env?: Record<string, string>; timeoutMs?: number } = {}): BulkRun {
  const child = spawn(process.execPath, [BIN, 'bulk-sign-out', ...args], {
    cwd: dir,
    env: { ...baseEnv(dir), ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (d: Buffer) => out.push(d));
  child.stderr!.on('data', (d: Buffer) => err.push(d));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 40_000);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
  child.stdin!.end(opts.stdin ?? '');
  return { child, done };
}

/**
 * A run to its end, in this process (test/support/cli.ts): nothing in it needs a process of its
 * own. `factory`: providers for the run (a virtual clock, virtual-clock.ts).
 */
export async function runBulk(dir: string, args: readonly string[], opts: { stdin?: string; env?: Record<string, string>; factory?: Partial<Factory> | undefined } = {}): BulkRun['done'] {
  const r = await runCliIn(dir, ['bulk-sign-out', ...args], { stdin: opts.stdin, env: opts.env, ...(opts.factory ? { factory: opts.factory } : {}) });
  return { code: r.code, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

export function journalLines(path: string): Array<Record<string, unknown>> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  // Only whole lines: a run may be writing a batch while a test polls.
  return text.split('\n').slice(0, -1).filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** When the first of a journal's signed-out users was signed out: what a rerun's ending line names. */
export function firstSignedOutAt(records: ReadonlyArray<Record<string, unknown>>): string {
  return records.filter((r) => r.outcome === 'signed-out').map((r) => String(r.at)).sort()[0] as string;
}

/** The ending line's words for users a rerun skipped as signed out by the journal. */
export const skippedWords = (k: number, since: string): string => `${k} skipped (signed out by earlier runs of the journal, the first at ${since})`;

export const names = (n: number, prefix = 'user-'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);

/** Sign-outs the endpoint counted per user of `pool`, for "every user exactly once". */
export function signOutCounts(signOuts: Record<string, number>, pool: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const [key, n] of Object.entries(signOuts)) if (key.startsWith(`${pool}/`)) m.set(key.slice(pool.length + 1), n);
  return m;
}
