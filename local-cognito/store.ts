// In-memory user pools, app clients and users, including each user's revocation generation.
// Everything is keyed by Maps so that lookups stay O(1) with 100k users in a pool.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { CognitoError, clientNotFound, invalidParameter, poolNotFound, userNotFound } from './errors.js';

export interface User {
  username: string;
  sub: string;
  // Always contains `sub`; insertion order is the order attributes are returned in.
  attributes: Record<string, string>;
  enabled: boolean;
  status: string;
  passwordHash?: string;
  created: number;
  modified: number;
  // Bumped by every global sign-out; tokens minted under an older generation are revoked.
  generation: number;
  // Position in the pool's creation order, which is what ListUsers pages through.
  index: number;
}

export interface AppClient {
  clientId: string;
  clientName: string;
  poolId: string;
  explicitAuthFlows: string[];
  created: number;
  modified: number;
}

export interface UserPool {
  id: string;
  name: string;
  region: string;
  arn: string;
  created: number;
  modified: number;
  users: Map<string, User>;
  // Users never leave a pool here, so creation order gives pagination a cursor that stays
  // valid while other requests change users (sign-outs included).
  order: User[];
  clients: Map<string, AppClient>;
}

export interface NewUser {
  username: string;
  attributes?: Record<string, string>;
  enabled?: boolean;
  status?: string;
  password?: string;
}

export const DEFAULT_REGION = 'us-east-1';
const ACCOUNT_ID = '123456789012';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

// Cognito's default password policy, which every pool created here gets.
export function checkPasswordPolicy(password: string): void {
  const reasons: Array<[boolean, string]> = [
    [[...password].length >= 8, 'Password not long enough'],
    [/[a-z]/.test(password), 'Password must have lowercase characters'],
    [/[A-Z]/.test(password), 'Password must have uppercase characters'],
    [/[0-9]/.test(password), 'Password must have numeric characters'],
    [/[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]/.test(password), 'Password must have symbol characters'],
  ];
  const failed = reasons.find(([ok]) => !ok);
  if (failed) throw new CognitoError('InvalidPasswordException', `Password did not conform with policy: ${failed[1]}`);
}

export class Store {
  readonly pools = new Map<string, UserPool>();
  private readonly clients = new Map<string, AppClient>();
  // Per-server salt: hashes are only compared within one process, never persisted.
  private readonly salt = randomBytes(16);

  constructor(private readonly now: () => number) {}

  createPool(name: string, region: string = DEFAULT_REGION): UserPool {
    const usedRegion = region === '' ? DEFAULT_REGION : region;
    let id: string;
    do id = `${usedRegion}_${randomString(ALNUM, 9)}`;
    while (this.pools.has(id));
    const now = this.now();
    const pool: UserPool = {
      id,
      name,
      region: usedRegion,
      arn: `arn:aws:cognito-idp:${usedRegion}:${ACCOUNT_ID}:userpool/${id}`,
      created: now,
      modified: now,
      users: new Map(),
      order: [],
      clients: new Map(),
    };
    this.pools.set(id, pool);
    return pool;
  }

  pool(id: string): UserPool {
    const pool = this.pools.get(id);
    if (!pool) throw poolNotFound(id);
    return pool;
  }

  createClient(pool: UserPool, clientName: string, explicitAuthFlows: string[]): AppClient {
    let clientId: string;
    do clientId = randomString(LOWER_ALNUM, 26);
    while (this.clients.has(clientId));
    const now = this.now();
    const client: AppClient = { clientId, clientName, poolId: pool.id, explicitAuthFlows, created: now, modified: now };
    this.clients.set(clientId, client);
    pool.clients.set(clientId, client);
    return client;
  }

  // Public (token) flows know only the client id, so clients are also indexed globally.
  client(clientId: string, pool?: UserPool): AppClient {
    const client = this.clients.get(clientId);
    if (!client || (pool && client.poolId !== pool.id)) throw clientNotFound(clientId);
    return client;
  }

  addUser(pool: UserPool, spec: NewUser): User {
    if (pool.users.has(spec.username)) {
      throw new CognitoError('UsernameExistsException', 'User account already exists');
    }
    const now = this.now();
    const sub = spec.attributes?.sub ?? randomUUID();
    const user: User = {
      username: spec.username,
      sub,
      attributes: { sub, ...spec.attributes },
      enabled: spec.enabled ?? true,
      status: spec.status ?? 'CONFIRMED',
      created: now,
      modified: now,
      generation: 0,
      index: pool.order.length,
    };
    if (spec.password !== undefined) user.passwordHash = this.hash(spec.password);
    pool.users.set(user.username, user);
    pool.order.push(user);
    return user;
  }

  findUser(pool: UserPool, username: string): User | undefined {
    return pool.users.get(username);
  }

  user(pool: UserPool, username: string): User {
    const user = pool.users.get(username);
    if (!user) throw userNotFound();
    return user;
  }

  setPassword(user: User, password: string, permanent: boolean): void {
    user.passwordHash = this.hash(password);
    user.status = permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
    user.modified = this.now();
  }

  passwordMatches(user: User, password: string): boolean {
    return user.passwordHash !== undefined && user.passwordHash === this.hash(password);
  }

  signOut(user: User): void {
    user.generation += 1;
  }

  // Opaque cursor naming the last user returned; the username lets a cursor from another pool
  // or a forged index be told apart from a real one.
  static encodeCursor(user: User): string {
    return Buffer.from(`${user.index}:${user.username}`, 'utf8').toString('base64url');
  }

  static decodeCursor(pool: UserPool, token: string): number {
    const text = Buffer.from(token, 'base64url').toString('utf8');
    const colon = text.indexOf(':');
    const index = Number(text.slice(0, colon));
    const user = Number.isInteger(index) ? pool.order[index] : undefined;
    if (colon < 0 || !user || user.username !== text.slice(colon + 1)) {
      throw invalidParameter('Invalid pagination token.');
    }
    return index + 1;
  }

  private hash(password: string): string {
    return createHash('sha256').update(this.salt).update(password, 'utf8').digest('base64');
  }
}
