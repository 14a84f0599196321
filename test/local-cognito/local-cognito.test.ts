// Exercises the local Cognito endpoint through the real AWS SDK (and raw HTTP where the SDK
// cannot produce the request), asserting the exact error codes and messages clients see.
import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  type CognitoIdentityProviderClientConfig,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type ExplicitAuthFlowsType,
  GetUserCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
// The SDK's own signer, used only to sign requests the client itself will not build (an empty
// region, a query string). It is a dependency of the SDK client, not a direct one.
import { SignatureV4 } from '@smithy/signature-v4';
import { spawn } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCognito, TEST_CREDENTIALS, startLocalCognito } from '../../local-cognito/server.js';
import { REQUEST_LOG_LIMIT, Stats } from '../../local-cognito/stats.js';
import { quietSdkWarning } from '../support/sdk-warning.js';

quietSdkWarning();

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const BAD_TOKEN = 'The security token included in the request is invalid.';
const PASSWORD = 'Correct-Horse-9';

function sdk(server: LocalCognito, extra: Partial<CognitoIdentityProviderClientConfig> = {}): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
    ...extra,
  });
}

interface CaughtError extends Error {
  $metadata?: { httpStatusCode?: number; attempts?: number };
  code?: string;
}

async function failure(promise: Promise<unknown>): Promise<CaughtError> {
  const outcome = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(outcome instanceof Error)) throw new Error('expected the call to fail, but it succeeded');
  return outcome as CaughtError;
}

async function expectError(promise: Promise<unknown>, name: string, message: string | RegExp): Promise<CaughtError> {
  const err = await failure(promise);
  expect(err.name).toBe(name);
  if (typeof message === 'string') expect(err.message).toBe(message);
  else expect(err.message).toMatch(message);
  return err;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(url: string, opts: { path?: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  const target = new URL(opts.path ?? '/', url);
  return new Promise((resolve, reject) => {
    const req = request(target, { method: 'POST', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body ?? '');
  });
}

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: SourceData): string | Buffer =>
  typeof d === 'string' ? d : d instanceof ArrayBuffer ? Buffer.from(d) : Buffer.from(d.buffer, d.byteOffset, d.byteLength);

// The signer wants a hash object with async digest; node:crypto provides the primitives.
class NodeSha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

async function signedRaw(
  url: string,
  opts: { operation: string; body: string; region: string; query?: Record<string, string>; contentHashHeader?: boolean; sendBody?: string },
): Promise<RawResponse> {
  const u = new URL(url);
  const signer = new SignatureV4({
    credentials: TEST_CREDENTIALS,
    region: opts.region,
    service: 'cognito-idp',
    sha256: NodeSha256,
    applyChecksum: opts.contentHashHeader ?? true,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: u.hostname,
    port: Number(u.port),
    path: '/',
    query: opts.query ?? {},
    headers: {
      host: u.host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${opts.operation}`,
    },
    body: opts.body,
  });
  const qs = new URLSearchParams(opts.query ?? {}).toString();
  return raw(url, { path: qs ? `/?${qs}` : '/', headers: signed.headers, body: opts.sendBody ?? opts.body });
}

interface Fixture {
  poolId: string;
  clientId: string;
}

async function poolWithClient(client: CognitoIdentityProviderClient, flows: ExplicitAuthFlowsType[] = ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']): Promise<Fixture> {
  const pool = await client.send(new CreateUserPoolCommand({ PoolName: 'demo-pool' }));
  const poolId = pool.UserPool!.Id!;
  const app = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'demo-app', ExplicitAuthFlows: flows }));
  return { poolId, clientId: app.UserPoolClient!.ClientId! };
}

async function confirmedUser(client: CognitoIdentityProviderClient, poolId: string, username: string): Promise<void> {
  await client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }] }));
  await client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: PASSWORD, Permanent: true }));
}

async function signIn(client: CognitoIdentityProviderClient, f: Fixture, username: string) {
  const out = await client.send(new AdminInitiateAuthCommand({
    UserPoolId: f.poolId,
    ClientId: f.clientId,
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD },
  }));
  return out.AuthenticationResult!;
}

let server: LocalCognito;
let client: CognitoIdentityProviderClient;

beforeAll(async () => {
  server = await startLocalCognito();
  client = sdk(server);
});

afterAll(async () => {
  client.destroy();
  await server.close();
});

afterEach(() => {
  server.clearFaults();
  server.setRateLimit('*', undefined);
  server.setRateLimit('AdminUserGlobalSignOut', undefined);
  server.setRateLimit('ListUsers', undefined);
});

describe('sign-in, global sign-out and revocation', () => {
  it('revokes earlier access and refresh tokens and lets the user sign in again', async () => {
    const f = await poolWithClient(client);
    expect(f.poolId).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);

    const created = await client.send(new AdminCreateUserCommand({
      UserPoolId: f.poolId,
      Username: 'alice',
      TemporaryPassword: 'Temporary-Pass-1',
      UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }],
      MessageAction: 'SUPPRESS',
    }));
    expect(created.User).toMatchObject({ Username: 'alice', Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(created.User!.UserCreateDate).toBeInstanceOf(Date);
    expect(created.User!.Attributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: 'alice@example.com' }, { Name: 'sub', Value: expect.any(String) }]));

    await expectError(
      client.send(new AdminCreateUserCommand({ UserPoolId: f.poolId, Username: 'alice' })),
      'UsernameExistsException',
      'User account already exists',
    );

    // The temporary password only yields a challenge, never tokens.
    const challenge = await client.send(new AdminInitiateAuthCommand({
      UserPoolId: f.poolId, ClientId: f.clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'alice', PASSWORD: 'Temporary-Pass-1' },
    }));
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.Session).toEqual(expect.any(String));
    expect(challenge.AuthenticationResult).toBeUndefined();

    await client.send(new AdminSetUserPasswordCommand({ UserPoolId: f.poolId, Username: 'alice', Password: PASSWORD, Permanent: true }));
    expect(server.requests.at(-1)!.body).toEqual({ UserPoolId: f.poolId, Username: 'alice', Password: 'REDACTED', Permanent: true });
    const first = await signIn(client, f, 'alice');
    expect(first).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(first.AccessToken!.split('.')).toHaveLength(3);

    const me = await client.send(new GetUserCommand({ AccessToken: first.AccessToken! }));
    expect(me.Username).toBe('alice');
    expect(me.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: 'alice@example.com' }]));
    expect(server.requests.at(-1)).toMatchObject({ operation: 'GetUser', signed: false, status: 200 });

    await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: f.poolId, Username: 'alice' }));
    expect(server.stats().signOuts[`${f.poolId}/alice`]).toBe(1);

    await expectError(client.send(new GetUserCommand({ AccessToken: first.AccessToken! })), 'NotAuthorizedException', 'Access Token has been revoked');
    await expectError(
      client.send(new InitiateAuthCommand({ ClientId: f.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: first.RefreshToken! } })),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );
    await expectError(
      client.send(new AdminInitiateAuthCommand({ UserPoolId: f.poolId, ClientId: f.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: first.RefreshToken! } })),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );

    // Tokens issued after the sign-out are unaffected by it.
    const second = await signIn(client, f, 'alice');
    expect((await client.send(new GetUserCommand({ AccessToken: second.AccessToken! }))).Username).toBe('alice');
    const refreshed = await client.send(new InitiateAuthCommand({ ClientId: f.clientId, AuthFlow: 'REFRESH_TOKEN', AuthParameters: { REFRESH_TOKEN: second.RefreshToken! } }));
    expect(refreshed.AuthenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(refreshed.AuthenticationResult!.RefreshToken).toBeUndefined();
    expect((await client.send(new GetUserCommand({ AccessToken: refreshed.AuthenticationResult!.AccessToken! }))).Username).toBe('alice');
  });

  it('answers bad credentials, disabled flows and bad tokens the way Cognito does', async () => {
    const f = await poolWithClient(client);
    await confirmedUser(client, f.poolId, 'bob');
    const auth = (USERNAME: string, password: string) =>
      client.send(new AdminInitiateAuthCommand({ UserPoolId: f.poolId, ClientId: f.clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD: password } }));
    await expectError(auth('bob', 'Wrong-Pass-1'), 'NotAuthorizedException', 'Incorrect username or password.');
    await expectError(auth('nobody', PASSWORD), 'NotAuthorizedException', 'Incorrect username or password.');

    const noAdmin = await client.send(new CreateUserPoolClientCommand({ UserPoolId: f.poolId, ClientName: 'spa', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }));
    await expectError(
      client.send(new AdminInitiateAuthCommand({ UserPoolId: f.poolId, ClientId: noAdmin.UserPoolClient!.ClientId!, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bob', PASSWORD } })),
      'InvalidParameterException',
      'Auth flow not enabled for this client',
    );

    await expectError(client.send(new GetUserCommand({ AccessToken: 'not.a.token' })), 'NotAuthorizedException', 'Invalid Access Token');
    await expectError(
      client.send(new InitiateAuthCommand({ ClientId: f.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: 'garbage' } })),
      'NotAuthorizedException',
      'Invalid Refresh Token',
    );
    // An access token is not a refresh token, even though both are signed by this server.
    const tokens = await signIn(client, f, 'bob');
    await expectError(
      client.send(new InitiateAuthCommand({ ClientId: f.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.AccessToken! } })),
      'NotAuthorizedException',
      'Invalid Refresh Token',
    );
    await expectError(
      client.send(new AdminSetUserPasswordCommand({ UserPoolId: f.poolId, Username: 'bob', Password: 'short', Permanent: true })),
      'InvalidPasswordException',
      'Password did not conform with policy: Password not long enough',
    );
  });

  it('expires access tokens after an hour', async () => {
    let offset = 0;
    const clocked = await startLocalCognito({ now: () => Date.now() + offset });
    const c = sdk(clocked);
    try {
      const f = await poolWithClient(c);
      await confirmedUser(c, f.poolId, 'carol');
      const tokens = await signIn(c, f, 'carol');
      offset = 3601 * 1000;
      await expectError(c.send(new GetUserCommand({ AccessToken: tokens.AccessToken! })), 'NotAuthorizedException', 'Access Token has expired');
      // The refresh token outlives the access token.
      const refreshed = await c.send(new InitiateAuthCommand({ ClientId: f.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } }));
      expect(refreshed.AuthenticationResult!.AccessToken).toEqual(expect.any(String));
    } finally {
      c.destroy();
      await clocked.close();
    }
  });
});

describe('AdminUserGlobalSignOut errors', () => {
  it('reports unknown pools, unknown users and invalid members', async () => {
    const poolId = server.createUserPool('errors');
    server.seedUsers(poolId, [{ username: 'dave' }]);
    await expectError(
      client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: 'us-east-1_doesnotex', Username: 'dave' })),
      'ResourceNotFoundException',
      'User pool us-east-1_doesnotex does not exist.',
    );
    await expectError(client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'erin' })), 'UserNotFoundException', 'User does not exist.');
    await expectError(
      client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: '' })),
      'InvalidParameterException',
      "1 validation error detected: Value '' at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    await expectError(
      client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: undefined, Username: undefined })),
      'InvalidParameterException',
      "2 validation errors detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null; Value null at 'username' failed to satisfy constraint: Member must not be null",
    );
    await expectError(
      client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: 'nope', Username: 'dave' })),
      'InvalidParameterException',
      "1 validation error detected: Value 'nope' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
    );
    await expectError(
      client.send(new ListUsersCommand({ UserPoolId: 'eu-west-1_AAAAAAAAA' })),
      'ResourceNotFoundException',
      'User pool eu-west-1_AAAAAAAAA does not exist.',
    );
    const ok = await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'dave' }));
    expect(ok.$metadata.httpStatusCode).toBe(200);
    expect(server.stats().signOuts[`${poolId}/dave`]).toBe(1);
  });
});

describe('ListUsers', () => {
  let poolId: string;
  beforeAll(() => {
    poolId = server.createUserPool('directory');
    server.seedUsers(
      poolId,
      Array.from({ length: 150 }, (_, i) => ({
        username: `user-${String(i).padStart(3, '0')}`,
        attributes: { email: `u${i}@${i % 3 === 0 ? 'corp' : 'mail'}.example`, given_name: i % 2 === 0 ? 'Even' : 'Odd' },
        enabled: i !== 7,
      })),
    );
  });

  async function listAll(input: { Filter?: string; Limit?: number }, during?: (page: UserType[]) => Promise<void>): Promise<{ names: string[]; pages: number[] }> {
    const names: string[] = [];
    const pages: number[] = [];
    let token: string | undefined;
    do {
      const out = await client.send(new ListUsersCommand({ UserPoolId: poolId, ...input, PaginationToken: token }));
      const users = out.Users ?? [];
      pages.push(users.length);
      names.push(...users.map((u) => u.Username!));
      if (during) await during(users);
      token = out.PaginationToken;
    } while (token);
    return { names, pages };
  }

  it('pages through every user once, in a stable order, while users are being signed out', async () => {
    const { names, pages } = await listAll({}, async (page) => {
      await Promise.all(page.map((u) => client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: u.Username! }))));
    });
    expect(pages).toEqual([60, 60, 30]);
    expect(names).toEqual(Array.from({ length: 150 }, (_, i) => `user-${String(i).padStart(3, '0')}`));
    expect(Object.keys(server.stats().signOuts).filter((k) => k.startsWith(`${poolId}/`))).toHaveLength(150);
  });

  it('filters by exact value and by prefix, and honours Limit and AttributesToGet', async () => {
    const corp = await listAll({ Filter: 'email ^= "u1"', Limit: 7 });
    expect(corp.names).toHaveLength(61); // u1, u10-u19, u100-u149
    expect(corp.pages.every((n) => n <= 7)).toBe(true);

    const one = await client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'username = "user-042"', AttributesToGet: ['email'] }));
    expect(one.Users).toHaveLength(1);
    expect(one.Users![0]!.Attributes).toEqual([{ Name: 'email', Value: 'u42@corp.example' }]);
    expect(one.PaginationToken).toBeUndefined();

    const disabled = await client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'status = "Disabled"' }));
    expect(disabled.Users!.map((u) => u.Username)).toEqual(['user-007']);
    const escaped = await client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'given_name = "\\"Odd\\""' }));
    expect(escaped.Users).toEqual([]);
    const confirmed = await listAll({ Filter: 'cognito:user_status = "confirmed"' });
    expect(confirmed.names).toHaveLength(150);
  });

  it('rejects bad filters, limits and pagination tokens', async () => {
    await expectError(client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'email ~ "x"' })), 'InvalidParameterException', 'Error while parsing filter.');
    await expectError(client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'custom:team = "x"' })), 'InvalidParameterException', /^Error while parsing filter\./);
    await expectError(
      client.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 61 })),
      'InvalidParameterException',
      "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
    );
    await expectError(client.send(new ListUsersCommand({ UserPoolId: poolId, PaginationToken: 'bogus' })), 'InvalidParameterException', 'Invalid pagination token.');
  });
});

describe('throttling', () => {
  // The buckets' clock held still (and moved by hand): exact counts, whatever the machine's speed.
  let clock = 0;
  let held: LocalCognito;
  let heldClient: CognitoIdentityProviderClient;
  beforeAll(async () => {
    held = await startLocalCognito({ rateClock: () => clock });
    heldClient = sdk(held);
  });
  afterAll(async () => {
    heldClient.destroy();
    await held.close();
  });

  it('rejects requests beyond the per-operation rate with TooManyRequestsException', async () => {
    const poolId = held.createUserPool('throttled');
    held.seedUsers(poolId, Array.from({ length: 10 }, (_, i) => ({ username: `t${i}` })));
    const before = held.stats().throttled;
    held.setRateLimit('AdminUserGlobalSignOut', 5);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => heldClient.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: `t${i}` }))),
    );
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    // A burst of 5, and no refill while the clock stands still.
    expect(rejected).toHaveLength(5);
    for (const r of rejected) {
      const err = r.reason as CaughtError;
      expect(err.name).toBe('TooManyRequestsException');
      expect(err.message).toBe('Rate exceeded');
      expect(err.$metadata?.httpStatusCode).toBe(400);
    }
    expect(held.stats().throttled - before).toBe(5);
    // Other operations have their own budget.
    await heldClient.send(new ListUsersCommand({ UserPoolId: poolId }));

    // The bucket refills at the configured rate: 5 per second is one per 200 ms, and no more.
    clock += 200;
    await heldClient.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 't0' }));
    await expectError(heldClient.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 't1' })), 'TooManyRequestsException', 'Rate exceeded');
    clock += 1000;
    await Promise.all(Array.from({ length: 5 }, (_, i) => heldClient.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: `t${i}` }))));
    await expectError(heldClient.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 't5' })), 'TooManyRequestsException', 'Rate exceeded');

    held.setRateLimit('AdminUserGlobalSignOut', undefined);
    await Promise.all(Array.from({ length: 10 }, (_, i) => heldClient.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: `t${i}` }))));
  });

  it("shares the '*' budget across all operations", async () => {
    const poolId = held.createUserPool('shared');
    held.seedUsers(poolId, [{ username: 'x' }]);
    held.setRateLimit('*', 3);
    const results = await Promise.allSettled([
      heldClient.send(new ListUsersCommand({ UserPoolId: poolId })),
      heldClient.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'x' })),
      heldClient.send(new ListUsersCommand({ UserPoolId: poolId })),
      heldClient.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'x' })),
      heldClient.send(new GetUserCommand({ AccessToken: 'a.b.c' })),
    ]);
    const throttled = results.filter((r) => r.status === 'rejected' && (r.reason as Error).name === 'TooManyRequestsException');
    expect(throttled).toHaveLength(2);
    held.setRateLimit('*', undefined);
  });
});

describe('fault injection', () => {
  let poolId: string;
  beforeAll(() => {
    poolId = server.createUserPool('faults');
    server.seedUsers(poolId, [{ username: 'f1' }, { username: 'f2' }]);
  });
  const signOut = (username: string, c = client) => c.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: username }));
  const count = (username: string) => server.stats().signOuts[`${poolId}/${username}`] ?? 0;

  it('status500 answers InternalErrorException, which the SDK retries', async () => {
    server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'status500', times: 1 });
    const err = await expectError(signOut('f1'), 'InternalErrorException', 'Internal server error');
    expect(err.$metadata?.httpStatusCode).toBe(500);
    expect(count('f1')).toBe(0);

    server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'status500', times: 1 });
    const retrying = sdk(server, { maxAttempts: 3 });
    try {
      const ok = await signOut('f1', retrying);
      expect(ok.$metadata.attempts).toBe(2);
      expect(count('f1')).toBe(1);
    } finally {
      retrying.destroy();
    }
  });

  it('html502 answers a gateway page instead of JSON', async () => {
    server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'html502', times: 1 });
    const err = await failure(signOut('f1'));
    expect(err.$metadata?.httpStatusCode).toBe(502);
    expect(server.requests.at(-1)).toMatchObject({ operation: 'AdminUserGlobalSignOut', status: 502 });
  });

  it('reset drops the connection without an answer', async () => {
    const before = count('f1');
    server.injectFault({ username: 'f1', kind: 'reset', times: 1 });
    const err = await failure(signOut('f1'));
    expect(err.code).toBe('ECONNRESET');
    expect(count('f1')).toBe(before);
    expect(server.requests.at(-1)).toMatchObject({ status: 0 });
  });

  it('delay holds the answer, then processes the request', async () => {
    const before = count('f2');
    server.injectFault({ username: 'f2', kind: 'delay', delayMs: 100, times: 1 });
    const started = Date.now();
    await signOut('f2');
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(count('f2')).toBe(before + 1);
  });

  it('empty200 and malformed answer 200 without doing the work', async () => {
    const before = count('f1');
    server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'empty200', times: 1 });
    const empty = await signOut('f1');
    expect(empty.$metadata.httpStatusCode).toBe(200);
    const emptyList = await (async () => {
      server.injectFault({ operation: 'ListUsers', kind: 'empty200', times: 1 });
      return client.send(new ListUsersCommand({ UserPoolId: poolId }));
    })();
    expect(emptyList.Users).toBeUndefined();

    server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'malformed', times: 1 });
    const err = await failure(signOut('f1'));
    expect(err.name).toBe('SyntaxError');
    expect(err.message).toMatch(/Deserialization error/);
    expect(count('f1')).toBe(before);
  });

  it('answer sends the response it is given, without doing the work; only kind answer takes one', async () => {
    const before = count('f1');
    server.injectFault({ username: 'f1', kind: 'answer', times: 1, answer: {
      status: 400, body: '{"__type":"AccessDeniedException","message":"denied"}', headers: { 'x-amzn-ErrorType': 'AccessDeniedException' },
    } });
    const err = await expectError(signOut('f1'), 'AccessDeniedException', 'denied');
    expect(err.$metadata?.httpStatusCode).toBe(400);
    expect(count('f1')).toBe(before);
    expect(server.requests.at(-1)).toMatchObject({ operation: 'AdminUserGlobalSignOut', status: 400 });
    expect(() => server.injectFault({ kind: 'answer' })).toThrow('a fault has an answer exactly when its kind is answer');
    expect(() => server.injectFault({ kind: 'status500', answer: { status: 400, body: '' } })).toThrow('a fault has an answer exactly when its kind is answer');
  });

  it('matches on operation and username, repeats until cleared, and is consumed by times', async () => {
    server.injectFault({ username: 'f2', kind: 'status500' });
    await signOut('f1');
    for (let i = 0; i < 3; i++) await expectError(signOut('f2'), 'InternalErrorException', 'Internal server error');
    server.clearFaults();
    await signOut('f2');

    server.injectFault({ operation: 'ListUsers', kind: 'status500', times: 2 });
    await signOut('f2');
    await failure(client.send(new ListUsersCommand({ UserPoolId: poolId })));
    await failure(client.send(new ListUsersCommand({ UserPoolId: poolId })));
    await client.send(new ListUsersCommand({ UserPoolId: poolId }));
  });
});

describe('signature verification', () => {
  const poolOp = (c: CognitoIdentityProviderClient) => c.send(new ListUsersCommand({ UserPoolId: 'us-east-1_AAAAAAAAA' }));

  it('rejects a wrong secret, an unknown key and a skewed clock', async () => {
    const wrongSecret = sdk(server, { credentials: { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' } });
    const unknownKey = sdk(server, { credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'whatever' } });
    const slowClock = sdk(server, { systemClockOffset: -10 * 60 * 1000 });
    try {
      await expectError(poolOp(wrongSecret), 'InvalidSignatureException', SIGNATURE_MISMATCH);
      await expectError(poolOp(unknownKey), 'UnrecognizedClientException', BAD_TOKEN);
      expect(server.requests.at(-1)).toMatchObject({ signed: true, accessKeyId: 'AKIDUNKNOWN', status: 400, error: 'UnrecognizedClientException' });
      await expectError(
        poolOp(slowClock),
        'InvalidSignatureException',
        /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/,
      );
    } finally {
      wrongSecret.destroy();
      unknownKey.destroy();
      slowClock.destroy();
    }
  });

  it('answers MissingAuthenticationTokenException to unsigned IAM operations', async () => {
    const res = await raw(server.url, {
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminUserGlobalSignOut' },
      body: JSON.stringify({ UserPoolId: 'us-east-1_AAAAAAAAA', Username: 'x' }),
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(res.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    expect(res.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(res.body)).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });

  it('accepts signatures for any region, including an empty one, and over a query string', async () => {
    for (const [region, contentHashHeader] of [['', false], ['ap-southeast-2', true]] as const) {
      const res = await signedRaw(server.url, { operation: 'CreateUserPool', body: JSON.stringify({ PoolName: 'raw' }), region, contentHashHeader, query: { b: 'two words', a: '1' } });
      expect(res.status).toBe(200);
      expect(server.requests.at(-1)).toMatchObject({ operation: 'CreateUserPool', signed: true, region, accessKeyId: TEST_CREDENTIALS.accessKeyId });
      const id = (JSON.parse(res.body) as { UserPool: { Id: string } }).UserPool.Id;
      expect(id.startsWith(`${region || 'us-east-1'}_`)).toBe(true);
    }
  });

  it('rejects a body changed after signing, with or without a content hash header', async () => {
    for (const contentHashHeader of [true, false]) {
      const res = await signedRaw(server.url, {
        operation: 'CreateUserPool',
        body: JSON.stringify({ PoolName: 'signed' }),
        sendBody: JSON.stringify({ PoolName: 'swapd' }),
        region: 'us-east-1',
        contentHashHeader,
      });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({ __type: 'InvalidSignatureException', message: SIGNATURE_MISMATCH });
    }
  });

  it('stores the Authorization header redacted', async () => {
    await client.send(new ListUsersCommand({ UserPoolId: server.createUserPool('log') }));
    const entry = server.requests.at(-1)!;
    expect(entry.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLOCALCOGNITO\/\d{8}\/us-east-1\/cognito-idp\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=REDACTED$/);

  });

  it('checks session tokens of temporary credentials', async () => {
    const temporary = { accessKeyId: 'ASIATEMPORARY', secretAccessKey: 'temporary-secret', sessionToken: 'session-token-1' };
    const scoped = await startLocalCognito({ keys: [temporary] });
    const good = sdk(scoped, { credentials: temporary });
    const missing = sdk(scoped, { credentials: { accessKeyId: temporary.accessKeyId, secretAccessKey: temporary.secretAccessKey } });
    const other = sdk(scoped, { credentials: { ...temporary, sessionToken: 'session-token-2' } });
    const defaults = sdk(scoped);
    try {
      const poolId = scoped.createUserPool('temp');
      await good.send(new ListUsersCommand({ UserPoolId: poolId }));
      expect(scoped.requests.at(-1)!.headers['x-amz-security-token']).toBe('REDACTED');
      await expectError(missing.send(new ListUsersCommand({ UserPoolId: poolId })), 'UnrecognizedClientException', BAD_TOKEN);
      await expectError(other.send(new ListUsersCommand({ UserPoolId: poolId })), 'UnrecognizedClientException', BAD_TOKEN);
      // Only the configured keys are accepted; the default test key is not among them here.
      await expectError(defaults.send(new ListUsersCommand({ UserPoolId: poolId })), 'UnrecognizedClientException', BAD_TOKEN);
    } finally {
      for (const c of [good, missing, other, defaults]) c.destroy();
      await scoped.close();
    }
  });

  it('answers unknown operations and unparseable bodies', async () => {
    const unknown = await raw(server.url, { headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.MakeCoffee', 'content-type': 'application/x-amz-json-1.1' }, body: '{}' });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toMatchObject({ __type: 'UnknownOperationException' });

    const badJson = await signedRaw(server.url, { operation: 'AdminUserGlobalSignOut', body: '{"UserPoolId": ', region: 'us-east-1' });
    expect(badJson.status).toBe(400);
    expect(badJson.headers['x-amzn-errortype']).toBe('SerializationException');

    // Token-authorized operations need no signature at all.
    const unsigned = await raw(server.url, { headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.GetUser', 'content-type': 'application/x-amz-json-1.1' }, body: '{"AccessToken": "a.b.c"}' });
    expect(JSON.parse(unsigned.body)).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid Access Token' });
  });
});

describe('scale', () => {
  it('seeds 100k users and finds any one of them', async () => {
    const poolId = server.createUserPool('big');
    const names = server.seedUsers(poolId, Array.from({ length: 100_000 }, (_, i) => ({ username: `bulk-${i}` })));
    expect(names).toHaveLength(100_000);
    await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'bulk-99999' }));
    const found = await client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'username = "bulk-99998"' }));
    expect(found.Users!.map((u) => u.Username)).toEqual(['bulk-99998']);
  });

  it('serves 200 signed requests from 20 concurrent callers: each answered, logged and counted once', async () => {
    const poolId = server.createUserPool('throughput');
    server.seedUsers(poolId, Array.from({ length: 200 }, (_, i) => ({ username: `p${i}` })));
    server.resetStats();
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < 200) {
          const i = next++;
          await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: `p${i}` }));
        }
      }),
    );
    const stats = server.stats();
    expect(stats.requests.AdminUserGlobalSignOut).toBe(200);
    expect(Object.keys(stats.signOuts)).toHaveLength(200);
    expect(Object.values(stats.signOuts).every((n) => n === 1)).toBe(true);
    expect(server.requests).toHaveLength(200);
  });

  it('keeps only the most recent requests in the log', () => {
    const stats = new Stats();
    const log = stats.log;
    for (let i = 0; i < REQUEST_LOG_LIMIT + 500; i++) {
      stats.record({ operation: `op${i}`, headers: {}, body: {}, status: 200, signed: false });
    }
    expect(log).toHaveLength(REQUEST_LOG_LIMIT);
    expect(log[0]!.operation).toBe('op500');
    stats.reset();
    expect(log).toHaveLength(0);
  });
});

describe('standalone server', () => {
  it('prints where it listens, applies --rate-limit, and exits cleanly on SIGTERM', async () => {
    const { build } = await import('esbuild');
    const dir = mkdtempSync(join(tmpdir(), 'local-cognito-serve-'));
    try {
      const outfile = join(dir, 'local-cognito.mjs');
      await build({
        entryPoints: [fileURLToPath(new URL('../../local-cognito/serve.ts', import.meta.url))],
        outfile,
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        logLevel: 'silent',
      });
      const child = spawn(process.execPath, [outfile, '--rate-limit', 'ListUsers=1'], { stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', () => reject(new Error('server exited before announcing itself')));
      });
      const announced = JSON.parse(firstLine) as { listening: number; url: string; accessKeyId: string; secretAccessKey: string };
      expect(announced).toEqual({
        listening: expect.any(Number),
        url: `http://127.0.0.1:${announced.listening}`,
        accessKeyId: TEST_CREDENTIALS.accessKeyId,
        secretAccessKey: TEST_CREDENTIALS.secretAccessKey,
      });
      const remote = new CognitoIdentityProviderClient({ endpoint: announced.url, region: 'us-east-1', credentials: TEST_CREDENTIALS, maxAttempts: 1 });
      try {
        const pool = await remote.send(new CreateUserPoolCommand({ PoolName: 'standalone' }));
        await remote.send(new ListUsersCommand({ UserPoolId: pool.UserPool!.Id! }));
        await expectError(remote.send(new ListUsersCommand({ UserPoolId: pool.UserPool!.Id! })), 'TooManyRequestsException', 'Rate exceeded');
      } finally {
        remote.destroy();
      }
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
