// The SDK prints a multi-line NodeVersionSupportWarning on stderr whenever it builds a client on
// a Node it plans to stop supporting (Node < 22 today; the credential providers build STS and SSO
// clients too); the AWS CLI prints no such thing, and cogsignout ships the SDK inside, so the
// notice is about a choice its users cannot make. Set, not defaulted: a caller's `false` (meant
// for their own SDK programs) must not make it appear. Called before any SDK client is made.
export function silenceSdkNotices(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}
