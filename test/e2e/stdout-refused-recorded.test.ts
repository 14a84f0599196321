// AWS CLI 2.36.7 recordings (test/fixtures/stdout-refused-recordings.json) of runs whose stdout
// the OS refuses: /dev/full (ENOSPC) and a pipe whose reader has gone (EPIPE, `| true`). Python
// holds small output in its buffers and meets the failure only as it shuts down ("Exception
// ignored in: <stdout>", exit 120, whatever the run's code); larger output fails as it is written,
// which JSON, YAML and tables shrug off and text reports (src/output/stdout-buffer.ts). Against
// the project's local endpoint: every case in process, through a stdout that refuses as the OS
// does (a pipe's or /dev/full's block size, 4096, sizes Python's buffer), and a few as the built
// CLI spawned with a real /dev/full or a pipe closed before it writes, for the process's own fds.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { BIN, REPO, TEST_TMP, baseEnv } from '../support/cli.js';
import { RECORDED_KEYS } from '../support/replay.js';
import { run } from '../../src/cli/driver.js';
import type { Io, OutputStream } from '../../src/cli/io.js';
import { processStream } from '../../src/cli/process-stream.js';

interface RefusedCase {
  readonly id: string;
  readonly stdout: '/dev/full' | 'closed-pipe';
  readonly env: Readonly<Record<string, string>>;
  readonly args: readonly string[];
  readonly code: number;
  readonly stderr: string;
}

const FIXTURE = JSON.parse(readFileSync(join(REPO, 'test/fixtures/stdout-refused-recordings.json'), 'utf8')) as { cases: RefusedCase[] };

let server: LocalCognito;
let poolId: string;
beforeAll(async () => {
  server = await startLocalCognito({ keys: RECORDED_KEYS });
  poolId = server.createUserPool('Example');
  server.seedUsers(poolId, [{ username: 'alice' }]);
});
afterAll(async () => { await server.close(); });

/** Through the process's own fds: a few of each way out. */
const SPAWNED = new Set(['version-full', 'version-pipe', 'skel-yaml-pipe', 'small-json-full', 'big-text-pipe', 'big-json-full', 'version-full-unbuffered']);

const caseArgs = (c: RefusedCase): string[] => c.args.map((a) => a.replace('{{ENDPOINT}}', server.url).replace('us-east-1_Example', poolId));
const caseEnv = (c: RefusedCase, home: string): Record<string, string> => ({
  ...baseEnv(home), AWS_ACCESS_KEY_ID: 'AKIDEXAMPLETEST', AWS_SECRET_ACCESS_KEY: 'test-secret-access-key', AWS_REGION: 'us-east-1', AWS_PAGER: '', ...c.env,
});

/** A stdout whose every write the OS refuses, as /dev/full (ENOSPC) or a pipe without a reader (EPIPE). */
function refusingStdout(c: RefusedCase): OutputStream {
  const code = c.stdout === '/dev/full' ? 'ENOSPC' : 'EPIPE';
  const refuse = async (): Promise<void> => { throw Object.assign(new Error(`${code}: refused, write`), { code }); };
  return { write: () => {}, writeAll: refuse, writeAllBytes: refuse, isTTY: false, columns: undefined, blockSize: 4096 };
}

async function runInProcess(c: RefusedCase): Promise<{ code: number | null; stderr: string }> {
  const home = mkdtempSync(join(TEST_TMP, 'cogso-refused-'));
  const env = caseEnv(c, home);
  let stderr = '';
  const io: Io = {
    argv: caseArgs(c), env, cwd: home, version: '0.0.0-test', stdout: refusingStdout(c),
    stderr: processStream({ write: (d, cb) => { stderr += typeof d === 'string' ? d : Buffer.from(d).toString('utf8'); cb?.(null); return true; } }, env, false),
  };
  try {
    const code = await run(io);
    return { code, stderr: stderr.replaceAll(poolId, 'us-east-1_Example') };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function runRefused(c: RefusedCase): Promise<{ code: number | null; stderr: string }> {
  const home = mkdtempSync(join(TEST_TMP, 'cogso-refused-'));
  const args = caseArgs(c);
  const env = caseEnv(c, home);
  const full = c.stdout === '/dev/full' ? openSync('/dev/full', 'w') : undefined;
  const child = spawn(process.execPath, [BIN, ...args], { env, cwd: home, stdio: ['ignore', full ?? 'pipe', 'pipe'] });
  if (full !== undefined) closeSync(full);
  // Gone before the program has written a byte.
  else child.stdout?.destroy();
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr: stderr.replaceAll(poolId, 'us-east-1_Example') })));
}

describe.skipIf(!existsSync('/dev/full')).concurrent('stdout refused by the OS, as AWS CLI 2.36.7 (recorded)', () => {
  it('the recordings cover both ways of refusing, and each way out', () => {
    const codes = new Set(FIXTURE.cases.map((c) => `${c.stdout} ${c.code}`));
    expect([...codes].sort()).toEqual(['/dev/full 0', '/dev/full 120', '/dev/full 254', '/dev/full 255', 'closed-pipe 0', 'closed-pipe 120', 'closed-pipe 254', 'closed-pipe 255']);
  });
  it('the spawned cases are recorded', () => {
    expect(FIXTURE.cases.filter((c) => SPAWNED.has(c.id)).length).toBe(SPAWNED.size);
  });
  for (const c of FIXTURE.cases) {
    it(`${c.id} (in process)`, async () => {
      expect(await runInProcess(c)).toEqual({ code: c.code, stderr: c.stderr });
    });
    if (SPAWNED.has(c.id)) {
      it(`${c.id} (the built CLI)`, async () => {
        expect(await runRefused(c)).toEqual({ code: c.code, stderr: c.stderr });
      });
    }
  }
});
