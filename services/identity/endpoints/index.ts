/** Every request-reply subject identity serves, one file each. */
import type { Deps } from "../deps.ts";
import type { Endpoint } from "../../kit/serve.ts";
import { registerEndpoint } from "./register.ts";
import { verifyEmailEndpoint } from "./verify-email.ts";
import { loginEndpoint } from "./login.ts";
import { refreshEndpoint } from "./refresh.ts";
import { logoutEndpoint } from "./logout.ts";
import { logoutAllEndpoint } from "./logout-all.ts";
import { meEndpoint } from "./me.ts";
import { jwksEndpoint } from "./jwks.ts";
import { sessionsCheckEndpoint } from "./sessions-check.ts";
import { passwordForgotEndpoint } from "./password-forgot.ts";
import { passwordResetEndpoint } from "./password-reset.ts";
import { passwordChangeEndpoint } from "./password-change.ts";
import { verifyEmailResendEndpoint } from "./verify-email-resend.ts";
import { emailChangeEndpoint } from "./email-change.ts";
import { emailConfirmEndpoint } from "./email-confirm.ts";
import { oidcProvidersEndpoint } from "./oidc-providers.ts";
import { oidcStartEndpoint } from "./oidc-start.ts";
import { oidcCallbackEndpoint } from "./oidc-callback.ts";
import { totpEnrolEndpoint } from "./totp-enrol.ts";
import { totpVerifyEndpoint } from "./totp-verify.ts";
import { totpLoginEndpoint } from "./totp-login.ts";
import { totpDisableEndpoint } from "./totp-disable.ts";
import { adminUsersListEndpoint } from "./admin-users-list.ts";
import { adminUsersSetRolesEndpoint } from "./admin-users-set-roles.ts";
import { adminUsersDeactivateEndpoint } from "./admin-users-deactivate.ts";
import { adminUsersReactivateEndpoint } from "./admin-users-reactivate.ts";
import { adminKeysRotateEndpoint } from "./admin-keys-rotate.ts";
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
import { followsFollowEndpoint } from "./follows-follow.ts";
import { followsUnfollowEndpoint } from "./follows-unfollow.ts";
import { followsFollowersEndpoint } from "./follows-followers.ts";
import { followsFollowingEndpoint } from "./follows-following.ts";

export const endpoints = (deps: Deps): Endpoint[] => [
  registerEndpoint(deps),
  verifyEmailEndpoint(deps),
  loginEndpoint(deps),
  refreshEndpoint(deps),
  logoutEndpoint(deps),
  logoutAllEndpoint(deps),
  meEndpoint(deps),
  jwksEndpoint(deps),
  sessionsCheckEndpoint(deps),
  passwordForgotEndpoint(deps),
  passwordResetEndpoint(deps),
  passwordChangeEndpoint(deps),
  verifyEmailResendEndpoint(deps),
  emailChangeEndpoint(deps),
  emailConfirmEndpoint(deps),
  oidcProvidersEndpoint(deps),
  oidcStartEndpoint(deps),
  oidcCallbackEndpoint(deps),
  totpEnrolEndpoint(deps),
  totpVerifyEndpoint(deps),
  totpLoginEndpoint(deps),
  totpDisableEndpoint(deps),
  adminUsersListEndpoint(deps),
  adminUsersSetRolesEndpoint(deps),
  adminUsersDeactivateEndpoint(deps),
  adminUsersReactivateEndpoint(deps),
  adminKeysRotateEndpoint(deps),
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
  followsFollowEndpoint(deps),
  followsUnfollowEndpoint(deps),
  followsFollowersEndpoint(deps),
  followsFollowingEndpoint(deps),
];
