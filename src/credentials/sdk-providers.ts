// The SDK credential providers the chain uses for assume-role, web identity, SSO,
// credential_process, containers and instance metadata. One module, imported only when such a
// source is reached; the published build ships it as a file of its own (dist/credential-providers.cjs)
// so that the common path (keys from the environment or the files) never reads it.
export {
  fromContainerMetadata, fromIni, fromInstanceMetadata, fromProcess, fromSSO, fromTokenFile,
} from '@aws-sdk/credential-providers';
