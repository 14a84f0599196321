// AWS CLI 2.36.7 recordings (test/fixtures/stdout-refused-recordings.json) of runs whose stdout
// the OS refuses: /dev/full (ENOSPC) and a pipe whose reader has gone (EPIPE, `| true`). Python
// holds small output in its buffers and meets the failure only as it shuts down ("Exception
// ignored in: <stdout>", exit 120, whatever the run's code); larger output fails as it is written,
// which JSON, YAML and tables shrug off and text reports (src/output/stdout-buffer.ts). The built
// CLI is spawned, as only a process has a stdout to refuse; against the project's local endpoint.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { BIN, REPO, TEST_TMP, baseEnv } from '../support/cli.js';
import { RECORDED_KEYS } from '../support/replay.js';

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

function runRefused(c: RefusedCase): Promise<{ code: number | null; stderr: string }> {
  const home = mkdtempSync(join(TEST_TMP, 'cogso-refused-'));
  const args = c.args.map((a) => a.replace('{{ENDPOINT}}', server.url).replace('us-east-1_Example', poolId));
  const env = { ...baseEnv(home), AWS_ACCESS_KEY_ID: 'AKIDEXAMPLETEST', AWS_SECRET_ACCESS_KEY: 'test-secret-access-key', AWS_REGION: 'us-east-1', AWS_PAGER: '', ...c.env };
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
  for (const c of FIXTURE.cases) {
    it(c.id, async () => {
      expect(await runRefused(c)).toEqual({ code: c.code, stderr: c.stderr });
    });
  }
});
