// The AWS CLI's cache of assumed-role credentials (~/.aws/cli/cache, botocore's JSONFileCache),
// shared with the AWS CLI: a role assumed by either is reused by both until 15 minutes before
// it expires, so an MFA profile asks for its code once per session, not once per command.
// File names are the SHA-1 of the AssumeRole arguments as Python's json.dumps(sort_keys=True)
// writes them (without a generated session name).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PythonError } from '../python/builtins.js';
import { parseExpiry } from './expiry.js';
import type { Credentials } from './types.js';

const EXPIRY_WINDOW_MS = 15 * 60_000;

/** json.dumps with its default ensure_ascii. */
const pyJsonString = (s: string): string => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The file-safe cache key of these AssumeRole arguments (values: strings, DurationSeconds an int). */
export function roleCacheKey(args: ReadonlyArray<readonly [string, string]>): string {
  const sorted = [...args].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const body = sorted.map(([k, v]) => `${pyJsonString(k)}: ${k === 'DurationSeconds' ? v : pyJsonString(v)}`).join(', ');
  return createHash('sha1').update(`{${body}}`, 'utf8').digest('hex');
}

/** SSOCredentialFetcher's key: sorted, minified JSON of the role, the account and the session or start URL. */
export function ssoCacheKey(args: Readonly<Record<string, string>>): string {
  const body = Object.keys(args).sort().map((k) => `${pyJsonString(k)}:${pyJsonString(args[k] as string)}`).join(',');
  return createHash('sha1').update(`{${body}}`, 'utf8').digest('hex');
}

export interface CachedRole {
  readonly credentials: Credentials;
  readonly expiresAt: number;
}

/** The cached credentials if still good for 15 minutes; a file that is not JSON is Python's KeyError. */
export function readRoleCache(dir: string, key: string, now: number = Date.now()): CachedRole | undefined {
  const path = join(dir, `${key}.json`);
  try {
    if (!statSync(path).isFile()) return undefined;
  } catch {
    return undefined;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new PythonError('KeyError', `'${key}'`);
  }
  const creds = (doc as { Credentials?: Record<string, unknown> } | null)?.Credentials;
  if (creds === undefined || creds === null || typeof creds !== 'object') throw new PythonError('KeyError', "'Credentials'");
  const expiresAt = parseExpiry(creds.Expiration);
  if (expiresAt - now < EXPIRY_WINDOW_MS) return undefined;
  const field = (k: string): string => {
    if (!(k in creds)) throw new PythonError('KeyError', `'${k}'`);
    return String(creds[k]);
  };
  return {
    credentials: { accessKeyId: field('AccessKeyId'), secretAccessKey: field('SecretAccessKey'), sessionToken: field('SessionToken') },
    expiresAt,
  };
}

export interface AssumedRole {
  readonly credentials: Credentials;
  readonly expiration: string | undefined;
  readonly assumedRoleArn: string | undefined;
  readonly assumedRoleId: string | undefined;
}

/** Writes what botocore writes (the response's members the AWS CLI reads back), mode 0600. */
export function writeRoleCache(dir: string, key: string, role: AssumedRole): void {
  const c = role.credentials;
  const accountId = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(role.assumedRoleArn ?? '')?.[1];
  const expiration = role.expiration === undefined ? undefined : new Date(parseExpiry(role.expiration)).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  writeCacheFile(dir, key, {
    Credentials: {
      AccessKeyId: c.accessKeyId, SecretAccessKey: c.secretAccessKey, SessionToken: c.sessionToken ?? null, Expiration: expiration,
      ...(accountId !== undefined ? { AccountId: accountId } : {}),
    },
    ...(role.assumedRoleArn !== undefined ? { AssumedRoleUser: { AssumedRoleId: role.assumedRoleId, Arn: role.assumedRoleArn } } : {}),
  });
}

/** What SSOCredentialFetcher caches: the role credentials, Expiration as `%Y-%m-%dT%H:%M:%SZ`. */
export function writeSsoCache(dir: string, key: string, c: Credentials, expirationMs: number, accountId: string): void {
  writeCacheFile(dir, key, {
    ProviderType: 'sso',
    Credentials: {
      AccessKeyId: c.accessKeyId, SecretAccessKey: c.secretAccessKey, SessionToken: c.sessionToken ?? null,
      Expiration: new Date(expirationMs).toISOString().replace(/\.\d{3}Z$/, 'Z'), AccountId: accountId,
    },
  });
}

function writeCacheFile(dir: string, key: string, doc: unknown): void {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${key}.json`), JSON.stringify(doc), { mode: 0o600 });
  } catch {
    // A cache that cannot be written only costs the next run an STS call.
  }
}
