// The SDK-backed client, as one module: the build makes it a bundle of its own (dist/net.cjs),
// which the core loads only when a command is about to call the service (see net/load.ts,
// scripts/build.mjs). Client settings and credentials are resolved in the core, without the SDK.
import { createCognitoClient, type ClientSettings } from '../transport/client.js';
import { NO_DEBUG } from '../diagnostics/debug-log.js';

export { createCognitoClient } from '../transport/client.js';

/**
 * Builds a client and, given an endpoint that answers `{}`, sends one sign-out through it, so
 * that the code cache made afterwards covers the whole call (set-up, signing, the request).
 */
export async function warmUp(endpoint?: string): Promise<void> {
  const settings: ClientSettings = {
    region: 'us-east-1', endpoint: endpoint ?? 'http://127.0.0.1:9', useFips: false, useDualstack: false,
    credentials: async () => ({ accessKeyId: 'AKIDWARMUP', secretAccessKey: 'warm-up' }),
    maxAttempts: 1, retryMode: 'standard', connectTimeoutMs: 1000, readTimeoutMs: 1000, verifyTls: true,
    caBundle: undefined, userAgentAppId: undefined, version: '0', log: NO_DEBUG, env: {}, warn: () => {},
  };
  const client = createCognitoClient(settings);
  try {
    if (endpoint !== undefined) await client.signOut({ UserPoolId: 'us-east-1_Warm', Username: 'warm-up' });
  } finally {
    client.destroy();
  }
}
