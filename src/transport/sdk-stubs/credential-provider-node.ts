// Stands in for @aws-sdk/credential-provider-node in the bundle. The SDK client imports the
// default credential chain at start-up even when it is handed credentials, and cogsignout always
// hands them over (its own chain follows the AWS CLI's order, see credentials/chain.ts) or signs
// nothing (--no-sign-request). Leaving the SDK's chain out saves loading it on every call.
export function defaultProvider(): () => Promise<never> {
  return async () => {
    throw new Error('cogsignout resolves credentials itself; the SDK default chain is not bundled');
  };
}
export const credentialsWillNeedRefresh = (): boolean => false;
export const credentialsTreatedAsExpired = (): boolean => false;
