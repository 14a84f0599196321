// What the service model (cognito-idp 2016-04-18, as bundled with AWS CLI 2.36.7) says about
// AdminUserGlobalSignOut: its members in model order, which are required, the constraints the
// AWS CLI checks client-side (type and minimum length only) and the first sentence of each
// member's documentation (used by the YAML skeleton and the prompt).

export interface MemberModel {
  readonly name: string;
  readonly option: string;
  readonly required: boolean;
  readonly minLength: number;
  readonly sensitive: boolean;
  readonly summary: string;
}

export const OPERATION_NAME = 'AdminUserGlobalSignOut';

export const MEMBERS: readonly MemberModel[] = [
  { name: 'UserPoolId', option: '--user-pool-id', required: true, minLength: 1, sensitive: false, summary: 'The ID of the user pool where you want to sign out a user.' },
  { name: 'Username', option: '--username', required: true, minLength: 1, sensitive: true, summary: 'The name of the user that you want to query or modify.' },
];


/** Members the model marks sensitive: --debug never shows their values. */
export const SENSITIVE_MEMBERS: readonly string[] = MEMBERS.filter((m) => m.sensitive).map((m) => m.name);
