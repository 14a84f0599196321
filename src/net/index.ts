// The SDK-backed client, as one module: the build makes it a bundle of its own (dist/net.cjs),
// which the core loads only when a command is about to call the service (see net/load.ts,
// scripts/build.mjs). Client settings and credentials are resolved in the core, without the SDK.
import { createCognitoClient, type ClientSettings } from '../transport/client.js';
import { NO_DEBUG } from '../diagnostics/debug-log.js';

export { createCognitoClient } from '../transport/client.js';

/** Builds (and drops) a client without sending anything, so the code cache covers its set-up. */
export function warmUp(): void {
  const settings: ClientSettings = {
    region: 'us-east-1', endpoint: 'http://127.0.0.1:9', useFips: false, useDualstack: false,
    credentials: async () => ({ accessKeyId: 'AKIDWARMUP', secretAccessKey: 'warm-up' }),
    maxAttempts: 1, retryMode: 'standard', connectTimeoutMs: 1000, readTimeoutMs: 1000, verifyTls: true,
    caBundle: undefined, userAgentAppId: undefined, version: '0', log: NO_DEBUG, env: {}, warn: () => {},
  };
  createCognitoClient(settings).destroy();
}
