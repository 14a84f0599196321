// JWT-shaped tokens. Real Cognito signs with RS256 and publishes keys; an in-memory HMAC secret
// is enough here because only this server ever verifies them, and it keeps issuing cheap.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export type TokenUse = 'access' | 'id' | 'refresh';

export const ACCESS_TOKEN_TTL_SECONDS = 3600;
const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

// Everything the server needs back from a token it issued.
export interface TokenSubject {
  poolId: string;
  region: string;
  clientId: string;
  username: string;
  sub: string;
  // Revocation generation of the user at issue time. A counter rather than a timestamp,
  // because a token and a sign-out in the same second must still be ordered correctly.
  generation: number;
  // The sign-in that started this token family; refreshed tokens keep it, as Cognito's do.
  originJti: string;
  authTime: number;
}

export interface VerifiedToken extends TokenSubject {
  use: TokenUse;
  expired: boolean;
}

export interface IssuedTokens {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
}

const GEN_CLAIM = 'local:gen';

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export class TokenAuthority {
  private readonly header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'local-cognito' }));

  constructor(
    private readonly now: () => number,
    private readonly secret: Buffer = randomBytes(32),
  ) {}

  issue(subject: TokenSubject, attributes: Record<string, string>, withRefresh: boolean): IssuedTokens {
    const iat = Math.floor(this.now() / 1000);
    const iss = `https://cognito-idp.${subject.region}.amazonaws.com/${subject.poolId}`;
    const common = {
      sub: subject.sub,
      iss,
      origin_jti: subject.originJti,
      event_id: randomUUID(),
      auth_time: subject.authTime,
      iat,
      [GEN_CLAIM]: subject.generation,
    };
    const access = this.sign({
      ...common,
      token_use: 'access',
      client_id: subject.clientId,
      scope: 'aws.cognito.signin.user.admin',
      exp: iat + ACCESS_TOKEN_TTL_SECONDS,
      jti: randomUUID(),
      username: subject.username,
    });
    const id = this.sign({
      ...attributes,
      ...common,
      aud: subject.clientId,
      token_use: 'id',
      'cognito:username': subject.username,
      exp: iat + ACCESS_TOKEN_TTL_SECONDS,
      jti: randomUUID(),
    });
    const tokens: IssuedTokens = { AccessToken: access, IdToken: id };
    if (withRefresh) {
      tokens.RefreshToken = this.sign({
        ...common,
        token_use: 'refresh',
        client_id: subject.clientId,
        username: subject.username,
        exp: iat + REFRESH_TOKEN_TTL_SECONDS,
        jti: randomUUID(),
      });
    }
    return tokens;
  }

  // Returns undefined for anything this server did not issue (bad shape or bad signature).
  verify(token: string): VerifiedToken | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = this.mac(`${header}.${payload}`);
    const provided = Buffer.from(signature, 'base64url');
    if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) return undefined;
    let claims: Record<string, unknown>;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    const iss = String(claims.iss ?? '');
    const poolId = iss.slice(iss.lastIndexOf('/') + 1);
    const use = claims.token_use;
    if (use !== 'access' && use !== 'id' && use !== 'refresh') return undefined;
    return {
      use,
      poolId,
      region: poolId.split('_')[0] ?? '',
      clientId: String(use === 'id' ? claims.aud : claims.client_id),
      username: String(use === 'id' ? claims['cognito:username'] : claims.username),
      sub: String(claims.sub),
      generation: Number(claims[GEN_CLAIM]),
      originJti: String(claims.origin_jti),
      authTime: Number(claims.auth_time),
      expired: Number(claims.exp) * 1000 <= this.now(),
    };
  }

  private sign(claims: Record<string, unknown>): string {
    const body = `${this.header}.${b64url(JSON.stringify(claims))}`;
    return `${body}.${b64url(this.mac(body))}`;
  }

  private mac(data: string): Buffer {
    return createHmac('sha256', this.secret).update(data).digest();
  }
}
