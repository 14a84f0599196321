// admin-user-global-sign-out end to end: the built CLI as a child process against the local
// Cognito endpoint, asserting exact stdout, stderr and exit codes, and what the endpoint saw.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AdminInitiateAuthCommand, CognitoIdentityProviderClient, CreateUserPoolClientCommand, GetUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { startLocalCognito, TEST_CREDENTIALS, type LocalCognito } from '../../local-cognito/server.js';
import { runCli } from '../support/cli.js';
import { quietSdkWarning } from '../support/sdk-warning.js';
import { fastTimer, RUN_SPEED } from '../support/hostile-peers.js';

quietSdkWarning();

const USAGE = 'usage: cogsignout [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n  cogsignout help\n  cogsignout <command> help\n  cogsignout <command> <subcommand> help\n';
const paramError = (msg: string): string => `\ncogsignout: [ERROR]: An error occurred (ParamValidation): ${msg}\n\n${USAGE}`;

let server: LocalCognito;
let pool: string;
const SESSION_KEY = { accessKeyId: 'ASIASESSIONKEY', secretAccessKey: 'session-secret', sessionToken: 'the-session-token' };

beforeAll(async () => {
  server = await startLocalCognito({ keys: [TEST_CREDENTIALS, SESSION_KEY, { accessKeyId: 'AKIDPROCESS', secretAccessKey: 'process-secret' }, { accessKeyId: 'AKIDCONTAINER', secretAccessKey: 'container-secret', sessionToken: 'container-token' }] });
  pool = server.createUserPool('e2e');
  server.seedUsers(pool, ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'slow', 'throttled'].map((username) => ({ username, password: 'Passw0rd!x' })));
});
afterAll(async () => { await server.close(); });
beforeEach(() => { server.clearFaults(); server.setRateLimit('*', undefined); server.setRateLimit('AdminUserGlobalSignOut', undefined); server.resetStats(); });

const signOut = (user: string, extra: string[] = [], env: Record<string, string | null> = {}, files: Record<string, string> = {}) =>
  runCli(['admin-user-global-sign-out', '--endpoint-url', server.url, '--user-pool-id', pool, '--username', user, ...extra], { env, files });

// A request delayed by one test can finish during the next, so each test looks only at its own user.
const sentSignOuts = (user?: string) => server.requests.filter((r) => r.operation === 'AdminUserGlobalSignOut'
  && (user === undefined || (r.body as { Username?: string }).Username === user));

describe('the call', () => {
  it('signs the user out: no output, exit 0, tokens revoked', async () => {
    const sdk = new CognitoIdentityProviderClient({ endpoint: server.url, region: 'us-east-1', credentials: TEST_CREDENTIALS });
    const { UserPoolClient } = await sdk.send(new CreateUserPoolClientCommand({
      UserPoolId: pool, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }));
    const clientId = UserPoolClient?.ClientId as string;
    const auth = await sdk.send(new AdminInitiateAuthCommand({
      UserPoolId: pool, ClientId: clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'carol', PASSWORD: 'Passw0rd!x' },
    }));
    const access = auth.AuthenticationResult?.AccessToken as string;
    await sdk.send(new GetUserCommand({ AccessToken: access }));

    const r = await signOut('carol');
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    await expect(sdk.send(new GetUserCommand({ AccessToken: access }))).rejects.toThrow('Access Token has been revoked');
    await expect(sdk.send(new InitiateAuthCommand({
      ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: auth.AuthenticationResult?.RefreshToken as string },
    }))).rejects.toThrow('Refresh Token has been revoked');
    expect(server.stats().signOuts[`${pool}/carol`]).toBe(1);
    sdk.destroy();
  });

  it('sends botocore\'s request: signed with the environment keys, the region in the scope, its JSON body', async () => {
    const r = await signOut('alice', ['--region', 'eu-west-1']);
    expect(r.code).toBe(0);
    const [req] = sentSignOuts();
    expect(req).toMatchObject({ accessKeyId: TEST_CREDENTIALS.accessKeyId, region: 'eu-west-1', signed: true, body: { UserPoolId: pool, Username: 'alice' } });
    expect(req?.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(req?.headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.AdminUserGlobalSignOut');
    expect(req?.headers['user-agent']).toMatch(/cogsignout\/\d/);
  });

  it('reports an unknown user as the service error, exit 254', async () => {
    const r = await signOut('nobody');
    expect(r).toMatchObject({ code: 254, stdout: '' });
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (UserNotFoundException) when calling the AdminUserGlobalSignOut operation: User does not exist.\n');
  });

  it('reports an unknown pool', async () => {
    const r = await runCli(['admin-user-global-sign-out', '--endpoint-url', server.url, '--user-pool-id', 'us-east-1_Nope', '--username', 'alice']);
    expect(r.code).toBe(254);
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (ResourceNotFoundException) when calling the AdminUserGlobalSignOut operation: User pool us-east-1_Nope does not exist.\n');
  });

  it('retries throttling three times in all, then says so', async () => {
    server.setRateLimit('AdminUserGlobalSignOut', 0.001);
    await signOut('bob'); // takes the only token of the bucket
    server.resetStats();
    const r = await signOut('throttled');
    expect(r.code).toBe(254);
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (TooManyRequestsException) when calling the AdminUserGlobalSignOut operation (reached max retries: 2): Rate exceeded\n');
    expect(sentSignOuts()).toHaveLength(3);
  });

  it('retries a 500 and succeeds when the service recovers', async () => {
    server.injectFault({ username: 'alice', kind: 'status500', times: 2 });
    const r = await signOut('alice');
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(sentSignOuts()).toHaveLength(3);
  });

  it('AWS_MAX_ATTEMPTS=1 makes one attempt and says (reached max retries: 0)', async () => {
    server.injectFault({ username: 'alice', kind: 'status500' });
    const r = await signOut('alice', [], { AWS_MAX_ATTEMPTS: '1' });
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (InternalErrorException) when calling the AdminUserGlobalSignOut operation (reached max retries: 0): Internal server error\n');
    expect(r.code).toBe(254);
    expect(sentSignOuts()).toHaveLength(1);
  });

  it('max_attempts from the profile', async () => {
    server.injectFault({ username: 'alice', kind: 'status500' });
    const r = await signOut('alice', [], {}, { '.aws/config': '[default]\nmax_attempts = 2\n' });
    expect(r.stderr).toContain('(reached max retries: 1)');
    expect(sentSignOuts()).toHaveLength(2);
  });

  it('an HTML 502 from a proxy: code is the status, message the reason phrase', async () => {
    server.injectFault({ username: 'alice', kind: 'html502' });
    const r = await signOut('alice');
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (502) when calling the AdminUserGlobalSignOut operation (reached max retries: 2): Bad Gateway\n');
    expect(r.code).toBe(254);
  });

  it('a connection reset on every attempt', async () => {
    server.injectFault({ username: 'alice', kind: 'reset' });
    const r = await signOut('alice');
    expect(r.stderr).toBe(`\ncogsignout: [ERROR]: Connection was closed before we received a valid response from endpoint URL: "${server.url}/".\n`);
    expect(r.code).toBe(255);
    expect(sentSignOuts()).toHaveLength(3);
  });

  it('a read timeout', async () => {
    // On a clock SPEED times faster, the endpoint's delay scaled alike (1 s against 1.5 s).
    server.injectFault({ username: 'slow', kind: 'delay', delayMs: 1500 / RUN_SPEED });
    const r = await runCli(['admin-user-global-sign-out', '--endpoint-url', server.url, '--user-pool-id', pool, '--username', 'slow', '--cli-read-timeout', '1'],
      { env: { AWS_MAX_ATTEMPTS: '1' }, factory: { timer: fastTimer } });
    expect(r.stderr).toBe(`\ncogsignout: [ERROR]: Read timeout on endpoint URL: "${server.url}/"\n`);
    expect(r.code).toBe(255);
    // Let the endpoint finish the abandoned request before the next test looks at its log.
    while (sentSignOuts('slow').length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it('a malformed 200 body is still a success, as botocore reads it', async () => {
    server.injectFault({ username: 'alice', kind: 'malformed' });
    const r = await signOut('alice');
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});

describe('credentials', () => {
  const noEnvKeys = { AWS_ACCESS_KEY_ID: null, AWS_SECRET_ACCESS_KEY: null };

  it('a wrong secret key is rejected by the signature check', async () => {
    const r = await signOut('alice', [], { AWS_SECRET_ACCESS_KEY: 'wrong' });
    expect(r.code).toBe(254);
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (InvalidSignatureException) when calling the AdminUserGlobalSignOut operation: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n');
  });

  it('an unknown access key', async () => {
    const r = await signOut('alice', [], { AWS_ACCESS_KEY_ID: 'AKIDUNKNOWN' });
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (UnrecognizedClientException) when calling the AdminUserGlobalSignOut operation: The security token included in the request is invalid.\n');
  });

  it('session tokens are sent as X-Amz-Security-Token', async () => {
    const r = await signOut('dave', [], { AWS_ACCESS_KEY_ID: SESSION_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: SESSION_KEY.secretAccessKey, AWS_SESSION_TOKEN: SESSION_KEY.sessionToken });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(sentSignOuts('dave')[0]?.accessKeyId).toBe(SESSION_KEY.accessKeyId);
    expect(sentSignOuts('dave')[0]?.headers['x-amz-security-token']).toBe('REDACTED');
  });

  it('no credentials anywhere: 253', async () => {
    const r = await signOut('alice', [], noEnvKeys);
    expect(r).toMatchObject({ code: 253, stdout: '' });
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (NoCredentials): Unable to locate credentials. You can configure credentials by running "aws login".\n');
    expect(sentSignOuts()).toHaveLength(0);
  });

  it('partial keys in the credentials file', async () => {
    const r = await signOut('alice', [], noEnvKeys, { '.aws/credentials': '[default]\naws_access_key_id = AKIDX\n' });
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: Partial credentials found in shared-credentials-file, missing: aws_secret_access_key\n');
    expect(r.code).toBe(255);
  });

  it('AWS_PROFILE does not hide environment keys (the AWS CLI, unlike the SDK)', async () => {
    const r = await signOut('erin', [], { AWS_PROFILE: 'other' }, { '.aws/credentials': '[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = x\n' });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(sentSignOuts('erin')[0]?.accessKeyId).toBe(TEST_CREDENTIALS.accessKeyId);
  });

  it('--profile without keys, with environment keys: no credentials', async () => {
    const r = await signOut('alice', ['--profile', 'ep'], {}, { '.aws/config': '[profile ep]\nregion = us-east-1\n' });
    expect(r.code).toBe(253);
  });

  it('credential_process', async () => {
    const script = `#!/bin/sh\necho '{"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "process-secret"}'\n`;
    const r = await signOut('frank', ['--profile', 'proc'], noEnvKeys, {
      'creds.sh': script,
      '.aws/config': '[profile proc]\ncredential_process = sh {{HOME}}/creds.sh\n',
    });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(sentSignOuts('frank')[0]?.accessKeyId).toBe('AKIDPROCESS');
  });

  it('container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI)', async () => {
    const creds: Server = createServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ AccessKeyId: 'AKIDCONTAINER', SecretAccessKey: 'container-secret', Token: 'container-token', Expiration: new Date(Date.now() + 3600_000).toISOString() }));
    });
    await new Promise<void>((resolve) => creds.listen(0, '127.0.0.1', resolve));
    const { port } = creds.address() as { port: number };
    try {
      const r = await signOut('grace', [], { ...noEnvKeys, AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://127.0.0.1:${port}/creds` });
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(sentSignOuts('grace')[0]?.accessKeyId).toBe('AKIDCONTAINER');
    } finally {
      creds.close();
    }
  });

  it('an assume-role profile (role_arn + source_profile) through the SDK provider and STS AssumeRole', async () => {
    const r = await signOut('bob', ['--profile', 'admin'], { ...noEnvKeys, AWS_ENDPOINT_URL_STS: server.url }, {
      '.aws/config': `[profile base]\naws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${TEST_CREDENTIALS.secretAccessKey}\n` +
        '[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/cognito-admin\nsource_profile = base\nregion = us-east-1\n',
    });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const assumed = server.requests.filter((q) => q.operation === 'sts:AssumeRole');
    expect(assumed).toHaveLength(1);
    expect(assumed[0]?.accessKeyId).toBe(TEST_CREDENTIALS.accessKeyId);
    // The sign-out is signed with the temporary key STS issued, with its session token.
    expect(sentSignOuts('bob')[0]?.accessKeyId).toMatch(/^ASIA/);
    expect(sentSignOuts('bob')[0]?.headers['x-amz-security-token']).toBe('REDACTED');
  });

  it('web identity (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN) through STS AssumeRoleWithWebIdentity', async () => {
    const r = await signOut('carol', [], {
      ...noEnvKeys, AWS_ENDPOINT_URL_STS: server.url, AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/web',
      AWS_WEB_IDENTITY_TOKEN_FILE: '{{HOME}}/token', AWS_ROLE_SESSION_NAME: 'ci',
    }, { token: 'eyJ.test.token' });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(server.requests.filter((q) => q.operation === 'sts:AssumeRoleWithWebIdentity')).toHaveLength(1);
    expect(sentSignOuts('carol')[0]?.accessKeyId).toMatch(/^ASIA/);
  });

  it('an SSO profile: the cached token, then the portal\'s GetRoleCredentials', async () => {
    const { createHash } = await import('node:crypto');
    const startUrl = 'https://example.awsapps.com/start';
    const cacheFile = `.aws/sso/cache/${createHash('sha1').update(startUrl).digest('hex')}.json`;
    const r = await signOut('dave', ['--profile', 'sso'], { ...noEnvKeys, AWS_ENDPOINT_URL_SSO: server.url }, {
      '.aws/config': `[profile sso]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = CognitoAdmin\nregion = us-east-1\n`,
      [cacheFile]: JSON.stringify({ startUrl, region: 'us-east-1', accessToken: 'cached-sso-token', expiresAt: new Date(Date.now() + 3600_000).toISOString() }),
    });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(server.requests.filter((q) => q.operation === 'sso:GetRoleCredentials')).toHaveLength(1);
    expect(sentSignOuts('dave')[0]?.accessKeyId).toMatch(/^ASIA/);
  });

  it('instance metadata (IMDSv2): the region and the role credentials, when nothing else gives them', async () => {
    const issued = { AccessKeyId: 'AKIDCONTAINER', SecretAccessKey: 'container-secret', Token: 'container-token', Expiration: new Date(Date.now() + 3600_000).toISOString() };
    const asked: string[] = [];
    const imds: Server = createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      if (req.method === 'PUT' && req.url === '/latest/api/token') { res.end('imds-token'); return; }
      if (req.headers['x-aws-ec2-metadata-token'] !== 'imds-token') { res.statusCode = 401; res.end(); return; }
      if (req.url === '/latest/meta-data/placement/availability-zone') { res.end('eu-west-3b'); return; }
      if (req.url === '/latest/meta-data/iam/security-credentials/') { res.end('cognito-admin'); return; }
      if (req.url === '/latest/meta-data/iam/security-credentials/cognito-admin') { res.end(JSON.stringify({ Code: 'Success', Type: 'AWS-HMAC', ...issued })); return; }
      res.statusCode = 404; res.end();
    });
    await new Promise<void>((resolve) => imds.listen(0, '127.0.0.1', resolve));
    const { port } = imds.address() as { port: number };
    try {
      const r = await signOut('erin', [], {
        ...noEnvKeys, AWS_REGION: null, AWS_EC2_METADATA_DISABLED: null, AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${port}`,
      });
      expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
      expect(sentSignOuts('erin')[0]).toMatchObject({ accessKeyId: 'AKIDCONTAINER', region: 'eu-west-3' });
      expect(asked).toContain('GET /latest/meta-data/placement/availability-zone');
    } finally {
      imds.close();
    }
  });

  it('--no-sign-request sends an unsigned request and loads no credentials', async () => {
    const r = await signOut('heidi', ['--no-sign-request'], noEnvKeys);
    expect(r.code).toBe(254);
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (MissingAuthenticationTokenException) when calling the AdminUserGlobalSignOut operation: Missing Authentication Token\n');
    expect(sentSignOuts('heidi')[0]).toMatchObject({ signed: false });
    expect(sentSignOuts('heidi')[0]?.headers['x-amz-date']).toBeUndefined();
  });
});

describe('configuration', () => {
  it('the endpoint from a services section', async () => {
    const r = await runCli(['admin-user-global-sign-out', '--user-pool-id', pool, '--username', 'alice'], {
      files: { '.aws/config': `[default]\nservices = local\n[services local]\ncognito_identity_provider =\n  endpoint_url = ${server.url}\n` },
    });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(sentSignOuts()).toHaveLength(1);
  });

  it('a services section that does not exist', async () => {
    const r = await runCli(['admin-user-global-sign-out', '--user-pool-id', pool, '--username', 'alice'], {
      files: { '.aws/config': '[default]\nservices = nosuch\n' },
    });
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: The profile is configured to use the services section but the "nosuch" services configuration does not exist.\n');
    expect(r.code).toBe(255);
  });

  it('AWS_ENDPOINT_URL, and AWS_IGNORE_CONFIGURED_ENDPOINT_URLS switching it off', async () => {
    const base = ['admin-user-global-sign-out', '--user-pool-id', pool, '--username', 'alice'];
    expect((await runCli(base, { env: { AWS_ENDPOINT_URL: server.url } })).code).toBe(0);
    // `--generate-cli-skeleton output` resolves the endpoint without sending anything.
    const skeleton = [...base, '--generate-cli-skeleton', 'output'];
    expect((await runCli(skeleton, { env: { AWS_ENDPOINT_URL: 'foo' } })).code).toBe(255);
    expect(await runCli(skeleton, { env: { AWS_ENDPOINT_URL: 'foo', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' } }))
      .toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect((await runCli(skeleton, { env: { AWS_ENDPOINT_URL: 'foo' }, files: { '.aws/config': '[default]\nignore_configured_endpoint_urls = true\n' } })).code).toBe(0);
  });

  it('an invalid configured endpoint', async () => {
    const r = await runCli(['admin-user-global-sign-out', '--user-pool-id', pool, '--username', 'alice'], { env: { AWS_ENDPOINT_URL: 'foo' } });
    expect(r).toMatchObject({ code: 255, stderr: '\ncogsignout: [ERROR]: Invalid endpoint: foo\n' });
  });

  it('AWS_DEFAULT_REGION is honored (the SDK alone ignores it)', async () => {
    const r = await signOut('ivan', [], { AWS_REGION: null, AWS_DEFAULT_REGION: 'ap-southeast-2' });
    expect(r.code).toBe(0);
    expect(sentSignOuts('ivan')[0]?.region).toBe('ap-southeast-2');
  });

  it('region from the credentials file wins over the config file', async () => {
    const r = await signOut('judy', [], { AWS_REGION: null }, {
      '.aws/config': '[default]\nregion = eu-central-1\n', '.aws/credentials': '[default]\nregion = eu-west-3\n',
    });
    expect(r.code).toBe(0);
    expect(sentSignOuts('judy')[0]?.region).toBe('eu-west-3');
  });

  it('a malformed region', async () => {
    const r = await signOut('alice', ['--region', 'us east']);
    expect(r).toMatchObject({ code: 255, stderr: "\ncogsignout: [ERROR]: Provided region_name 'us east' doesn't match a supported format.\n" });
  });

  it('AWS_MAX_ATTEMPTS that is not a number', async () => {
    const r = await signOut('alice', [], { AWS_MAX_ATTEMPTS: 'abc' });
    expect(r).toMatchObject({ code: 255, stderr: "\ncogsignout: [ERROR]: invalid literal for int() with base 10: 'abc'\n" });
  });

  it('retry_mode from the profile', async () => {
    const r = await signOut('alice', [], {}, { '.aws/config': '[default]\nretry_mode = legacy\n' });
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: Invalid value provided to "mode": "legacy" must be one of: "standard" or "adaptive"\n');
  });

  it('a bad cli_binary_format in the config', async () => {
    const r = await signOut('alice', [], {}, { '.aws/config': '[default]\ncli_binary_format = bogus\n' });
    expect(r).toMatchObject({ code: 255, stderr: "\ncogsignout: [ERROR]: 'bogus'\n" });
  });
});

describe('argument errors (no network, exit 252)', () => {
  const run = (args: string[]) => runCli(['admin-user-global-sign-out', ...args]);

  it('ambiguous prefixes, at each parser level', async () => {
    expect((await run(['--user', 'x'])).stderr).toBe(paramError('ambiguous option: --user could match --user-pool-id, --username'));
    expect((await run(['--no', '--user-pool-id', 'p', '--username', 'u'])).stderr)
      .toBe(paramError('ambiguous option: --no could match --no-verify-ssl, --no-paginate, --no-sign-request, --no-cli-pager, --no-cli-auto-prompt'));
    expect((await run(['--cli'])).stderr)
      .toBe(paramError('ambiguous option: --cli could match --cli-read-timeout, --cli-connect-timeout, --cli-binary-format, --cli-auto-prompt, --cli-error-format'));
    expect((await run(['--cli-input', 'x'])).stderr).toBe(paramError('ambiguous option: --cli-input could match --cli-input-json, --cli-input-yaml'));
  });

  it('invalid choices with suggestions', async () => {
    const r = await run(['--user-pool-id', 'p', '--username', 'u', '--output', 'jsn']);
    expect(r).toMatchObject({ code: 252, stdout: '' });
    expect(r.stderr).toBe(paramError("argument --output: Found invalid choice 'jsn'\n\nMaybe you meant:\n\n  * json"));
    const op = await runCli(['admin-user-global-sign-ou', '--user-pool-id', 'p']);
    expect(op.stderr).toBe(paramError("argument operation: Found invalid choice 'admin-user-global-sign-ou'\n\nMaybe you meant:\n\n  * admin-user-global-sign-out"));
  });

  it('a value that looks like an option', async () => {
    expect((await run(['--user-pool-id', 'p', '--username', '-dash'])).stderr).toBe(paramError('argument --username: expected one argument'));
    // --debug is a global option wherever it stands: it is taken, and turns on the traceback.
    const debugTaken = await run(['--username', '--debug']);
    expect(debugTaken.stderr).toContain(' - MainThread - awscli.clidriver - DEBUG - Exception caught in main()\n');
    expect(debugTaken.stderr.endsWith(paramError('argument --username: expected one argument'))).toBe(true);
  });

  it('an operation option before the operation makes its value the operation', async () => {
    const r = await runCli(['--user-pool-id', 'x', 'admin-user-global-sign-out', '--username', 'u']);
    expect(r.stderr).toBe(paramError("argument operation: Found invalid choice 'x'\n"));
  });

  it('stray words: the first one is reported last', async () => {
    const r = await run(['--user-pool-id', 'p', '--username', 'u', 'extra1', 'extra2']);
    expect(r.stderr).toBe(`\n${USAGE}\n\ncogsignout: [ERROR]: Unknown options: extra2, extra1\n`);
  });

  it('--query is checked before the missing options', async () => {
    const r = await run(['--query', 'foo[']);
    expect(r.code).toBe(252);
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (ParamValidation): Bad value for --query foo[: Invalid jmespath expression: Incomplete expression:\n"foo["\n     ^\n');
  });

  it('the first-pass parser: --profile without a value', async () => {
    const r = await runCli(['admin-user-global-sign-out', '--profile']);
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (ParamValidation): argument --profile: expected one argument\n\nusage: cogsignout [--profile PROFILE] [--debug]\n');
  });

  it('both auto-prompt flags', async () => {
    const r = await run(['--cli-auto-prompt', '--no-cli-auto-prompt']);
    expect(r).toMatchObject({ code: 252, stderr: '\ncogsignout: [ERROR]: An error occurred (ParamValidation): Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.\n' });
  });

  it('a missing region beats parameter validation; validation beats missing credentials', async () => {
    const r = await runCli(['admin-user-global-sign-out', '--user-pool-id', '', '--username', 'u', '--endpoint-url', server.url], { env: { AWS_REGION: null } });
    expect(r).toMatchObject({ code: 253 });
    const v = await runCli(['admin-user-global-sign-out', '--user-pool-id', '', '--username', 'u', '--endpoint-url', server.url], { env: { AWS_ACCESS_KEY_ID: null } });
    expect(v.code).toBe(252);
  });

  it('--version prints the version line wherever it is, after earlier errors only', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^cogsignout\/\d+\.\d+\.\d+ Node\.js\/\d+\.\d+\.\d+ \S+\/\S+ node\/\S+\n$/);
    expect((await run(['--output', 'xml', '--version'])).code).toBe(252);
  });
});

describe('signals', () => {
  it('Ctrl-C during the call: a newline on stdout, nothing on stderr, exit 130', async () => {
    const { spawn } = await import('node:child_process');
    const { createServer: createTcpServer } = await import('node:net');
    const { BIN, baseEnv } = await import('../support/cli.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    // An endpoint that accepts the connection and never answers: the call is surely in flight.
    let connected!: () => void;
    const inFlight = new Promise<void>((resolve) => { connected = resolve; });
    const silent = createTcpServer((socket) => { socket.on('data', () => connected()); });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const home = mkdtempSync(`${tmpdir()}/cogso-sigint-`);
    const child = spawn(process.execPath, [BIN, 'admin-user-global-sign-out', '--endpoint-url', `http://127.0.0.1:${port}`, '--user-pool-id', pool, '--username', 'alice'], { env: baseEnv(home) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    await inFlight;
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    silent.close();
    expect({ code, stdout, stderr }).toEqual({ code: 130, stdout: '\n', stderr: '' });
  });

  it('Ctrl-C while SSLKEYLOGFILE names a FIFO no one reads: opening it waits, as Python\'s does, but the run still ends at 130', async () => {
    const { spawn, execFileSync } = await import('node:child_process');
    const { BIN, baseEnv } = await import('../support/cli.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const home = mkdtempSync(`${tmpdir()}/cogso-sigint-fifo-`);
    const fifo = `${home}/keys.fifo`;
    execFileSync('mkfifo', [fifo]);
    const child = spawn(process.execPath, [BIN, 'admin-user-global-sign-out', '--debug', '--endpoint-url', 'http://127.0.0.1:1', '--user-pool-id', pool, '--username', 'alice'], { env: { ...baseEnv(home), SSLKEYLOGFILE: fifo } });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    // The session stage logs the line a second time just before it opens the key log (and
    // nothing between them): the run is at the open soon after.
    let stderr = '';
    await new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.split('Arguments entered to CLI').length > 2) resolve();
    }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGINT');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(killer);
    expect({ code, stdout }).toEqual({ code: 130, stdout: '\n' });
  });
});

describe('--debug', () => {
  it("'Sending http request' keeps an endpoint's user-info holding a space, as botocore's request URL does, its password hidden", async () => {
    const endpoint = server.url.replace('://', '://eu:pa ss@');
    const r = await runCli(['admin-user-global-sign-out', '--debug', '--endpoint-url', endpoint, '--user-pool-id', pool, '--username', 'judy']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`method=POST, url=${server.url.replace('://', '://eu:<redacted>@')}/,`);
    expect(r.stderr).not.toContain('pa ss');
  });

  it('logs the call on stderr in the AWS CLI shape and never shows a secret', async () => {
    const secrets = [SESSION_KEY.secretAccessKey, SESSION_KEY.sessionToken, 'judy'];
    const r = await runCli(['admin-user-global-sign-out', '--debug', '--endpoint-url', server.url, '--user-pool-id', pool, '--username', 'judy'], {
      env: { AWS_ACCESS_KEY_ID: SESSION_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: SESSION_KEY.secretAccessKey, AWS_SESSION_TOKEN: SESSION_KEY.sessionToken },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - MainThread - /.test(l));
    expect(lines.length).toBeGreaterThan(8);
    expect(r.stderr).toMatch(/awscli\.clidriver - DEBUG - CLI version: cogsignout\//);
    expect(r.stderr).toContain('botocore.credentials - INFO - Found credentials in environment variables.');
    expect(r.stderr).toContain(`"POST / HTTP/1.1" 200 2`);
    expect(r.stderr).toMatch(/Signature=<redacted>/);
    expect(r.stderr).not.toMatch(/Signature=[0-9a-f]{64}/);
    for (const s of secrets) expect(r.stderr).not.toContain(s);
  });

  it('on an error, a traceback comes before the usual message, still without secrets', async () => {
    const r = await runCli(['admin-user-global-sign-out', '--debug', '--endpoint-url', server.url, '--user-pool-id', pool, '--username', 'nobody'], {
      env: { AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey },
    });
    expect(r.code).toBe(254);
    expect(r.stderr).toContain('Exception caught in main()');
    expect(r.stderr.endsWith('\ncogsignout: [ERROR]: An error occurred (UserNotFoundException) when calling the AdminUserGlobalSignOut operation: User does not exist.\n')).toBe(true);
    expect(r.stderr).not.toContain(TEST_CREDENTIALS.secretAccessKey);
    expect(r.stderr).not.toContain('nobody');
  });
});

describe('help output setting', () => {
  it('cli_help_output = url prints the documentation address without a newline', async () => {
    const r = await runCli(['admin-user-global-sign-out', 'help'], { files: { '.aws/config': '[default]\ncli_help_output = url\n' } });
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: 'https://awscli.amazonaws.com/v2/documentation/api/2.36.7/reference/cognito-idp/admin-user-global-sign-out.html' });
    // In UTF-8 whatever AWS_CLI_OUTPUT_ENCODING says, as the AWS CLI 2.36.7 writes it.
    const utf16 = await runCli(['admin-user-global-sign-out', 'help'], { env: { AWS_CLI_OUTPUT_ENCODING: 'utf-16' }, files: { '.aws/config': '[default]\ncli_help_output = url\n' } });
    expect(utf16).toMatchObject({ code: 0, stderr: '', stdout: r.stdout });
  });
});
