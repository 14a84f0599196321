// cognito-idp 2016-04-18 as botocore ships it with AWS CLI 2.36.7 (botocore/data/cognito-idp/
// 2016-04-18/service-2.json), cut down to what cogsignout runs: the metadata the CLI reads, the
// one operation and the shapes it reaches (its errors' too), each copied verbatim (documentation
// HTML included, shapes in the file's name order), so that a diff against botocore's file shows
// nothing but omissions. Everything cogsignout knows of the operation (options, validation,
// skeletons, help, prompt, completion, redaction, which error members are modelled) is derived
// from this entry by model.ts and arguments.ts; a second operation is a second entry here.
import type { ServiceModel } from './model.js';

/** botocore names a service by its data directory, not by anything in the model. */
export const SERVICE_NAME = 'cognito-idp';

export const COGNITO_IDP: ServiceModel = {
  "metadata": {
    "apiVersion": "2016-04-18",
    "endpointPrefix": "cognito-idp",
    "jsonVersion": "1.1",
    "protocol": "json",
    "serviceFullName": "Amazon Cognito Identity Provider",
    "serviceId": "Cognito Identity Provider",
    "signatureVersion": "v4",
    "targetPrefix": "AWSCognitoIdentityProviderService",
    "uid": "cognito-idp-2016-04-18"
  },
  "operations": {
    "AdminUserGlobalSignOut": {
      "name": "AdminUserGlobalSignOut",
      "http": {
        "method": "POST",
        "requestUri": "/"
      },
      "input": {
        "shape": "AdminUserGlobalSignOutRequest"
      },
      "output": {
        "shape": "AdminUserGlobalSignOutResponse"
      },
      "errors": [
        {
          "shape": "ResourceNotFoundException"
        },
        {
          "shape": "InvalidParameterException"
        },
        {
          "shape": "TooManyRequestsException"
        },
        {
          "shape": "NotAuthorizedException"
        },
        {
          "shape": "UserNotFoundException"
        },
        {
          "shape": "OperationNotEnabledException"
        },
        {
          "shape": "InternalErrorException"
        }
      ],
      "documentation": "<p>Invalidates the identity, access, and refresh tokens that Amazon Cognito issued to a user. Call this operation with your administrative credentials when your user signs out of your app. This results in the following behavior.</p> <ul> <li> <p>Amazon Cognito no longer accepts <i>token-authorized</i> user operations that you authorize with a signed-out user's access tokens. For more information, see <a href=\"https://docs.aws.amazon.com/cognito/latest/developerguide/user-pools-API-operations.html\">Using the Amazon Cognito user pools API and user pool endpoints</a>.</p> <p>Amazon Cognito returns an <code>Access Token has been revoked</code> error when your app attempts to authorize a user pools API request with a revoked access token that contains the scope <code>aws.cognito.signin.user.admin</code>.</p> </li> <li> <p>Amazon Cognito no longer accepts a signed-out user's ID token in a <a href=\"https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetId.html\">GetId </a> request to an identity pool with <code>ServerSideTokenCheck</code> enabled for its user pool IdP configuration in <a href=\"https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_CognitoIdentityProvider.html\">CognitoIdentityProvider</a>.</p> </li> <li> <p>Amazon Cognito no longer accepts a signed-out user's refresh tokens in refresh requests.</p> </li> </ul> <p>Other requests might be valid until your user's token expires. This operation doesn't clear the <a href=\"https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-managed-login.html\">managed login</a> session cookie. To clear the session for a user who signed in with managed login or the classic hosted UI, direct their browser session to the <a href=\"https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html\">logout endpoint</a>.</p> <note> <p>Amazon Cognito evaluates Identity and Access Management (IAM) policies in requests for this API operation. For this operation, you must use IAM credentials to authorize requests, and you must grant yourself the corresponding IAM permission in a policy.</p> <p class=\"title\"> <b>Learn more</b> </p> <ul> <li> <p> <a href=\"https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-signing.html\">Signing Amazon Web Services API Requests</a> </p> </li> <li> <p> <a href=\"https://docs.aws.amazon.com/cognito/latest/developerguide/user-pools-API-operations.html\">Using the Amazon Cognito user pools API and user pool endpoints</a> </p> </li> </ul> </note>"
    }
  },
  "shapes": {
    "AdminUserGlobalSignOutRequest": {
      "type": "structure",
      "required": [
        "UserPoolId",
        "Username"
      ],
      "members": {
        "UserPoolId": {
          "shape": "UserPoolIdType",
          "documentation": "<p>The ID of the user pool where you want to sign out a user.</p>"
        },
        "Username": {
          "shape": "UsernameType",
          "documentation": "<p>The name of the user that you want to query or modify. The value of this parameter is typically your user's username, but it can be any of their alias attributes. If <code>username</code> isn't an alias attribute in your user pool, this value must be the <code>sub</code> of a local user or the username of a user from a third-party IdP.</p>"
        }
      },
      "documentation": "<p>The request to sign out of all devices, as an administrator.</p>"
    },
    "AdminUserGlobalSignOutResponse": {
      "type": "structure",
      "members": {},
      "documentation": "<p>The global sign-out response, as an administrator.</p>"
    },
    "InternalErrorException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "MessageType",
          "documentation": "<p>The message returned when Amazon Cognito throws an internal error exception.</p>"
        }
      },
      "documentation": "<p>This exception is thrown when Amazon Cognito encounters an internal error.</p>",
      "exception": true,
      "fault": true
    },
    "InvalidParameterException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "MessageType",
          "documentation": "<p>The message returned when the Amazon Cognito service throws an invalid parameter exception.</p>"
        },
        "reasonCode": {
          "shape": "InvalidParameterExceptionReasonCodeType",
          "documentation": "<p>The reason code of the exception.</p>"
        }
      },
      "documentation": "<p>This exception is thrown when the Amazon Cognito service encounters an invalid parameter.</p>",
      "exception": true
    },
    "InvalidParameterExceptionReasonCodeType": {
      "type": "string"
    },
    "MessageType": {
      "type": "string"
    },
    "NotAuthorizedException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "MessageType",
          "documentation": "<p>The message returned when the Amazon Cognito service returns a not authorized exception.</p>"
        }
      },
      "documentation": "<p>This exception is thrown when a user isn't authorized.</p>",
      "exception": true
    },
    "OperationNotEnabledException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "MessageType"
        }
      },
      "documentation": "<p>This exception is thrown when an operation is not available in the current region or for the current user pool configuration. This can occur when attempting to perform operations that are not supported in secondary replica regions.</p>",
      "exception": true
    },
    "ResourceNotFoundException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "MessageType",
          "documentation": "<p>The message returned when the Amazon Cognito service returns a resource not found exception.</p>"
        }
      },
      "documentation": "<p>This exception is thrown when the Amazon Cognito service can't find the requested resource.</p>",
      "exception": true
    },
    "TooManyRequestsException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "MessageType",
          "documentation": "<p>The message returned when the Amazon Cognito service returns a too many requests exception.</p>"
        }
      },
      "documentation": "<p>This exception is thrown when the user has made too many requests for a given operation.</p>",
      "exception": true
    },
    "UserNotFoundException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "MessageType",
          "documentation": "<p>The message returned when a user isn't found.</p>"
        }
      },
      "documentation": "<p>This exception is thrown when a user isn't found.</p>",
      "exception": true
    },
    "UserPoolIdType": {
      "type": "string",
      "max": 55,
      "min": 1,
      "pattern": "[\\w-]+_[0-9a-zA-Z]+"
    },
    "UsernameType": {
      "type": "string",
      "max": 128,
      "min": 1,
      "pattern": "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
      "sensitive": true
    }
  }
};
