// Everything the network path needs, as one module: the SDK-backed client, the credential
// chain and the client settings. The build makes it a bundle of its own (dist/net.cjs), which
// the core loads only when a command calls the service (see net/load.ts, scripts/build.mjs).
import { createCognitoClient, type ClientSettings } from '../transport/client.js';
import { NO_DEBUG } from '../diagnostics/debug-log.js';

export { createCognitoClient } from '../transport/client.js';
export { resolveClientSettings } from '../transport/client-settings.js';
export { resolveCredentials } from '../credentials/chain.js';

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
