/** Accounts, sessions, sign-in providers, two-factor, administration, profiles, organizations and follows (svc.identity.*). */
import { identity } from "../../../subjects/identity.ts";
import { route, type Route } from "./route.ts";

const tag = "identity";
const admin = "admin";
const orgs = "organizations";
const follows = "follows";

export const identityRoutes: Route[] = [
  // Sign-up, sign-in and sessions.
  route({ method: "POST", path: "/v1/auth/register", contract: identity.accountsRegister, auth: "public", tag, summary: "Sign up with email and password", input: { body: true, ip: "ip" }, status: 201, creates: true }),
  // Login and refresh mint tokens: replaying them from a store would keep bearer tokens at rest
  // for 24 hours, so they take no Idempotency-Key (a retried login simply opens another session).
  route({ method: "POST", path: "/v1/auth/login", contract: identity.sessionsCreate, auth: "public", tag, summary: "Log in: exchange email and password for tokens", input: { body: true, ip: "ip" } }),
  route({ method: "POST", path: "/v1/auth/login/totp", contract: identity.totpLogin, auth: "public", tag, summary: "Finish a login with the 6-digit code of the authenticator app", input: { body: true, ip: "ip" } }),
  route({ method: "POST", path: "/v1/auth/refresh", contract: identity.sessionsRefresh, auth: "public", tag, summary: "Rotate a refresh token", input: { body: true } }),
  route({ method: "POST", path: "/v1/auth/logout", contract: identity.sessionsDelete, auth: "public", tag, summary: "End the session of a refresh token", input: { body: true } }),
  route({ method: "POST", path: "/v1/auth/logout-all", contract: identity.sessionsDeleteAll, auth: "user", tag, summary: "End every session of the caller (log out everywhere)" }),
  route({ method: "POST", path: "/v1/auth/verify-email", contract: identity.accountsVerifyEmail, auth: "public", tag, summary: "Confirm an email address with the emailed single-use token", input: { body: true } }),
  route({ method: "POST", path: "/v1/auth/password/forgot", contract: identity.passwordForgot, auth: "public", tag, summary: "Email a password reset link (the answer is the same whether the account exists or not)", input: { body: true, ip: "ip" } }),
  route({ method: "POST", path: "/v1/auth/password/reset", contract: identity.passwordReset, auth: "public", tag, summary: "Set a new password with the emailed single-use token; ends every session", input: { body: true } }),
  route({ method: "POST", path: "/v1/me/password", contract: identity.passwordChange, auth: "user", tag, summary: "Change my password (proving the current one); ends every other session and returns new tokens", input: { body: true, ip: "ip" } }),
  route({ method: "POST", path: "/v1/me/email", contract: identity.emailChange, auth: "user", tag, summary: "Change my email: a link goes to the new address, which takes over once it is followed", input: { body: true, ip: "ip" } }),
  route({ method: "POST", path: "/v1/auth/email/confirm", contract: identity.emailConfirm, auth: "public", tag, summary: "Finish an email change with the token from the link sent to the new address", input: { body: true } }),
  route({ method: "POST", path: "/v1/me/email/verification", contract: identity.accountsResendVerification, auth: "user", tag, summary: "Email me a new verification link (at most one a minute)" }),
  route({ method: "GET", path: "/v1/auth/jwks", contract: identity.keysList, auth: "public", tag, summary: "Public keys access tokens are signed with" }),
  // OpenID Connect.
  route({ method: "GET", path: "/v1/auth/oidc/providers", contract: identity.oidcProviders, auth: "public", tag, summary: "Sign-in providers configured on this platform" }),
  route({ method: "POST", path: "/v1/auth/oidc/{provider}/start", contract: identity.oidcStart, auth: "public", tag, summary: "Start signing in with a provider: where to send the browser", input: { path: { provider: "provider" } } }),
  route({ method: "POST", path: "/v1/auth/oidc/callback", contract: identity.oidcCallback, auth: "public", tag, summary: "Finish signing in with the code and state the provider redirected back with", input: { body: true, ip: "ip" } }),
  // The caller's account, profile and two-factor.
  route({ method: "GET", path: "/v1/me", contract: identity.accountsGet, auth: "user", tag, summary: "The caller's own account" }),
  route({ method: "PATCH", path: "/v1/me/profile", contract: identity.profilesUpdate, auth: "user", tag, summary: "Change the caller's public profile, locale and time zone", input: { body: true } }),
  // Public with an optional token: an admin who must enrol before signing in has only the
  // challenge of the totp_enrolment_required error.
  route({ method: "POST", path: "/v1/auth/totp/enrol", contract: identity.totpEnrol, auth: "public", tag, summary: "Start enrolling an authenticator app: its secret and otpauth URI", input: { body: true, session: "sessionId" } }),
  route({ method: "POST", path: "/v1/me/totp/verify", contract: identity.totpVerify, auth: "user", tag, summary: "Confirm enrolment with a first code; returns recovery codes", input: { body: true } }),
  route({ method: "DELETE", path: "/v1/me/totp", contract: identity.totpDisable, auth: "user", tag, summary: "Turn two-factor sign-in off (needs the password, or a sign-in within 10 minutes for an account without one, and a current code)", input: { body: true, ip: "ip", session: "sessionId" } }),
  route({ method: "GET", path: "/v1/users/{id}", contract: identity.profilesGet, auth: "public", tag, summary: "A user's public profile (nothing private)", input: { path: { id: "userId" } } }),
  // Administration.
  route({ method: "GET", path: "/v1/admin/users", contract: identity.usersList, auth: "admin", tag: admin, summary: "List and search users", input: { query: ["query", "role", "status", "cursor", "limit"] } }),
  route({ method: "PUT", path: "/v1/admin/users/{id}/roles", contract: identity.usersSetRoles, auth: "admin", tag: admin, summary: "Replace a user's roles", input: { path: { id: "userId" }, body: true } }),
  route({ method: "POST", path: "/v1/admin/users/{id}/deactivate", contract: identity.usersDeactivate, auth: "admin", tag: admin, summary: "Deactivate a user: no login, no refresh, out of follower lists", input: { path: { id: "userId" } } }),
  route({ method: "POST", path: "/v1/admin/users/{id}/reactivate", contract: identity.usersReactivate, auth: "admin", tag: admin, summary: "Reactivate a user", input: { path: { id: "userId" } } }),
  route({ method: "POST", path: "/v1/admin/keys/rotate", contract: identity.keysRotate, auth: "admin", tag: admin, summary: "Start signing with a new key; tokens signed with the old one stay valid until they expire" }),
  // Organizations.
  route({ method: "POST", path: "/v1/orgs", contract: identity.orgsCreate, auth: "user", tag: orgs, summary: "Create an organization (the caller becomes its owner)", input: { body: true }, status: 201, creates: true }),
  route({ method: "GET", path: "/v1/orgs/{id}", contract: identity.orgsGet, auth: "public", tag: orgs, summary: "An organization", input: { path: { id: "orgId" } } }),
  route({ method: "GET", path: "/v1/orgs/{id}/members", contract: identity.orgsMembers, auth: "user", tag: orgs, summary: "Members of an organization and their roles", input: { path: { id: "orgId" }, query: ["cursor", "limit"] } }),
  route({ method: "POST", path: "/v1/orgs/{id}/invitations", contract: identity.orgsInvite, auth: "user", tag: orgs, summary: "Invite someone by email (owners and admins)", input: { path: { id: "orgId" }, body: true }, status: 201, creates: true }),
  route({ method: "POST", path: "/v1/orgs/invitations/accept", contract: identity.orgsAccept, auth: "user", tag: orgs, summary: "Accept an invitation with its emailed token", input: { body: true } }),
  route({ method: "POST", path: "/v1/orgs/{id}/leave", contract: identity.orgsLeave, auth: "user", tag: orgs, summary: "Leave an organization", input: { path: { id: "orgId" } } }),
  route({ method: "DELETE", path: "/v1/orgs/{id}/members/{userId}", contract: identity.orgsRemoveMember, auth: "user", tag: orgs, summary: "Remove a member (owners and admins)", input: { path: { id: "orgId", userId: "userId" } } }),
  route({ method: "PUT", path: "/v1/orgs/{id}/members/{userId}/role", contract: identity.orgsSetRole, auth: "user", tag: orgs, summary: "Change a member's role (owners)", input: { path: { id: "orgId", userId: "userId" }, body: true } }),
  // Follows: users and organizations.
  route({ method: "POST", path: "/v1/users/{id}/follow", contract: identity.followsCreate, auth: "user", tag: follows, summary: "Follow a user (idempotent)", input: { path: { id: "target.id" }, fixed: { "target.kind": "user" } } }),
  route({ method: "DELETE", path: "/v1/users/{id}/follow", contract: identity.followsDelete, auth: "user", tag: follows, summary: "Stop following a user", input: { path: { id: "target.id" }, fixed: { "target.kind": "user" } } }),
  route({ method: "POST", path: "/v1/orgs/{id}/follow", contract: identity.followsCreate, auth: "user", tag: follows, summary: "Follow an organization (idempotent)", input: { path: { id: "target.id" }, fixed: { "target.kind": "org" } } }),
  route({ method: "DELETE", path: "/v1/orgs/{id}/follow", contract: identity.followsDelete, auth: "user", tag: follows, summary: "Stop following an organization", input: { path: { id: "target.id" }, fixed: { "target.kind": "org" } } }),
  route({ method: "GET", path: "/v1/users/{id}/followers", contract: identity.followsListFollowers, auth: "public", tag: follows, summary: "Who follows a user, with the count", input: { path: { id: "target.id" }, fixed: { "target.kind": "user" }, query: ["cursor", "limit"] } }),
  route({ method: "GET", path: "/v1/orgs/{id}/followers", contract: identity.followsListFollowers, auth: "public", tag: follows, summary: "Who follows an organization, with the count", input: { path: { id: "target.id" }, fixed: { "target.kind": "org" }, query: ["cursor", "limit"] } }),
  route({ method: "GET", path: "/v1/users/{id}/following", contract: identity.followsListFollowing, auth: "public", tag: follows, summary: "Whom a user follows, with the count", input: { path: { id: "userId" }, query: ["cursor", "limit"] } }),
  route({ method: "GET", path: "/v1/me/following", contract: identity.followsListFollowing, auth: "user", tag: follows, summary: "Whom the caller follows, with the count", input: { principal: "userId", query: ["cursor", "limit"] } }),
];
