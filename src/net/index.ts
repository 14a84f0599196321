// The SDK-backed client, as one module: the build makes it the root of a bundle of its own
// (dist/net.cjs, see scripts/build.mjs), read only by a run that is about to call the service
// (see net/load.ts), so that the SDK's half a megabyte is never read for --version, help or a
// bad argument. Client settings and credentials are resolved before, without the SDK.
export { createCognitoClient, makingRequestMessage } from '../transport/client.js';
export { CsmMonitor } from '../transport/csm.js';
