// A sliver of the IAM Identity Center (SSO) portal on the same endpoint: GetRoleCredentials, so
// that SSO profiles can be tested offline through the SDK's real provider. Any bearer token is
// accepted; the temporary keys issued are accepted by the signature check from then on.
import { randomBytes } from 'node:crypto';
import type { AccessKey } from './sigv4.js';

export interface SsoAnswer { readonly status: number; readonly json: string; readonly issued?: AccessKey }

export function handleGetRoleCredentials(url: URL, bearerToken: string | undefined, now: number): SsoAnswer {
  if (bearerToken === undefined || bearerToken === '') {
    return { status: 401, json: JSON.stringify({ message: 'Session token not found or invalid' }) };
  }
  if (!url.searchParams.get('role_name') || !/^\d{12}$/.test(url.searchParams.get('account_id') ?? '')) {
    return { status: 400, json: JSON.stringify({ message: 'Invalid role_name or account_id' }) };
  }
  const issued: AccessKey = {
    accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: randomBytes(60).toString('base64'),
  };
  const json = JSON.stringify({
    roleCredentials: { ...issued, expiration: now + 3600_000 },
  });
  return { status: 200, json, issued };
}
