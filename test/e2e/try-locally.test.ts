// README, "Try it locally": the bundled endpoint started as documented creates a pool with users
// and prints the shell line that points cogsignout at it; with that environment, and nothing
// else, a user is signed out and an unknown one is the service's error.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../support/cli.js';

interface Announced { listening: number; url: string; accessKeyId: string; secretAccessKey: string; userPoolId: string; users: string[] }

let child: ChildProcess;
let announced: Announced;
let greeting = '';

beforeAll(async () => {
  child = spawn(process.execPath, [join(REPO, 'dist', 'local-cognito.mjs'), '--port', '0', '--pool', 'demo', '--users', 'alice,bob', '--users', 'carol'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr?.on('data', (d: Buffer) => { greeting += d.toString('utf8'); });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the endpoint exited (${code}): ${greeting}`)));
  });
  announced = JSON.parse(line) as Announced;
  while (!greeting.includes('--username')) await new Promise((r) => setTimeout(r, 20));
});
afterAll(() => { child.kill('SIGTERM'); });

/** The variables of the printed `export` line. */
function exported(): Record<string, string> {
  const line = greeting.split('\n').find((l) => l.trim().startsWith('export '));
  return Object.fromEntries((line ?? '').trim().slice('export '.length).split(' ').map((kv) => kv.split('=', 2) as [string, string]));
}

describe('the local endpoint for trying cogsignout', () => {
  it('announces the pool and its users', () => {
    expect(announced).toEqual({
      listening: expect.any(Number), url: `http://127.0.0.1:${announced.listening}`,
      accessKeyId: 'AKIDLOCALCOGNITO', secretAccessKey: 'local-cognito-test-secret',
      userPoolId: expect.stringMatching(/^us-east-1_[A-Za-z0-9]{9}$/), users: ['alice', 'bob', 'carol'],
    });
    expect(greeting).toBe([
      `local Cognito endpoint listening on ${announced.url} (Ctrl-C stops it)`,
      `user pool demo is ${announced.userPoolId}, with users alice, bob, carol`,
      'in another terminal, run:',
      `  export AWS_ACCESS_KEY_ID=AKIDLOCALCOGNITO AWS_SECRET_ACCESS_KEY=local-cognito-test-secret AWS_REGION=us-east-1 AWS_ENDPOINT_URL=${announced.url} POOL=${announced.userPoolId}`,
      `  cogsignout admin-user-global-sign-out --user-pool-id "$POOL" --username alice`,
      '',
    ].join('\n'));
  });

  it('with the printed environment alone, signs a user out', async () => {
    const env = exported();
    const pool = env.POOL!;
    expect(await runCli(['admin-user-global-sign-out', '--user-pool-id', pool, '--username', 'alice'], { env })).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await runCli(['cognito-idp', 'admin-user-global-sign-out', '--user-pool-id', pool, '--username', 'bob'], { env })).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await runCli(['admin-user-global-sign-out', '--user-pool-id', pool, '--username', 'mallory'], { env })).toMatchObject({
      code: 254, stdout: '', stderr: '\ncogsignout: [ERROR]: An error occurred (UserNotFoundException) when calling the AdminUserGlobalSignOut operation: User does not exist.\n',
    });
  });

  it('lists the pool with bulk-sign-out --dry-run', async () => {
    const env = exported();
    const r = await runCli(['bulk-sign-out', '--user-pool-id', env.POOL!, '--all-users', '--dry-run'], { env });
    expect(r).toMatchObject({ code: 0, stderr: 'bulk-sign-out (dry run): finished: 3 users: 3 would be signed out, 0 skipped; nobody was signed out.\n' });
    expect(JSON.parse(r.stdout)).toMatchObject({ WouldSignOut: 3 });
  });
});
