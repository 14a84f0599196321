// Runs the built CLI inside a real pseudo-terminal (util-linux `script`), for behavior that
// depends on stdout being a terminal: the pager, color auto, terminal width.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, baseEnv } from './cli.js';

const quote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;

export interface PtyResult { readonly code: number | null; readonly output: string }

/** The terminal's bytes (stdout and stderr together, as a terminal shows them) and the exit code. */
export async function runInPty(args: readonly string[], env: Readonly<Record<string, string | null>> = {}, columns = 80): Promise<PtyResult> {
  const home = mkdtempSync(join(tmpdir(), 'cogso-pty-'));
  const full: Record<string, string> = { ...baseEnv(home), TERM: 'dumb' };
  for (const [k, v] of Object.entries(env)) if (v === null) delete full[k]; else full[k] = v;
  const command = `stty cols ${columns} rows 50; ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}`;
  try {
    return await new Promise<PtyResult>((resolve, reject) => {
      const child = spawn('script', ['-qfec', command, '/dev/null'], { env: full, stdio: ['pipe', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d: Buffer) => { output += d.toString('utf8'); });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, output: output.replace(/\r\n/g, '\n') }));
      child.stdin.end();
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
