// A sliver of AWS STS on the same endpoint: AssumeRole and AssumeRoleWithWebIdentity, so that
// assume-role profiles and web identity can be tested offline through the SDK's real providers.
// The query protocol: a form-encoded POST answered in XML. Issued temporary keys are accepted
// by the endpoint's signature check from then on.
import { randomBytes } from 'node:crypto';
import type { AccessKey } from './sigv4.js';

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface StsAnswer { readonly status: number; readonly xml: string; readonly issued?: AccessKey }

export function stsError(status: number, code: string, message: string, requestId: string): StsAnswer {
  return {
    status,
    xml: `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escape(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}

/** Actions that are authorized by a token in the request instead of a signature. */
export const UNSIGNED_ACTIONS: ReadonlySet<string> = new Set(['AssumeRoleWithWebIdentity']);

export function handleSts(params: URLSearchParams, requestId: string, now: number): StsAnswer {
  const action = params.get('Action') ?? '';
  if (action !== 'AssumeRole' && action !== 'AssumeRoleWithWebIdentity') {
    return stsError(400, 'InvalidAction', `Could not find operation ${action} for version ${params.get('Version') ?? ''}`, requestId);
  }
  if (action === 'AssumeRoleWithWebIdentity' && (params.get('WebIdentityToken') ?? '') === '') {
    return stsError(400, 'InvalidIdentityToken', 'Missing web identity token', requestId);
  }
  const roleArn = params.get('RoleArn') ?? '';
  const session = params.get('RoleSessionName') ?? '';
  const match = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(roleArn);
  if (!match || session === '') return stsError(400, 'ValidationError', `Invalid RoleArn or RoleSessionName: ${roleArn}`, requestId);
  const issued: AccessKey = {
    accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: randomBytes(60).toString('base64'),
  };
  const seconds = Number(params.get('DurationSeconds') ?? 3600);
  const expiration = new Date(now + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const xml = `<${action}Response xmlns="${XMLNS}"><${action}Result>` +
    `<Credentials><AccessKeyId>${issued.accessKeyId}</AccessKeyId><SecretAccessKey>${escape(issued.secretAccessKey)}</SecretAccessKey>` +
    `<SessionToken>${escape(issued.sessionToken as string)}</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
    `<AssumedRoleUser><AssumedRoleId>AROA${randomBytes(8).toString('hex').toUpperCase()}:${escape(session)}</AssumedRoleId>` +
    `<Arn>arn:aws:sts::${match[1]}:assumed-role/${escape(match[2] as string)}/${escape(session)}</Arn></AssumedRoleUser>` +
    `</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
  return { status: 200, xml, issued };
}
