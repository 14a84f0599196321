// Verifies AWS Signature Version 4 on incoming requests, independently of the SDK's signer, so a
// signing bug in the client under test shows up as the same error the real service would return.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { CognitoError } from './errors.js';

export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface RequestToVerify {
  method: string;
  // Path and query exactly as they arrived on the request line.
  url: string;
  // Node's rawHeaders: alternating names and values, duplicates preserved.
  rawHeaders: string[];
  body: Buffer;
}

export interface Verification {
  // Whether the request carried a SigV4 Authorization header at all.
  signed: boolean;
  accessKeyId?: string;
  region?: string;
  error?: CognitoError;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const SERVICE = 'cognito-idp';
const MAX_SKEW_MS = 5 * 60 * 1000;

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

// RFC 3986 unreserved characters stay as they are; everything else is percent-encoded.
const escapeUri = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
};

// Non-S3 services normalise dot segments and encode the path a second time; clients sign the
// path they send (already encoded once), so escaping the wire form reproduces their value.
function canonicalPath(rawPath: string): string {
  const out: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  const joined = `/${out.join('/')}${out.length > 0 && rawPath.endsWith('/') ? '/' : ''}`;
  return escapeUri(joined).replace(/%2F/g, '/');
}

function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
  const pairs = rawQuery
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const key = eq < 0 ? p : p.slice(0, eq);
      const value = eq < 0 ? '' : p.slice(eq + 1);
      return [escapeUri(safeDecode(key)), escapeUri(safeDecode(value))] as const;
    });
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function headerValues(rawHeaders: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    const list = map.get(name);
    if (list) list.push(rawHeaders[i + 1]!);
    else map.set(name, [rawHeaders[i + 1]!]);
  }
  return map;
}

// 20240102T030405Z -> epoch ms, or undefined when the text is not that exact shape.
function parseAmzDate(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isNaN(ms) ? undefined : ms;
}

export const formatAmzDate = (ms: number): string =>
  new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

interface ParsedAuthorization {
  credential?: string;
  signedHeaders?: string;
  signature?: string;
}

function parseAuthorization(value: string): ParsedAuthorization {
  const params = value.slice(ALGORITHM.length).trim();
  const out: ParsedAuthorization = {};
  for (const part of params.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    if (key === 'Credential') out.credential = v;
    else if (key === 'SignedHeaders') out.signedHeaders = v;
    else if (key === 'Signature') out.signature = v;
  }
  return out;
}

const incomplete = (message: string): CognitoError => new CognitoError('IncompleteSignatureException', message);
const invalidSignature = (message: string): CognitoError => new CognitoError('InvalidSignatureException', message);
const unrecognizedClient = (): CognitoError =>
  new CognitoError('UnrecognizedClientException', 'The security token included in the request is invalid.');

export const MISSING_TOKEN_MESSAGE = 'Missing Authentication Token';
export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export class SigV4Verifier {
  private readonly keys = new Map<string, AccessKey>();
  // Deriving the signing key costs four HMACs; it only changes per key, day and region.
  private readonly signingKeys = new Map<string, Buffer>();

  constructor(
    keys: readonly AccessKey[],
    private readonly now: () => number,
  ) {
    for (const k of keys) this.keys.set(k.accessKeyId, k);
  }

  /** Accepts a key from now on (temporary credentials the endpoint's STS has issued). */
  addKey(key: AccessKey): void {
    this.keys.set(key.accessKeyId, key);
  }

  /** `service`: the signing name the scope must carry (STS requests are scoped to `sts`). */
  verify(req: RequestToVerify, service: string = SERVICE): Verification {
    const headers = headerValues(req.rawHeaders);
    const authorization = headers.get('authorization')?.[0];
    if (authorization === undefined || authorization.trim() === '') {
      return { signed: false, error: new CognitoError('MissingAuthenticationTokenException', MISSING_TOKEN_MESSAGE) };
    }
    if (!authorization.startsWith(`${ALGORITHM} `)) {
      const algorithm = authorization.split(' ')[0] ?? '';
      return { signed: false, error: incomplete(`Unsupported AWS 'algorithm': '${algorithm}'`) };
    }
    const result: Verification = { signed: true };
    try {
      this.check(req, headers, parseAuthorization(authorization), result, service);
    } catch (err) {
      if (!(err instanceof CognitoError)) throw err;
      result.error = err;
    }
    return result;
  }

  private check(
    req: RequestToVerify,
    headers: Map<string, string[]>,
    auth: ParsedAuthorization,
    result: Verification,
    expectedService: string,
  ): void {
    const missing = (['Credential', 'Signature', 'SignedHeaders'] as const).filter(
      (p) => !auth[p === 'Credential' ? 'credential' : p === 'Signature' ? 'signature' : 'signedHeaders'],
    );
    if (missing.length > 0) {
      throw incomplete(
        `${missing.map((p) => `Authorization header requires '${p}' parameter.`).join(' ')} Authorization=${ALGORITHM} ...`,
      );
    }
    const scopeParts = auth.credential!.split('/');
    if (scopeParts.length !== 5) {
      throw incomplete(`Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${auth.credential}'`);
    }
    const [accessKeyId, scopeDate, region, service, terminator] = scopeParts as [string, string, string, string, string];
    result.accessKeyId = accessKeyId;
    result.region = region;

    const key = this.keys.get(accessKeyId);
    if (!key) throw unrecognizedClient();
    const token = headers.get('x-amz-security-token')?.[0];
    if ((key.sessionToken ?? undefined) !== token) throw unrecognizedClient();

    if (service !== expectedService) throw invalidSignature(`Credential should be scoped to correct service: '${expectedService}'. `);
    if (terminator !== 'aws4_request') {
      throw invalidSignature(`Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'. `);
    }

    const amzDate = headers.get('x-amz-date')?.[0];
    if (amzDate === undefined) {
      throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }
    const signedAt = parseAmzDate(amzDate);
    if (signedAt === undefined) {
      throw incomplete(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`);
    }
    if (amzDate.slice(0, 8) !== scopeDate) {
      throw invalidSignature(
        `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
      );
    }
    const now = this.now();
    if (signedAt < now - MAX_SKEW_MS) {
      throw invalidSignature(
        `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - MAX_SKEW_MS)} (${formatAmzDate(now)} - 5 min.)`,
      );
    }
    if (signedAt > now + MAX_SKEW_MS) {
      throw invalidSignature(
        `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + MAX_SKEW_MS)} (${formatAmzDate(now)} + 5 min.)`,
      );
    }

    const signedHeaderNames = auth.signedHeaders!.split(';');
    if (!signedHeaderNames.includes('host')) {
      throw invalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
    const canonicalHeaders = signedHeaderNames
      .map((name) => {
        const values = headers.get(name) ?? [];
        const joined = values.map((v) => v.trim().replace(/\s+/g, ' ')).join(',');
        return `${name}:${joined}\n`;
      })
      .join('');
    // The declared hash is what the client signed; it must also describe the body that arrived,
    // or a body swapped after signing would pass.
    const declaredHash = headers.get('x-amz-content-sha256')?.[0];
    const payloadHash = declaredHash ?? sha256Hex(req.body);
    if (declaredHash !== undefined && declaredHash !== 'UNSIGNED-PAYLOAD' && declaredHash.toLowerCase() !== sha256Hex(req.body)) {
      throw invalidSignature(SIGNATURE_MISMATCH_MESSAGE);
    }
    const q = req.url.indexOf('?');
    const rawPath = q < 0 ? req.url : req.url.slice(0, q);
    const rawQuery = q < 0 ? '' : req.url.slice(q + 1);
    const canonicalRequest = [
      req.method.toUpperCase(),
      canonicalPath(rawPath),
      canonicalQuery(rawQuery),
      canonicalHeaders,
      auth.signedHeaders!,
      payloadHash,
    ].join('\n');
    const scope = `${scopeDate}/${region}/${service}/${terminator}`;
    const stringToSign = `${ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
    const expected = hmac(this.signingKey(key.secretAccessKey, scopeDate, region, service), stringToSign);
    const provided = Buffer.from(auth.signature!, 'hex');
    if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) {
      throw invalidSignature(SIGNATURE_MISMATCH_MESSAGE);
    }
  }

  private signingKey(secret: string, date: string, region: string, service: string): Buffer {
    const cacheKey = `${secret}\0${date}\0${region}\0${service}`;
    let key = this.signingKeys.get(cacheKey);
    if (!key) {
      key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
      // Regions are client-chosen, so bound the cache rather than trust the variety to stay small.
      if (this.signingKeys.size > 256) this.signingKeys.clear();
      this.signingKeys.set(cacheKey, key);
    }
    return key;
  }
}
