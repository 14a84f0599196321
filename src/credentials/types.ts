// The credentials a provider hands to the signer.
import type { AwsCredentialIdentity } from '@smithy/types';

export type Credentials = AwsCredentialIdentity;
