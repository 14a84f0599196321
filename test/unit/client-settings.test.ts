// The client's settings come from plain values: the global options, the settings' lookups and
// the environment. A Settings over an environment is one source; so is any object with the
// same lookups, which is what lets a command (or a test) hand over just what the client needs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Settings } from '../../src/config/settings.js';
import { resolveClientSettings, type ClientSettingsSource } from '../../src/transport/client-settings.js';
import { GeneralError, NoRegionError } from '../../src/errors/errors.js';

const NO_GLOBALS: ClientSettingsSource['globals'] = {
  region: undefined, endpointUrl: undefined, noSignRequest: false, noVerifySsl: false, caBundle: undefined, connectTimeout: undefined, readTimeout: undefined,
};

function source(env: Record<string, string>, globals: Partial<ClientSettingsSource['globals']> = {}): ClientSettingsSource {
  const full = { HOME: '/nonexistent', AWS_CONFIG_FILE: '/nonexistent/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials', ...env };
  return { globals: { ...NO_GLOBALS, ...globals }, settings: new Settings(full, undefined), env: full, version: '9.9.9' };
}

describe('resolveClientSettings from plain values', () => {
  it('the global options over the environment', async () => {
    const r = await resolveClientSettings(source({ AWS_REGION: 'eu-west-1', AWS_MAX_ATTEMPTS: '5', AWS_RETRY_MODE: 'adaptive' }, { region: 'us-west-2', endpointUrl: 'http://127.0.0.1:9', readTimeout: '7', connectTimeout: '0' }));
    expect(r).toMatchObject({ region: 'us-west-2', endpoint: 'http://127.0.0.1:9', maxAttempts: 5, retryMode: 'adaptive', readTimeoutMs: 7000, connectTimeoutMs: 0, verifyTls: true, version: '9.9.9', useFips: false });
  });

  it('settings lookups of any object that has them', async () => {
    const values: Record<string, string> = { region: 'ap-south-1', use_fips_endpoint: 'true' };
    const lookups: ClientSettingsSource['settings'] = {
      env: {},
      profile: () => new Map(),
      profileValue: (key) => values[key],
      envOrProfile: (_env, key) => values[key],
      configFiles: () => { throw new Error('no services section is named'); },
    };
    const r = await resolveClientSettings({ globals: NO_GLOBALS, settings: lookups, env: {}, version: '1' });
    expect(r).toMatchObject({ region: 'ap-south-1', endpoint: undefined, useFips: true, maxAttempts: 3, retryMode: 'standard' });
  });

  it('no region anywhere: NoRegionError, after the credentials are looked up', async () => {
    const asked: (string | undefined)[] = [];
    await expect(resolveClientSettings(source({ AWS_EC2_METADATA_DISABLED: 'true' }), async (region) => { asked.push(region); })).rejects.toBeInstanceOf(NoRegionError);
    expect(asked).toEqual([undefined]);
  });

  it('a CA bundle that is a directory: Python\'s errno text, when the bundle is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-ca-'));
    try {
      const r = await resolveClientSettings(source({ AWS_REGION: 'us-east-1' }, { caBundle: dir, endpointUrl: 'https://127.0.0.1:9' }));
      expect(() => r.caBundle('unused')).toThrow(new GeneralError('SSL validation failed for https://127.0.0.1:9/ [Errno 21] Is a directory'));
      const missing = await resolveClientSettings(source({ AWS_REGION: 'us-east-1', AWS_CA_BUNDLE: join(dir, 'none.pem') }, { endpointUrl: 'https://127.0.0.1:9' }));
      expect(() => missing.caBundle('unused')).toThrow(new GeneralError('SSL validation failed for https://127.0.0.1:9/ [Errno 2] No such file or directory'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
