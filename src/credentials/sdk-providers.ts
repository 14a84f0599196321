// What the credential chain loads only when a source needs the network: its own STS, SSO and
// container calls (remote.ts) and the SDK's instance metadata provider. One module, imported
// only when such a source is reached; the published build ships it as a file of its own
// (dist/credential-providers.cjs) so that the common path (keys from the environment or the
// files) never reads it.
export { fromInstanceMetadata } from '@aws-sdk/credential-providers';
export * as remote from './remote.js';
