// The error shapes cognito-idp 2016-04-18 declares besides the operation's own (botocore/data/
// cognito-idp/2016-04-18/service-2.json, AWS CLI 2.36.7): each is a structure whose one member is
// `message`, named by its shape (no `error.code`). botocore looks an error answer's code up among
// all of a service's error shapes (ServiceModel.shape_for_error_code), not only the operation's:
// the shape it finds makes the answer's `message` a modelled field, which the structured error
// formats show (`"message"` after `"Code"` for an AccessDeniedException) and a code the service
// does not model lacks. Only the network path reads this (src/transport/service-error.ts).
import type { ErrorModel } from './model.js';

const MESSAGE_ONLY = [
  'AccessDeniedException', 'AliasExistsException', 'CodeDeliveryFailureException', 'CodeMismatchException',
  'ConcurrentModificationException', 'DeviceKeyExistsException', 'DuplicateProviderException',
  'EnableSoftwareTokenMFAException', 'ExpiredCodeException', 'FeatureUnavailableInTierException', 'ForbiddenException',
  'GroupExistsException', 'InternalServerException', 'InvalidEmailRoleAccessPolicyException',
  'InvalidLambdaResponseException', 'InvalidOAuthFlowException', 'InvalidPasswordException',
  'InvalidSmsRoleAccessPolicyException', 'InvalidSmsRoleTrustRelationshipException',
  'InvalidUserPoolConfigurationException', 'LimitExceededException', 'MFAMethodNotFoundException',
  'ManagedLoginBrandingExistsException', 'PasswordHistoryPolicyViolationException', 'PasswordResetRequiredException',
  'PreconditionNotMetException', 'RefreshTokenReuseException', 'ScopeDoesNotExistException',
  'ServiceQuotaExceededException', 'SoftwareTokenMFANotFoundException', 'TermsExistsException',
  'TierChangeNotAllowedException', 'TooManyFailedAttemptsException', 'UnauthorizedException',
  'UnexpectedLambdaException', 'UnsupportedIdentityProviderException', 'UnsupportedOperationException',
  'UnsupportedTokenTypeException', 'UnsupportedUserStateException', 'UserImportInProgressException',
  'UserLambdaValidationException', 'UserNotConfirmedException', 'UserPoolAddOnNotEnabledException',
  'UserPoolTaggingException', 'UsernameExistsException', 'WebAuthnChallengeNotFoundException',
  'WebAuthnClientMismatchException', 'WebAuthnConfigurationMissingException', 'WebAuthnCredentialNotSupportedException',
  'WebAuthnNotEnabledException', 'WebAuthnOriginNotAllowedException', 'WebAuthnRelyingPartyMismatchException',
] as const;

export const OTHER_SERVICE_ERRORS: readonly ErrorModel[] = MESSAGE_ONLY.map((code) => ({ code, members: ['message'] }));
