// The profile's per-service signature_version (`cognito-idp =` / `  signature_version = …`): the
// names botocore knows but cogsignout does not sign with (a deliberate difference, README); the
// unknown ones and SigV4's are the AWS CLI 2.36.7's (test/fixtures/variant-sweep-recordings.json, v-sig-).
import { describe, expect, it } from 'vitest';
import { checkSignatureVersion } from '../../src/transport/signature-version.js';

describe('checkSignatureVersion', () => {
  it.each([undefined, 'v4', {}, { signature_version: '' }, { signature_version: 'v4' }, { signature_version: 's3v4' }])('%j signs with SigV4', (section) => {
    expect(() => checkSignatureVersion(section)).not.toThrow();
  });
  it.each(['bogus', 'V4', 'none', 's3'])('%j: botocore\'s UnknownSignatureVersionError', (version) => {
    expect(() => checkSignatureVersion({ signature_version: version })).toThrow(`Unknown Signature Version: ${version}.`);
  });
  it.each(['v2', 'v3', 'v4a', 'v4-query', 'bearer'])('%j: a signer botocore has, which cogsignout names', (version) => {
    expect(() => checkSignatureVersion({ signature_version: version }))
      .toThrow(`Unsupported Signature Version: ${version} (the profile's cognito-idp signature_version); cogsignout signs with v4`);
  });
});
