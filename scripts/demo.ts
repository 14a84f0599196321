// `npm run demo`: shows, against a local Cognito endpoint, that the cogsignout CLI really signs a
// user out everywhere: tokens issued before the sign-out stop working, a new sign-in still works.
// Bundled to dist/demo.mjs, so paths are resolved from that file's location.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LocalCognito, TEST_CREDENTIALS, startLocalCognito } from '../local-cognito/server.js';

const USERNAME = 'demo-user';
const PASSWORD = 'Demo-Passw0rd!';
const REGION = 'us-east-1';
const CLI_TIMEOUT_MS = 60_000;

class DemoFailure extends Error {}

let stepNumber = 0;
function step(text: string): void {
  stepNumber += 1;
  process.stdout.write(`\n${stepNumber}. ${text}\n`);
}
function detail(text: string): void {
  process.stdout.write(`   ${text}\n`);
}

const preview = (token: string): string => `${token.slice(0, 24)}... (${token.length} characters)`;

// Shows a command the way a person would type it into a POSIX shell.
function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

// Runs a call that must be refused, and returns the refusal as `Name: message`.
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    if (err instanceof Error) return `${err.name}: ${err.message}`;
    return String(err);
  }
  return 'no error (the call succeeded)';
}

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

// Only the variables the CLI needs, plus a pristine HOME: nothing from the caller's AWS setup
// (profiles, config files, region, session tokens) may change what the demo shows.
function cliEnvironment(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('AWS_')) env[name] = value;
  }
  return {
    ...env,
    HOME: home,
    USERPROFILE: home,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

async function demo(server: LocalCognito, home: string): Promise<void> {
  const repoRoot = fileURLToPath(new URL('..', import.meta.url));
  const cliPath = join(repoRoot, 'bin', 'cogsignout.js');
  const bundlePath = join(repoRoot, 'dist', 'core.cjs');
  const cognito = new CognitoIdentityProviderClient({ endpoint: server.url, region: REGION, credentials: TEST_CREDENTIALS });
  try {
    step(`Started a local Amazon Cognito endpoint at ${server.url}`);
    detail(`It accepts requests signed with the test access key ${TEST_CREDENTIALS.accessKeyId}.`);

    step('Creating a user pool.');
    const pool = await cognito.send(new CreateUserPoolCommand({ PoolName: 'cogsignout-demo' }));
    const poolId = pool.UserPool!.Id!;
    detail(`User pool ID: ${poolId}`);

    step('Creating an app client that allows admin password sign-in and token refresh.');
    const app = await cognito.send(new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'cogsignout-demo-app',
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }));
    const clientId = app.UserPoolClient!.ClientId!;
    detail(`App client ID: ${clientId}`);

    step(`Creating the user "${USERNAME}" with a permanent password.`);
    await cognito.send(new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: USERNAME,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: 'demo-user@example.com' }],
    }));
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: USERNAME, Password: PASSWORD, Permanent: true }));
    detail('Done.');

    const signIn = async () => {
      const out = await cognito.send(new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME, PASSWORD },
      }));
      const result = out.AuthenticationResult;
      if (!result?.AccessToken || !result.RefreshToken) throw new DemoFailure('signing in did not return an access token and a refresh token');
      return { accessToken: result.AccessToken, refreshToken: result.RefreshToken };
    };

    step(`Signing in as "${USERNAME}", as an app on one of the user's devices would.`);
    const before = await signIn();
    detail(`Access token:  ${preview(before.accessToken)}`);
    detail(`Refresh token: ${preview(before.refreshToken)}`);

    step('Checking that the access token works (GetUser).');
    const me = await cognito.send(new GetUserCommand({ AccessToken: before.accessToken }));
    detail(`Cognito says this token belongs to "${me.Username}".`);

    step('Signing the user out of every device with the cogsignout CLI.');
    if (!existsSync(cliPath) || !existsSync(bundlePath)) {
      throw new DemoFailure(`the CLI is not built (${existsSync(cliPath) ? bundlePath : cliPath} is missing). Run \`npm run build\` first.`);
    }
    const args = [
      cliPath,
      'admin-user-global-sign-out',
      '--endpoint-url', server.url,
      '--region', REGION,
      '--user-pool-id', poolId,
      '--username', USERNAME,
    ];
    detail('Environment: AWS_ACCESS_KEY_ID=' + TEST_CREDENTIALS.accessKeyId + ' AWS_SECRET_ACCESS_KEY=<the test secret>');
    detail(`             AWS_EC2_METADATA_DISABLED=true HOME=${home}`);
    detail(`Command:     ${[process.execPath, ...args].map(shellQuote).join(' ')}`);
    const signOutsBefore = server.stats().signOuts[`${poolId}/${USERNAME}`] ?? 0;
    const run = await runCli(args, cliEnvironment(home));
    detail(`Exit code:   ${run.code ?? `none (killed by ${run.signal})`}`);
    const output = (label: string, text: string) => {
      // Blank lines around the text carry no information here and would break the alignment.
      const lines = text.replace(/^(\s*\n)+/, '').trimEnd();
      if (lines === '') detail(`${label} (empty)`);
      else for (const [i, line] of lines.split('\n').entries()) detail(`${i === 0 ? label : ' '.repeat(label.length)} ${line}`);
    };
    output('Output:     ', run.stdout);
    output('Errors:     ', run.stderr);
    if (run.code !== 0) throw new DemoFailure(`the CLI did not succeed (exit code ${run.code ?? run.signal}); see its output above.`);
    const signOutsAfter = server.stats().signOuts[`${poolId}/${USERNAME}`] ?? 0;
    if (signOutsAfter <= signOutsBefore) {
      throw new DemoFailure('the CLI exited 0, but the local endpoint received no successful AdminUserGlobalSignOut for the user.');
    }
    detail('The endpoint recorded the AdminUserGlobalSignOut request.');

    step('Using the old access token again (GetUser).');
    const accessRefusal = await refusal(cognito.send(new GetUserCommand({ AccessToken: before.accessToken })));
    detail(`Refused: ${accessRefusal}`);
    if (accessRefusal !== 'NotAuthorizedException: Access Token has been revoked') {
      throw new DemoFailure(`expected "Access Token has been revoked", got: ${accessRefusal}`);
    }

    step('Trying to get new tokens with the old refresh token.');
    const refreshRefusal = await refusal(cognito.send(new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: before.refreshToken },
    })));
    detail(`Refused: ${refreshRefusal}`);
    if (refreshRefusal !== 'NotAuthorizedException: Refresh Token has been revoked') {
      throw new DemoFailure(`expected "Refresh Token has been revoked", got: ${refreshRefusal}`);
    }

    step('Signing in again: the account itself still works.');
    const after = await signIn();
    const again = await cognito.send(new GetUserCommand({ AccessToken: after.accessToken }));
    detail(`New access token accepted for "${again.Username}".`);

    process.stdout.write(
      `\nResult: the CLI signed "${USERNAME}" out of every device. Tokens issued before the sign-out are revoked;\n` +
        'the user can sign in again and receives new, working tokens.\n',
    );
  } finally {
    cognito.destroy();
  }
}

async function main(): Promise<number> {
  const home = mkdtempSync(join(tmpdir(), 'cogsignout-demo-home-'));
  let server: LocalCognito | undefined;
  try {
    process.stdout.write('cogsignout demo: global sign-out against a local Cognito endpoint\n');
    server = await startLocalCognito();
    await demo(server, home);
    return 0;
  } catch (err) {
    const reason = err instanceof DemoFailure ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`\nDemo failed: ${reason}\nThe revocation was NOT demonstrated.\n`);
    return 1;
  } finally {
    await server?.close();
    rmSync(home, { recursive: true, force: true });
  }
}

process.exitCode = await main();
