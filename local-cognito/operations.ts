// One handler per Cognito operation. Handlers take the parsed JSON input and return the JSON
// output; failures are thrown as CognitoError and turned into wire errors by the server.
import { randomBytes, randomUUID } from 'node:crypto';
import {
  CLIENT_ID,
  CognitoError,
  type Input,
  USERNAME,
  USER_POOL_ID,
  Validator,
  invalidParameter,
  notAuthorized,
  userNotFound,
} from './errors.js';
import { parseFilter } from './filter.js';
import { type AppClient, Store, type User, type UserPool, checkPasswordPolicy } from './store.js';
import { ACCESS_TOKEN_TTL_SECONDS, type TokenAuthority, type VerifiedToken } from './tokens.js';

export interface OperationContext {
  store: Store;
  tokens: TokenAuthority;
  now: () => number;
  // Region from the request's signature scope ('' when unsigned or scoped to no region).
  region: string;
  onSignOut: (poolId: string, username: string) => void;
}

export interface Operation {
  // 'iam': SigV4-signed by an AWS principal; 'token': authorized by the Cognito tokens in the body.
  auth: 'iam' | 'token';
  handle: (input: Input, ctx: OperationContext) => unknown;
}

const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const;

const EXPLICIT_AUTH_FLOWS = [
  'ADMIN_NO_SRP_AUTH',
  'CUSTOM_AUTH_FLOW_ONLY',
  'USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
];

// What a client gets when ExplicitAuthFlows is omitted.
const DEFAULT_AUTH_FLOWS = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];

const STANDARD_ATTRIBUTES = new Set([
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale',
  'middle_name', 'name', 'nickname', 'phone_number', 'phone_number_verified', 'picture',
  'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo',
]);

const NAME_RULES = { required: true, min: 1, max: 128, pattern: /^[\w\s+=,.@-]+$/, patternText: '[\\w\\s+=,.@-]+' } as const;
const PASSWORD_RULES = { min: 1, max: 256 } as const;
const TOKEN_RULES = { required: true, pattern: /^[A-Za-z0-9-_=.]+$/, patternText: '[A-Za-z0-9-_=.]+' } as const;

const AUTH_FLOW_DISABLED = 'Auth flow not enabled for this client';
const BAD_CREDENTIALS = 'Incorrect username or password.';

// Wire dates are epoch seconds, with the sub-second part real responses also carry.
const epochSeconds = (ms: number): number => ms / 1000;

function attributeList(user: User, only?: readonly string[]): Array<{ Name: string; Value: string }> {
  const names = only ?? Object.keys(user.attributes);
  const out: Array<{ Name: string; Value: string }> = [];
  for (const Name of names) {
    const Value = user.attributes[Name];
    if (Value !== undefined) out.push({ Name, Value });
  }
  return out;
}

function userType(user: User, only?: readonly string[]): Record<string, unknown> {
  return {
    Username: user.username,
    Attributes: attributeList(user, only),
    UserCreateDate: epochSeconds(user.created),
    UserLastModifiedDate: epochSeconds(user.modified),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

function poolType(pool: UserPool): Record<string, unknown> {
  return {
    Id: pool.id,
    Name: pool.name,
    Arn: pool.arn,
    CreationDate: epochSeconds(pool.created),
    LastModifiedDate: epochSeconds(pool.modified),
    Policies: {
      PasswordPolicy: {
        MinimumLength: 8,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        TemporaryPasswordValidityDays: 7,
      },
    },
    DeletionProtection: 'INACTIVE',
    LambdaConfig: {},
    MfaConfiguration: 'OFF',
    EstimatedNumberOfUsers: pool.users.size,
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
    UserPoolTier: 'ESSENTIALS',
  };
}

function clientType(client: AppClient): Record<string, unknown> {
  return {
    UserPoolId: client.poolId,
    ClientName: client.clientName,
    ClientId: client.clientId,
    LastModifiedDate: epochSeconds(client.modified),
    CreationDate: epochSeconds(client.created),
    RefreshTokenValidity: 30,
    TokenValidityUnits: {},
    ExplicitAuthFlows: client.explicitAuthFlows,
    AllowedOAuthFlowsUserPoolClient: false,
    EnableTokenRevocation: true,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: 3,
  };
}

function checkAttributes(attributes: Array<{ Name: string; Value: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { Name, Value } of attributes) {
    if (Name === 'sub') {
      throw invalidParameter('Attributes did not conform to the schema: sub: Attribute cannot be updated. (changing an immutable attribute)');
    }
    if (!STANDARD_ATTRIBUTES.has(Name) && !Name.startsWith('custom:')) {
      throw invalidParameter(`Attributes did not conform to the schema: ${Name}: Attribute does not exist in the schema.\n`);
    }
    out[Name] = Value;
  }
  return out;
}

function issueFor(ctx: OperationContext, pool: UserPool, client: AppClient, user: User): Record<string, unknown> {
  const tokens = ctx.tokens.issue(
    {
      poolId: pool.id,
      region: pool.region,
      clientId: client.clientId,
      username: user.username,
      sub: user.sub,
      generation: user.generation,
      originJti: randomUUID(),
      authTime: Math.floor(ctx.now() / 1000),
    },
    user.attributes,
    true,
  );
  return {
    ChallengeParameters: {},
    AuthenticationResult: { AccessToken: tokens.AccessToken, ExpiresIn: ACCESS_TOKEN_TTL_SECONDS, TokenType: 'Bearer', RefreshToken: tokens.RefreshToken, IdToken: tokens.IdToken },
  };
}

function requireParameter(params: Record<string, string> | undefined, name: string): string {
  const value = params?.[name];
  if (value === undefined || value === '') throw invalidParameter(`Missing required parameter ${name}`);
  return value;
}

function passwordSignIn(ctx: OperationContext, pool: UserPool, client: AppClient, params: Record<string, string> | undefined): Record<string, unknown> {
  const username = requireParameter(params, 'USERNAME');
  const password = requireParameter(params, 'PASSWORD');
  const user = ctx.store.findUser(pool, username);
  // Unknown users and wrong passwords answer alike, as pools that prevent user-existence errors do.
  if (!user || !ctx.store.passwordMatches(user, password)) throw notAuthorized(BAD_CREDENTIALS);
  if (!user.enabled) throw notAuthorized('User is disabled.');
  if (user.status === 'RESET_REQUIRED') throw new CognitoError('PasswordResetRequiredException', 'Password reset required for the user');
  if (user.status === 'UNCONFIRMED') throw new CognitoError('UserNotConfirmedException', 'User is not confirmed.');
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    const { sub: _sub, ...visible } = user.attributes;
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: randomBytes(96).toString('base64url'),
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.username,
        requiredAttributes: '[]',
        userAttributes: JSON.stringify(visible),
      },
    };
  }
  return issueFor(ctx, pool, client, user);
}

// Resolves a token to its user, applying Cognito's checks in the order clients observe them.
function tokenUser(ctx: OperationContext, token: VerifiedToken | undefined, kind: 'Access' | 'Refresh'): { pool: UserPool; user: User; token: VerifiedToken } {
  const invalid = notAuthorized(`Invalid ${kind} Token`);
  const use = kind === 'Access' ? 'access' : 'refresh';
  if (!token || token.use !== use) throw invalid;
  if (token.expired) throw notAuthorized(`${kind} Token has expired`);
  const pool = ctx.store.pools.get(token.poolId);
  if (!pool) throw invalid;
  const user = ctx.store.findUser(pool, token.username);
  if (!user || user.sub !== token.sub) throw kind === 'Access' ? userNotFound() : invalid;
  if (token.generation < user.generation) throw notAuthorized(`${kind} Token has been revoked`);
  if (!user.enabled) throw notAuthorized('User is disabled.');
  return { pool, user, token };
}

function refreshSignIn(ctx: OperationContext, client: AppClient, params: Record<string, string> | undefined): Record<string, unknown> {
  const refreshToken = requireParameter(params, 'REFRESH_TOKEN');
  const verified = ctx.tokens.verify(refreshToken);
  if (verified && verified.clientId !== client.clientId) throw notAuthorized('Invalid Refresh Token');
  const { pool, user, token } = tokenUser(ctx, verified, 'Refresh');
  // Refreshing keeps the sign-in's identity (origin_jti, auth_time) and issues no new refresh token.
  const tokens = ctx.tokens.issue(
    { ...token, region: pool.region, generation: user.generation },
    user.attributes,
    false,
  );
  return {
    ChallengeParameters: {},
    AuthenticationResult: { AccessToken: tokens.AccessToken, ExpiresIn: ACCESS_TOKEN_TTL_SECONDS, TokenType: 'Bearer', IdToken: tokens.IdToken },
  };
}

const hasFlow = (client: AppClient, ...flows: string[]): boolean => flows.some((f) => client.explicitAuthFlows.includes(f));

const createUserPool: Operation = {
  auth: 'iam',
  handle(input, ctx) {
    const v = new Validator(input);
    const name = v.string('PoolName', NAME_RULES);
    v.done();
    return { UserPool: poolType(ctx.store.createPool(name!, ctx.region)) };
  },
};

const describeUserPool: Operation = {
  auth: 'iam',
  handle(input, ctx) {
    const v = new Validator(input);
    const poolId = v.string('UserPoolId', USER_POOL_ID);
    v.done();
    return { UserPool: poolType(ctx.store.pool(poolId!)) };
  },
};

const createUserPoolClient: Operation = {
  auth: 'iam',
  handle(input, ctx) {
    const v = new Validator(input);
    const poolId = v.string('UserPoolId', USER_POOL_ID);
    const name = v.string('ClientName', NAME_RULES);
    const flows = v.stringList('ExplicitAuthFlows');
    v.done();
    const bad = flows?.filter((f) => !EXPLICIT_AUTH_FLOWS.includes(f)) ?? [];
    if (bad.length > 0) {
      throw invalidParameter(
        `1 validation error detected: Value '[${flows!.join(', ')}]' at 'explicitAuthFlows' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${EXPLICIT_AUTH_FLOWS.join(', ')}]]`,
      );
    }
    const pool = ctx.store.pool(poolId!);
    const client = ctx.store.createClient(pool, name!, flows ? [...new Set(flows)] : DEFAULT_AUTH_FLOWS);
    return { UserPoolClient: clientType(client) };
  },
};

const adminCreateUser: Operation = {
  auth: 'iam',
  handle(input, ctx) {
    const v = new Validator(input);
    const poolId = v.string('UserPoolId', USER_POOL_ID);
    const username = v.string('Username', USERNAME);
    const attributes = v.attributeList('UserAttributes');
    const temporaryPassword = v.string('TemporaryPassword', PASSWORD_RULES);
    const messageAction = v.string('MessageAction', { enum: ['RESEND', 'SUPPRESS'] });
    v.done();
    const pool = ctx.store.pool(poolId!);
    if (messageAction === 'RESEND') {
      // Resending an invitation only makes sense for an existing user, and changes nothing here.
      return { User: userType(ctx.store.user(pool, username!)) };
    }
    const attrs = checkAttributes(attributes ?? []);
    if (temporaryPassword !== undefined) checkPasswordPolicy(temporaryPassword);
    const user = ctx.store.addUser(pool, {
      username: username!,
      attributes: attrs,
      status: 'FORCE_CHANGE_PASSWORD',
      // Without a supplied password Cognito mails a generated one; nobody can know it here.
      password: temporaryPassword ?? `${randomBytes(24).toString('base64')}aA1!`,
    });
    return { User: userType(user) };
  },
};

const adminSetUserPassword: Operation = {
  auth: 'iam',
  handle(input, ctx) {
    const v = new Validator(input);
    const poolId = v.string('UserPoolId', USER_POOL_ID);
    const username = v.string('Username', USERNAME);
    const password = v.string('Password', { ...PASSWORD_RULES, required: true });
    const permanent = v.boolean('Permanent');
    v.done();
    const pool = ctx.store.pool(poolId!);
    const user = ctx.store.user(pool, username!);
    checkPasswordPolicy(password!);
    ctx.store.setPassword(user, password!, permanent === true);
    return {};
  },
};

const adminGetUser: Operation = {
  auth: 'iam',
  handle(input, ctx) {
    const v = new Validator(input);
    const poolId = v.string('UserPoolId', USER_POOL_ID);
    const username = v.string('Username', USERNAME);
    v.done();
    const user = ctx.store.user(ctx.store.pool(poolId!), username!);
    const { Attributes, ...rest } = userType(user);
    return { ...rest, UserAttributes: Attributes };
  },
};

const adminInitiateAuth: Operation = {
  auth: 'iam',
  handle(input, ctx) {
    const v = new Validator(input);
    const poolId = v.string('UserPoolId', USER_POOL_ID);
    const clientId = v.string('ClientId', CLIENT_ID);
    const flow = v.string('AuthFlow', { required: true, enum: AUTH_FLOWS });
    const params = v.stringMap('AuthParameters');
    v.done();
    const pool = ctx.store.pool(poolId!);
    const client = ctx.store.client(clientId!, pool);
    switch (flow) {
      case 'ADMIN_USER_PASSWORD_AUTH':
      case 'ADMIN_NO_SRP_AUTH':
        if (!hasFlow(client, 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH')) throw invalidParameter(AUTH_FLOW_DISABLED);
        return passwordSignIn(ctx, pool, client, params);
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN':
        return refreshSignIn(ctx, client, params);
      default:
        throw invalidParameter(`Auth flow ${flow} is not supported by this local Cognito endpoint`);
    }
  },
};

const initiateAuth: Operation = {
  auth: 'token',
  handle(input, ctx) {
    const v = new Validator(input);
    const flow = v.string('AuthFlow', { required: true, enum: AUTH_FLOWS });
    const clientId = v.string('ClientId', CLIENT_ID);
    const params = v.stringMap('AuthParameters');
    v.done();
    const client = ctx.store.client(clientId!);
    switch (flow) {
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN':
        return refreshSignIn(ctx, client, params);
      case 'USER_PASSWORD_AUTH':
        if (!hasFlow(client, 'ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH')) throw invalidParameter(AUTH_FLOW_DISABLED);
        return passwordSignIn(ctx, ctx.store.pool(client.poolId), client, params);
      case 'ADMIN_USER_PASSWORD_AUTH':
      case 'ADMIN_NO_SRP_AUTH':
        throw invalidParameter('Initiate Auth method not supported.');
      default:
        throw invalidParameter(`Auth flow ${flow} is not supported by this local Cognito endpoint`);
    }
  },
};

const getUser: Operation = {
  auth: 'token',
  handle(input, ctx) {
    const v = new Validator(input);
    const accessToken = v.string('AccessToken', TOKEN_RULES);
    v.done();
    const { user } = tokenUser(ctx, ctx.tokens.verify(accessToken!), 'Access');
    return { Username: user.username, UserAttributes: attributeList(user) };
  },
};

const globalSignOut: Operation = {
  auth: 'token',
  handle(input, ctx) {
    const v = new Validator(input);
    const accessToken = v.string('AccessToken', TOKEN_RULES);
    v.done();
    const { user } = tokenUser(ctx, ctx.tokens.verify(accessToken!), 'Access');
    ctx.store.signOut(user);
    return {};
  },
};

const listUsers: Operation = {
  auth: 'iam',
  handle(input, ctx) {
    const v = new Validator(input);
    const poolId = v.string('UserPoolId', USER_POOL_ID);
    const attributesToGet = v.stringList('AttributesToGet');
    const limit = v.integer('Limit', { min: 1, max: 60 }) ?? 60;
    const paginationToken = v.string('PaginationToken', { min: 1, pattern: /^\S+$/, patternText: '[\\S]+' });
    const filter = v.string('Filter', { max: 256 });
    v.done();
    const pool = ctx.store.pool(poolId!);
    const matches = parseFilter(filter) ?? (() => true);
    const start = paginationToken === undefined ? 0 : Store.decodeCursor(pool, paginationToken);
    const page: User[] = [];
    let i = start;
    for (; i < pool.order.length && page.length < limit; i++) {
      const user = pool.order[i]!;
      if (matches(user)) page.push(user);
    }
    // Only hand out a cursor when another match really exists, so callers never get an empty last page.
    let more = false;
    for (; i < pool.order.length; i++) {
      if (matches(pool.order[i]!)) {
        more = true;
        break;
      }
    }
    const out: Record<string, unknown> = { Users: page.map((u) => userType(u, attributesToGet)) };
    const last = page[page.length - 1];
    if (more && last) out.PaginationToken = Store.encodeCursor(last);
    return out;
  },
};

const adminUserGlobalSignOut: Operation = {
  auth: 'iam',
  handle(input, ctx) {
    const v = new Validator(input);
    const poolId = v.string('UserPoolId', USER_POOL_ID);
    const username = v.string('Username', USERNAME);
    v.done();
    const pool = ctx.store.pool(poolId!);
    const user = ctx.store.user(pool, username!);
    ctx.store.signOut(user);
    ctx.onSignOut(pool.id, user.username);
    return {};
  },
};

export const OPERATIONS: ReadonlyMap<string, Operation> = new Map([
  ['CreateUserPool', createUserPool],
  ['DescribeUserPool', describeUserPool],
  ['CreateUserPoolClient', createUserPoolClient],
  ['AdminCreateUser', adminCreateUser],
  ['AdminSetUserPassword', adminSetUserPassword],
  ['AdminGetUser', adminGetUser],
  ['AdminInitiateAuth', adminInitiateAuth],
  ['InitiateAuth', initiateAuth],
  ['GetUser', getUser],
  ['GlobalSignOut', globalSignOut],
  ['ListUsers', listUsers],
  ['AdminUserGlobalSignOut', adminUserGlobalSignOut],
]);
