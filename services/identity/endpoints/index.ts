/** Every request-reply subject identity serves, one file each. */
import type { Deps } from "../deps.ts";
import type { Endpoint } from "../../kit/serve.ts";
import { accountsRegisterEndpoint } from "./accounts-register.ts";
import { accountsVerifyEmailEndpoint } from "./accounts-verify-email.ts";
import { sessionsCreateEndpoint } from "./sessions-create.ts";
import { sessionsRefreshEndpoint } from "./sessions-refresh.ts";
import { sessionsDeleteEndpoint } from "./sessions-delete.ts";
import { sessionsDeleteAllEndpoint } from "./sessions-delete-all.ts";
import { accountsGetEndpoint } from "./accounts-get.ts";
import { keysListEndpoint } from "./keys-list.ts";
import { sessionsCheckEndpoint } from "./sessions-check.ts";
import { passwordForgotEndpoint } from "./password-forgot.ts";
import { passwordResetEndpoint } from "./password-reset.ts";
import { passwordChangeEndpoint } from "./password-change.ts";
import { accountsResendVerificationEndpoint } from "./accounts-resend-verification.ts";
import { emailChangeEndpoint } from "./email-change.ts";
import { emailConfirmEndpoint } from "./email-confirm.ts";
import { oidcProvidersEndpoint } from "./oidc-providers.ts";
import { oidcStartEndpoint } from "./oidc-start.ts";
import { oidcCallbackEndpoint } from "./oidc-callback.ts";
import { totpEnrolEndpoint } from "./totp-enrol.ts";
import { totpVerifyEndpoint } from "./totp-verify.ts";
import { totpLoginEndpoint } from "./totp-login.ts";
import { totpDisableEndpoint } from "./totp-disable.ts";
import { usersListEndpoint } from "./users-list.ts";
import { usersSetRolesEndpoint } from "./users-set-roles.ts";
import { usersDeactivateEndpoint } from "./users-deactivate.ts";
import { usersReactivateEndpoint } from "./users-reactivate.ts";
import { keysRotateEndpoint } from "./keys-rotate.ts";
import { profilesGetEndpoint } from "./profiles-get.ts";
import { profilesUpdateEndpoint } from "./profiles-update.ts";
import { orgsCreateEndpoint } from "./orgs-create.ts";
import { orgsGetEndpoint } from "./orgs-get.ts";
import { orgsMembersEndpoint } from "./orgs-members.ts";
import { orgsInviteEndpoint } from "./orgs-invite.ts";
import { orgsAcceptEndpoint } from "./orgs-accept.ts";
import { orgsLeaveEndpoint } from "./orgs-leave.ts";
import { orgsRemoveMemberEndpoint } from "./orgs-remove-member.ts";
import { orgsSetRoleEndpoint } from "./orgs-set-role.ts";
import { orgsCanActEndpoint } from "./orgs-can-act.ts";
import { followsCreateEndpoint } from "./follows-create.ts";
import { followsDeleteEndpoint } from "./follows-delete.ts";
import { followsListFollowersEndpoint } from "./follows-list-followers.ts";
import { followsListFollowingEndpoint } from "./follows-list-following.ts";

export const endpoints = (deps: Deps): Endpoint[] => [
  accountsRegisterEndpoint(deps),
  accountsVerifyEmailEndpoint(deps),
  sessionsCreateEndpoint(deps),
  sessionsRefreshEndpoint(deps),
  sessionsDeleteEndpoint(deps),
  sessionsDeleteAllEndpoint(deps),
  accountsGetEndpoint(deps),
  keysListEndpoint(deps),
  sessionsCheckEndpoint(deps),
  passwordForgotEndpoint(deps),
  passwordResetEndpoint(deps),
  passwordChangeEndpoint(deps),
  accountsResendVerificationEndpoint(deps),
  emailChangeEndpoint(deps),
  emailConfirmEndpoint(deps),
  oidcProvidersEndpoint(deps),
  oidcStartEndpoint(deps),
  oidcCallbackEndpoint(deps),
  totpEnrolEndpoint(deps),
  totpVerifyEndpoint(deps),
  totpLoginEndpoint(deps),
  totpDisableEndpoint(deps),
  usersListEndpoint(deps),
  usersSetRolesEndpoint(deps),
  usersDeactivateEndpoint(deps),
  usersReactivateEndpoint(deps),
  keysRotateEndpoint(deps),
  profilesGetEndpoint(deps),
  profilesUpdateEndpoint(deps),
  orgsCreateEndpoint(deps),
  orgsGetEndpoint(deps),
  orgsMembersEndpoint(deps),
  orgsInviteEndpoint(deps),
  orgsAcceptEndpoint(deps),
  orgsLeaveEndpoint(deps),
  orgsRemoveMemberEndpoint(deps),
  orgsSetRoleEndpoint(deps),
  orgsCanActEndpoint(deps),
  followsCreateEndpoint(deps),
  followsDeleteEndpoint(deps),
  followsListFollowersEndpoint(deps),
  followsListFollowingEndpoint(deps),
];
