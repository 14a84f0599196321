// The SDK prints a multi-line Node-version notice on stderr whenever it builds a client on
// Node < 22 (the credential providers build STS and SSO clients too); the AWS CLI prints no
// such thing. Called before any SDK client is made.
export function silenceSdkNotices(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
