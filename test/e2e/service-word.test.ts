// A leading `cognito-idp` (an AWS CLI runbook line with `aws` swapped for `cogsignout`) is
// skipped: each line behaves exactly like the same line without it, byte for byte, requests
// included. Only the first word in the command position is skipped; anywhere else it is a word
// like any other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, TEST_CREDENTIALS, type LocalCognito } from '../../local-cognito/server.js';
import { runCli } from '../support/cli.js';
import { quietSdkWarning } from '../support/sdk-warning.js';

quietSdkWarning();

const USAGE = 'usage: cogsignout [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n  cogsignout help\n  cogsignout <command> help\n  cogsignout <command> <subcommand> help\n';
const paramError = (msg: string): string => `\ncogsignout: [ERROR]: An error occurred (ParamValidation): ${msg}\n\n${USAGE}`;

let server: LocalCognito;
let pool: string;

beforeAll(async () => {
  server = await startLocalCognito({ keys: [TEST_CREDENTIALS] });
  pool = server.createUserPool('service-word');
  server.seedUsers(pool, ['alice', 'bob'].map((username) => ({ username, password: 'Passw0rd!x' })));
});
afterAll(async () => { await server.close(); });

const signOutsOf = (user: string): number => server.requests.filter((r) => r.operation === 'AdminUserGlobalSignOut'
  && (r.body as { Username?: string }).Username === user).length;

/** Runs the line with and without the service word; both must give the same result. */
async function same(withWord: string[], without: string[]): Promise<Awaited<ReturnType<typeof runCli>>> {
  const [a, b] = [await runCli(withWord), await runCli(without)];
  // A bulk summary names when the run started and how long it took: the only part that differs.
  const untimed = (out: string): string => out.replace(/"(StartTime|EndTime|DurationSeconds|RatePerSecond)": [^,\n]+/g, '"$1": …');
  expect({ code: a.code, stdout: untimed(a.stdout), stderr: a.stderr }).toEqual({ code: b.code, stdout: untimed(b.stdout), stderr: b.stderr });
  return a;
}

describe('a leading cognito-idp', () => {
  it('a runbook line signs the user out', async () => {
    const before = signOutsOf('alice');
    const r = await runCli(['cognito-idp', 'admin-user-global-sign-out', '--endpoint-url', server.url, '--user-pool-id', pool, '--username', 'alice']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(signOutsOf('alice')).toBe(before + 1);
  });

  it('after global options, and with global options between it and the command', async () => {
    const tail = ['--endpoint-url', server.url, '--user-pool-id', pool, '--username', 'nobody'];
    const r = await same(['--region', 'us-east-1', 'cognito-idp', 'admin-user-global-sign-out', ...tail], ['--region', 'us-east-1', 'admin-user-global-sign-out', ...tail]);
    expect(r.code).toBe(254);
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (UserNotFoundException) when calling the AdminUserGlobalSignOut operation: User does not exist.\n');
    await same(['cognito-idp', '--output', 'text', 'admin-user-global-sign-out', ...tail], ['--output', 'text', 'admin-user-global-sign-out', ...tail]);
  });

  it('alone: the missing command, as with nothing', async () => {
    const r = await same(['cognito-idp'], []);
    expect(r).toMatchObject({ code: 252, stdout: '', stderr: paramError('the following arguments are required: operation') });
  });

  it('help, the command help, -h', async () => {
    const top = await same(['cognito-idp', 'help'], ['help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('\nNAME\n');
    const op = await same(['cognito-idp', 'admin-user-global-sign-out', 'help'], ['admin-user-global-sign-out', 'help']);
    expect(op.stdout).toContain('admin-user-global-sign-out');
    await same(['cognito-idp', 'bulk-sign-out', '-h'], ['bulk-sign-out', '-h']);
  });

  it('bulk-sign-out after it, too', async () => {
    const tail = ['--endpoint-url', server.url, '--user-pool-id', pool, '--all-users', '--dry-run'];
    const r = await same(['cognito-idp', 'bulk-sign-out', ...tail], ['bulk-sign-out', ...tail]);
    expect(r).toMatchObject({ code: 0, stderr: 'bulk-sign-out (dry run): finished: 2 users: 2 would be signed out, 0 skipped; nobody was signed out.\n' });
    expect(JSON.parse(r.stdout)).toMatchObject({ WouldSignOut: 2 });
  });

  it('an unknown operation after it is still an invalid choice', async () => {
    const r = await runCli(['cognito-idp', 'list-users']);
    expect(r).toMatchObject({ code: 252, stdout: '', stderr: paramError("argument operation: Found invalid choice 'list-users'\n") });
  });
});

describe('cognito-idp anywhere else', () => {
  it('twice: only the first is skipped', async () => {
    const r = await runCli(['cognito-idp', 'cognito-idp', 'admin-user-global-sign-out']);
    expect(r).toMatchObject({ code: 252, stdout: '', stderr: paramError("argument operation: Found invalid choice 'cognito-idp'\n") });
  });

  it('as the value of a global option it is that value', async () => {
    const r = await runCli(['--profile', 'cognito-idp', 'admin-user-global-sign-out', '--user-pool-id', pool, '--username', 'bob']);
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: '\ncogsignout: [ERROR]: The config profile (cognito-idp) could not be found\n' });
  });

  it('after the command it is an unknown argument', async () => {
    const tail = ['--endpoint-url', server.url, '--user-pool-id', pool, '--username', 'bob'];
    const r = await runCli(['admin-user-global-sign-out', 'cognito-idp', ...tail]);
    expect(r.code).toBe(252);
    expect(r.stderr).toContain('Unknown options: cognito-idp');
    expect(signOutsOf('bob')).toBe(0);
  });
});
