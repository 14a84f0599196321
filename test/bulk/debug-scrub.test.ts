// What --debug may show of a bulk run: no usernames, attribute values or pagination tokens,
// however the body is quoted.
import { describe, expect, it } from 'vitest';
import { scrubbingLog, scrubPersonal } from '../../src/bulk/debug-scrub.js';
import { createDebugLog } from '../../src/diagnostics/debug-log.js';

describe('scrubPersonal', () => {
  it('drops a ListUsers page whatever its escaping', () => {
    const body = 'Response body:\nb\'{"Users":[{"Username":"a\\\\"b\\\\\\\\","Attributes":[{"Name":"email","Value":"x@victim.example"}]}]}\'';
    expect(scrubPersonal('botocore.parsers', body)).toBe('Response body:\n<redacted> (a page of ListUsers)');
  });

  it('drops the body of a ListUsers request, keeps the rest of the line', () => {
    const line = "Sending http request: <AWSPreparedRequest stream_output=False, method=POST, url=http://x/, headers={'X-Amz-Target': b'AWSCognitoIdentityProviderService.ListUsers'}, body=b'{\"UserPoolId\": \"p\", \"PaginationToken\": \"dXNlcg\"}'>";
    expect(scrubPersonal('botocore.endpoint', line)).toBe("Sending http request: <AWSPreparedRequest stream_output=False, method=POST, url=http://x/, headers={'X-Amz-Target': b'AWSCognitoIdentityProviderService.ListUsers'}, body=<redacted>>");
  });

  it('blanks members naming a user anywhere else, and leaves the rest alone', () => {
    expect(scrubPersonal('x', 'params: {"UserPoolId": "us-east-1_P", "Username": "o\\"brien"}')).toBe('params: {"UserPoolId": "us-east-1_P", "Username": "<redacted>"}');
    expect(scrubPersonal('botocore.parsers', "Response body:\nb'{}'")).toBe("Response body:\nb'{}'");
  });

  it('wraps a log only when --debug is on', () => {
    const lines: string[] = [];
    const off = createDebugLog(false, (t) => lines.push(t));
    expect(scrubbingLog(off)).toBe(off);
    const on = scrubbingLog(createDebugLog(true, (t) => lines.push(t), () => new Date(2026, 0, 12, 10, 0, 0)));
    on.log('botocore.endpoint', 'with params: {"Username": "alice"}');
    on.log('botocore.retries.standard', 'Max attempts of 1 reached.');
    expect(lines).toEqual(['2026-01-12 10:00:00,000 - MainThread - botocore.endpoint - DEBUG - with params: {"Username": "<redacted>"}\n']);
  });
});
