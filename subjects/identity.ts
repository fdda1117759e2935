/**
 * Identity: accounts, sessions, roles, organizations and follows. This module holds the
 * contracts other services depend on; the identity service adds its own requests here.
 */
import { Type, type TProperties, type TSchema } from "@sinclair/typebox";
import { event, request } from "./contract.ts";
import { Email, FollowTarget, Locale, Name, NextCursor, PageRequest, TimeZone, Uuid } from "./common.ts";
import { Role } from "./principal.ts";

const Jwk = Type.Object(
  {
    kty: Type.String(),
    crv: Type.Optional(Type.String()),
    x: Type.Optional(Type.String()),
    y: Type.Optional(Type.String()),
    kid: Type.String({ description: "Key id, matched against the token header's kid." }),
    alg: Type.String({ description: "ES256." }),
    use: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

const Password = Type.String({ minLength: 10, maxLength: 256, description: "At least 10 characters." });
const ClientIp = Type.Optional(Type.String({ maxLength: 45, description: "The client's IP as the edge saw it, for throttling." }));

export const AccountSummary = Type.Object(
  {
    id: Uuid("User id."),
    email: Email,
    displayName: Type.String({ description: "Public display name." }),
    roles: Type.Array(Role, { description: "Platform roles." }),
  },
  { additionalProperties: false },
);

export const TokenPair = Type.Object(
  {
    accessToken: Type.String({ description: "ES256 JWT (typ at+jwt), valid 15 minutes." }),
    refreshToken: Type.String({ description: "Opaque, single use: every refresh returns a new one." }),
    tokenType: Type.Literal("Bearer"),
    expiresIn: Type.Integer({ description: "Seconds until the access token expires." }),
    user: AccountSummary,
  },
  { additionalProperties: false },
);


const Ok = Type.Object({ ok: Type.Literal(true, { description: "Always true; failures arrive as errors." }) }, { additionalProperties: false });
const DisplayName = Name("Public display name.", 100);
const Bio = Type.String({ maxLength: 2000, description: "Free text about the user, shown on the public profile." });
const AvatarUrl = Type.String({ format: "uri", pattern: "^https?://", maxLength: 2048, description: "http(s) URL of the avatar image." });
const OrgRole = Type.Union([Type.Literal("owner"), Type.Literal("admin"), Type.Literal("member")], { description: "Role in an organization: owner (everything, incl. other owners), admin (members and events), member." });
const InvitableRole = Type.Union([Type.Literal("owner"), Type.Literal("admin"), Type.Literal("member")], { description: "Role the invitee gets (only an owner may invite an owner or an admin)." });
const AccountStatus = Type.Union([Type.Literal("active"), Type.Literal("deactivated")], { description: "A deactivated account cannot log in or refresh and drops out of follower lists." });
const SingleUseToken = (what: string) => Type.String({ minLength: 16, maxLength: 200, description: `The single-use ${what} token from the emailed link.` });
const TotpCode = Type.String({ minLength: 6, maxLength: 20, description: "A 6-digit code from the authenticator app, or one unused recovery code (xxxxx-xxxxx)." });
const Challenge = Type.String({ minLength: 16, maxLength: 200, description: "The challenge from the totp_required / totp_enrolment_required error's details (valid 5 minutes)." });

/** The caller's own account: what `me` and `profiles.update` return. */
const MyAccount = Type.Object(
  {
    id: Uuid("User id."),
    email: Email,
    displayName: Type.String({ description: "Public display name." }),
    locale: Locale,
    timeZone: TimeZone,
    roles: Type.Array(Role),
    emailVerified: Type.Boolean({ description: "Whether the email was verified." }),
    createdAt: Type.String({ format: "date-time" }),
    bio: Type.Optional(Type.Union([Bio, Type.Null()], { description: "Free text about the user, or null." })),
    avatarUrl: Type.Optional(Type.Union([AvatarUrl, Type.Null()], { description: "Avatar URL, or null." })),
    totpEnabled: Type.Optional(Type.Boolean({ description: "Whether two-factor sign-in (TOTP) is on." })),
    hasPassword: Type.Optional(Type.Boolean({ description: "False for accounts created by OpenID Connect that never set a password." })),
  },
  { additionalProperties: false },
);

/** What anyone may see of a user: never the email, locale, time zone or roles. */
export const PublicProfile = Type.Object(
  {
    id: Uuid("User id."),
    displayName: Type.String({ description: "Public display name." }),
    bio: Type.Union([Type.String(), Type.Null()], { description: "Free text, or null." }),
    avatarUrl: Type.Union([Type.String(), Type.Null()], { description: "Avatar URL, or null." }),
    followers: Type.Integer({ minimum: 0, description: "Active users following this user." }),
    following: Type.Integer({ minimum: 0, description: "Active users and organizations this user follows." }),
    createdAt: Type.String({ format: "date-time", description: "When the account was created." }),
  },
  { additionalProperties: false },
);

/** A user as admins see it. */
export const AdminUser = Type.Object(
  {
    id: Uuid("User id."),
    email: Email,
    displayName: Type.String({ description: "Public display name." }),
    roles: Type.Array(Role, { description: "Platform roles." }),
    status: AccountStatus,
    emailVerified: Type.Boolean({ description: "Whether the email was verified." }),
    totpEnabled: Type.Boolean({ description: "Whether two-factor sign-in is on." }),
    createdAt: Type.String({ format: "date-time", description: "When the account was created." }),
  },
  { additionalProperties: false },
);

export const Organization = Type.Object(
  {
    id: Uuid("Organization id."),
    name: Type.String({ description: "Display name." }),
    slug: Type.String({ description: "Unique URL name (lower-case letters, digits, dashes)." }),
    description: Type.Union([Type.String(), Type.Null()], { description: "Free text, or null." }),
    members: Type.Integer({ minimum: 0, description: "Number of members (owners and admins included)." }),
    followers: Type.Integer({ minimum: 0, description: "Active users following the organization." }),
    myRole: Type.Union([OrgRole, Type.Null()], { description: "The caller's role in it, or null (anonymous or not a member)." }),
    createdAt: Type.String({ format: "date-time", description: "When it was created." }),
  },
  { additionalProperties: false },
);

// deno-lint-ignore ban-types -- `{}`: no extra properties by default
const Page = <T extends TSchema, X extends TProperties = {}>(item: T, extra: X = {} as X) =>
  Type.Object({ items: Type.Array(item, { description: "This page, newest first." }), nextCursor: NextCursor, ...extra }, { additionalProperties: false });

export const identity = {
  register: request({
    subject: "svc.identity.register",
    description: "Creates an account with email and password (argon2id). The email is unique whatever its case.",
    request: Type.Object(
      {
        email: Email,
        password: Password,
        displayName: Name("Public display name.", 100),
        locale: Type.Optional(Locale),
        timeZone: Type.Optional(TimeZone),
        ip: ClientIp,
      },
      { additionalProperties: false },
    ),
    reply: AccountSummary,
    idempotent: false,
  }),
  login: request({
    subject: "svc.identity.login",
    description: "Exchanges email and password for an access token and a refresh token (a new session).",
    request: Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: 256, description: "The password." }), ip: ClientIp }, { additionalProperties: false }),
    reply: TokenPair,
    idempotent: false,
  }),
  refresh: request({
    subject: "svc.identity.refresh",
    description: "Rotates a refresh token: returns new tokens and retires the old one. Presenting a retired token again revokes its whole family (RFC 9700).",
    request: Type.Object({ refreshToken: Type.String({ minLength: 1, maxLength: 200, description: "The current refresh token." }) }, { additionalProperties: false }),
    reply: TokenPair,
    idempotent: false,
  }),
  logout: request({
    subject: "svc.identity.logout",
    description: "Ends the session of a refresh token (this device).",
    request: Type.Object({ refreshToken: Type.String({ minLength: 1, maxLength: 200, description: "The session's refresh token." }) }, { additionalProperties: false }),
    reply: Type.Object({ ok: Type.Literal(true) }),
    idempotent: true,
  }),
  me: request({
    subject: "svc.identity.me",
    description: "The caller's own account, private fields included.",
    request: Type.Object({}, { additionalProperties: false }),
    reply: MyAccount,
    idempotent: true,
  }),
  /** The public keys access tokens are signed with (the edge caches them; refreshed on an unknown kid). */
  jwks: request({
    subject: "svc.identity.jwks",
    description: "Public signing keys of access tokens as a JWKS (RFC 7517). Tokens are ES256 JWTs with iss, aud, typ=at+jwt and kid.",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Type.Object({ keys: Type.Array(Jwk) }),
    idempotent: true,
  }),
  sessionsCheck: request({
    subject: "svc.identity.sessions.check",
    description:
      "Whether the session an access token names (its sid) is still open: not logged out, not revoked by logout-all, a password change or reset, a refresh-token replay or a deactivation. The edge asks before honouring a token (and caches the answer a few seconds), so ending a session ends its access tokens too.",
    request: Type.Object({ sub: Uuid("The token's subject."), sid: Uuid("The token's session id.") }, { additionalProperties: false }),
    reply: Type.Object({ active: Type.Boolean({ description: "True while the session is open and the account active." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
  /** Whether a user may act for an organization (create or edit its events). */
  canActForOrg: request({
    subject: "svc.identity.orgs.can-act",
    description: "Whether the user is an owner or admin (or member, when `minRole` allows) of the organization.",
    request: Type.Object(
      {
        userId: Uuid("The user."),
        orgId: Uuid("The organization."),
        minRole: Type.Optional(Type.Union([Type.Literal("owner"), Type.Literal("admin"), Type.Literal("member")], { default: "admin", description: "Lowest role that suffices." })),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object({
      allowed: Type.Boolean({ description: "True when the user's role in the organization is at least minRole." }),
      role: Type.Union([Type.Literal("owner"), Type.Literal("admin"), Type.Literal("member"), Type.Null()], { description: "The user's role, or null if not a member." }),
    }),
    idempotent: true,
  }),

  // Accounts and sessions
  verifyEmail: request({
    subject: "svc.identity.verify-email",
    description: "Proves ownership of the account's email with the single-use token from evt.user.registered. Emits evt.user.email_verified.",
    request: Type.Object({ token: SingleUseToken("email verification") }, { additionalProperties: false }),
    reply: Type.Object({ userId: Uuid("The verified account."), email: Email }, { additionalProperties: false }),
    idempotent: false,
  }),
  logoutAll: request({
    subject: "svc.identity.logout-all",
    description: "Ends every session of the caller (all devices); their access tokens stop working within seconds (the edge checks each token's session).",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Type.Object({ revokedSessions: Type.Integer({ minimum: 0, description: "Sessions that were still open." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
  passwordForgot: request({
    subject: "svc.identity.password.forgot",
    description: "Starts a password reset: when the email belongs to an active account, emits evt.user.password_reset_requested with a single-use token valid 1 hour. Answers the same whether or not the account exists.",
    request: Type.Object({ email: Email, ip: ClientIp }, { additionalProperties: false }),
    reply: Ok,
    idempotent: false,
  }),
  passwordReset: request({
    subject: "svc.identity.password.reset",
    description: "Sets a new password with the token from the reset email. The token works once; every open session of the account is revoked.",
    request: Type.Object({ token: SingleUseToken("password reset"), password: Password }, { additionalProperties: false }),
    reply: Ok,
    idempotent: false,
  }),

  passwordChange: request({
    subject: "svc.identity.password.change",
    description:
      "Changes the caller's password, proving the current one (throttled like sign-in). Every session of the account is revoked (whoever knew the old password is logged out) and a new session is opened for the caller.",
    request: Type.Object(
      { currentPassword: Type.String({ minLength: 1, maxLength: 256, description: "The password in use now." }), newPassword: Password, ip: ClientIp },
      { additionalProperties: false },
    ),
    reply: TokenPair,
    idempotent: false,
  }),
  emailChange: request({
    subject: "svc.identity.email.change",
    description:
      "Starts changing the caller's email: a link valid 24 hours goes to the new address (evt.user.email_change_requested); the account keeps its address until that link is followed. An account with a password confirms with it (throttled like sign-in). 409 when another account has the address.",
    request: Type.Object(
      { newEmail: Email, currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: "The password in use now (required when the account has one)." })), ip: ClientIp },
      { additionalProperties: false },
    ),
    reply: Ok,
    idempotent: false,
  }),
  emailConfirm: request({
    subject: "svc.identity.email.confirm",
    description:
      "Finishes an email change with the token from the link sent to the new address: the account's email becomes that address, verified. Emits evt.user.profile_updated and evt.user.email_verified. 409 when another account took the address meanwhile.",
    request: Type.Object({ token: SingleUseToken("email change") }, { additionalProperties: false }),
    reply: Type.Object({ userId: Uuid("The account."), email: Email }, { additionalProperties: false }),
    idempotent: false,
  }),
  verifyEmailResend: request({
    subject: "svc.identity.verify-email.resend",
    description:
      "Sends the caller a new email verification link (evt.user.verification_requested, token valid 7 days); earlier links stop working. Does nothing for an address already verified. Throttled per account.",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Type.Object({ sent: Type.Boolean({ description: "False when the address was already verified." }) }, { additionalProperties: false }),
    idempotent: false,
  }),

  // OpenID Connect
  oidcProviders: request({
    subject: "svc.identity.oidc.providers",
    description: "The OpenID Connect providers configured for sign-in (OIDC_PROVIDERS).",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Type.Object({ providers: Type.Array(Type.Object({ id: Type.String({ description: "Provider id for oidc.start." }), name: Type.String({ description: "Name to show on the button." }) }, { additionalProperties: false })) }, { additionalProperties: false }),
    idempotent: true,
  }),
  oidcStart: request({
    subject: "svc.identity.oidc.start",
    description: "Begins an OpenID Connect sign-in (authorization code + PKCE S256): returns the provider's authorization URL to send the browser to. The redirect URI is the provider's configured one.",
    request: Type.Object({ provider: Type.String({ minLength: 1, maxLength: 64, description: "Provider id from oidc.providers." }) }, { additionalProperties: false }),
    reply: Type.Object(
      {
        authorizationUrl: Type.String({ format: "uri", description: "Where to redirect the browser." }),
        state: Type.String({ description: "The state parameter in that URL; comes back on the callback (valid 10 minutes)." }),
        verifier: Type.String({ description: "A secret for the client that started the sign-in to keep (e.g. in a cookie) and send with the callback: a callback URL alone, leaked or planted, signs nobody in." }),
      },
      { additionalProperties: false },
    ),
    idempotent: false,
  }),
  oidcCallback: request({
    subject: "svc.identity.oidc.callback",
    description:
      "Finishes an OpenID Connect sign-in with the code and state the provider redirected back with. Signs in the linked account; else links the account with the same email only when the provider says the email is verified; else creates an account. May fail with totp_required like login.",
    request: Type.Object(
      {
        state: Type.String({ minLength: 16, maxLength: 200, description: "The state query parameter of the callback." }),
        code: Type.String({ minLength: 1, maxLength: 2048, description: "The code query parameter of the callback." }),
        verifier: Type.String({ minLength: 16, maxLength: 200, description: "The verifier oidc.start returned to the client that started this sign-in." }),
        ip: ClientIp,
      },
      { additionalProperties: false },
    ),
    reply: Type.Object({ ...TokenPair.properties, newAccount: Type.Boolean({ description: "True when this sign-in created the account." }) }, { additionalProperties: false }),
    idempotent: false,
  }),

  // Two-factor (TOTP, RFC 6238)
  totpEnrol: request({
    subject: "svc.identity.totp.enrol",
    description:
      "Starts TOTP enrolment: a new secret as an otpauth:// URI (the client draws the QR code). Nothing changes until totp.verify confirms a code. Needs the caller's principal and password, or the challenge of a totp_enrolment_required error.",
    request: Type.Object(
      {
        challenge: Type.Optional(Challenge),
        password: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: "The caller's current password; required with a principal (an access token alone cannot change how the account signs in)." })),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object(
      {
        otpauthUri: Type.String({ description: "otpauth://totp/… URI (SHA1, 6 digits, 30 s) for the QR code." }),
        secret: Type.String({ description: "The same secret in base32, for manual entry." }),
      },
      { additionalProperties: false },
    ),
    idempotent: false,
  }),
  totpVerify: request({
    subject: "svc.identity.totp.verify",
    description: "Confirms enrolment with a current code: two-factor is on from now, and 10 single-use recovery codes are returned (shown once, stored hashed).",
    request: Type.Object({ code: Type.String({ pattern: "^[0-9]{6}$", description: "6-digit code from the authenticator app." }), challenge: Type.Optional(Challenge) }, { additionalProperties: false }),
    reply: Type.Object({ recoveryCodes: Type.Array(Type.String(), { minItems: 10, maxItems: 10, description: "Single-use codes for when the authenticator is lost. Shown only now." }) }, { additionalProperties: false }),
    idempotent: false,
  }),
  totpLogin: request({
    subject: "svc.identity.totp.login",
    description: "Second step of a sign-in that failed with totp_required: the challenge from the error's details and a code (or a recovery code, which is then used up).",
    request: Type.Object({ challenge: Challenge, code: TotpCode, ip: ClientIp }, { additionalProperties: false }),
    reply: TokenPair,
    idempotent: false,
  }),
  totpDisable: request({
    subject: "svc.identity.totp.disable",
    description: "Turns two-factor off (needs the password and a current code); recovery codes are deleted. Refused for admins when REQUIRE_2FA_FOR_ADMINS is on.",
    request: Type.Object(
      {
        code: TotpCode,
        password: Type.String({ minLength: 1, maxLength: 256, description: "The caller's current password (an access token alone cannot turn two-factor off)." }),
        ip: ClientIp,
      },
      { additionalProperties: false },
    ),
    reply: Ok,
    idempotent: false,
  }),

  // Administration (platform admins only)
  adminUsersList: request({
    subject: "svc.identity.admin.users.list",
    description: "Lists accounts, newest first, optionally searched by email or display name and filtered by role or status.",
    request: Type.Object(
      {
        query: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Case-insensitive substring of the email or display name." })),
        role: Type.Optional(Role),
        status: Type.Optional(AccountStatus),
        ...PageRequest,
      },
      { additionalProperties: false },
    ),
    reply: Page(AdminUser),
    idempotent: true,
  }),
  adminUsersSetRoles: request({
    subject: "svc.identity.admin.users.set-roles",
    description: "Replaces a user's platform roles (emits evt.user.role_changed when they change). An admin cannot remove their own admin role.",
    request: Type.Object({ userId: Uuid("The user."), roles: Type.Array(Role, { minItems: 1, uniqueItems: true, description: "The complete new set of roles." }) }, { additionalProperties: false }),
    reply: AdminUser,
    idempotent: true,
  }),
  adminUsersDeactivate: request({
    subject: "svc.identity.admin.users.deactivate",
    description: "Deactivates an account: its sessions end, it cannot log in or refresh, it drops out of follower lists. Emits evt.user.deactivated. An admin cannot deactivate themselves.",
    request: Type.Object({ userId: Uuid("The user.") }, { additionalProperties: false }),
    reply: AdminUser,
    idempotent: true,
  }),
  adminUsersReactivate: request({
    subject: "svc.identity.admin.users.reactivate",
    description: "Reactivates a deactivated account. Emits evt.user.reactivated.",
    request: Type.Object({ userId: Uuid("The user.") }, { additionalProperties: false }),
    reply: AdminUser,
    idempotent: true,
  }),
  adminKeysRotate: request({
    subject: "svc.identity.admin.keys.rotate",
    description: "Adds a new access-token signing key that signs from now on; older public keys stay in the JWKS until the tokens they signed have expired, so nobody is logged out. Refused when keys come from JWT_PRIVATE_KEYS_FILE (rotate the file instead).",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Type.Object({ kid: Type.String({ description: "Key id of the new signing key." }) }, { additionalProperties: false }),
    idempotent: false,
  }),

  // Profiles
  profilesGet: request({
    subject: "svc.identity.profiles.get",
    description: "A user's public profile (never the email). Deactivated users are not found.",
    request: Type.Object({ userId: Uuid("The user.") }, { additionalProperties: false }),
    reply: PublicProfile,
    idempotent: true,
  }),
  profilesUpdate: request({
    subject: "svc.identity.profiles.update",
    description: "Changes the caller's own profile; absent fields stay, null clears bio or avatar. Emits evt.user.profile_updated when the display name, locale or time zone change.",
    request: Type.Object(
      {
        displayName: Type.Optional(DisplayName),
        bio: Type.Optional(Type.Union([Bio, Type.Null()], { description: "New bio, or null to clear it." })),
        avatarUrl: Type.Optional(Type.Union([AvatarUrl, Type.Null()], { description: "New avatar URL, or null to clear it." })),
        locale: Type.Optional(Locale),
        timeZone: Type.Optional(TimeZone),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
    reply: MyAccount,
    idempotent: true,
  }),

  // Organizations
  orgsCreate: request({
    subject: "svc.identity.orgs.create",
    description: "Creates an organization; the caller becomes its owner. Emits evt.org.created and evt.org.member_added.",
    request: Type.Object(
      {
        name: Name("Display name.", 120),
        slug: Type.Optional(Type.String({ minLength: 2, maxLength: 60, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", description: "Unique URL name; derived from the name when absent." })),
        description: Type.Optional(Type.String({ maxLength: 2000, description: "Free text." })),
      },
      { additionalProperties: false },
    ),
    reply: Organization,
    idempotent: false,
  }),
  orgsGet: request({
    subject: "svc.identity.orgs.get",
    description: "An organization's public page, with the caller's role in it.",
    request: Type.Object({ orgId: Uuid("The organization.") }, { additionalProperties: false }),
    reply: Organization,
    idempotent: true,
  }),
  orgsMembers: request({
    subject: "svc.identity.orgs.members",
    description: "Members of an organization with their roles, newest first. Only members see it.",
    request: Type.Object({ orgId: Uuid("The organization."), ...PageRequest }, { additionalProperties: false }),
    reply: Page(
      Type.Object(
        { userId: Uuid("The member."), displayName: Type.String({ description: "Public display name." }), role: OrgRole, joinedAt: Type.String({ format: "date-time", description: "When they joined." }) },
        { additionalProperties: false },
      ),
    ),
    idempotent: true,
  }),
  orgsInvite: request({
    subject: "svc.identity.orgs.invite",
    description: "Invites someone by email (owners and admins; only owners invite owners and admins). Emits evt.org.invitation_created with a single-use token valid 7 days for the notifications service to mail.",
    request: Type.Object({ orgId: Uuid("The organization."), email: Email, role: Type.Optional({ ...InvitableRole, default: "member" }) }, { additionalProperties: false }),
    reply: Type.Object(
      { invitationId: Uuid("The invitation."), email: Email, role: InvitableRole, expiresAt: Type.String({ format: "date-time", description: "When the token stops working." }) },
      { additionalProperties: false },
    ),
    idempotent: false,
  }),
  orgsAccept: request({
    subject: "svc.identity.orgs.accept",
    description: "Accepts an invitation with its token; the caller's account email must be the invited one. Emits evt.org.member_added.",
    request: Type.Object({ token: SingleUseToken("invitation") }, { additionalProperties: false }),
    reply: Type.Object({ orgId: Uuid("The organization joined."), role: OrgRole }, { additionalProperties: false }),
    idempotent: false,
  }),
  orgsLeave: request({
    subject: "svc.identity.orgs.leave",
    description: "The caller leaves an organization. The last owner cannot leave. Emits evt.org.member_removed.",
    request: Type.Object({ orgId: Uuid("The organization.") }, { additionalProperties: false }),
    reply: Ok,
    idempotent: false,
  }),
  orgsRemoveMember: request({
    subject: "svc.identity.orgs.remove-member",
    description: "Removes a member: owners remove anyone but the last owner, admins remove members. Emits evt.org.member_removed.",
    request: Type.Object({ orgId: Uuid("The organization."), userId: Uuid("The member to remove.") }, { additionalProperties: false }),
    reply: Ok,
    idempotent: false,
  }),
  orgsSetRole: request({
    subject: "svc.identity.orgs.set-role",
    description:
      "Changes a member's role (owners only; the last owner cannot step down). Setting the role a member already has changes nothing and emits nothing; otherwise emits evt.org.member_role_changed.",
    request: Type.Object({ orgId: Uuid("The organization."), userId: Uuid("The member."), role: OrgRole }, { additionalProperties: false }),
    reply: Type.Object({ changed: Type.Boolean({ description: "False when the member already had that role." }) }, { additionalProperties: false }),
    idempotent: true,
  }),

  // Follows
  follow: request({
    subject: "svc.identity.follows.follow",
    description: "The caller follows a user or an organization. Following again changes nothing and emits nothing; following oneself is refused. Emits evt.user.followed once.",
    request: Type.Object({ target: FollowTarget }, { additionalProperties: false }),
    reply: Type.Object({ target: FollowTarget, created: Type.Boolean({ description: "False when the caller already followed the target." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
  unfollow: request({
    subject: "svc.identity.follows.unfollow",
    description: "The caller stops following a user or an organization. Emits evt.user.unfollowed when a follow existed.",
    request: Type.Object({ target: FollowTarget }, { additionalProperties: false }),
    reply: Type.Object({ target: FollowTarget, removed: Type.Boolean({ description: "False when the caller did not follow the target." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
  followers: request({
    subject: "svc.identity.follows.followers",
    description: "Active users following a user or an organization, newest first, with the total.",
    request: Type.Object({ target: FollowTarget, ...PageRequest }, { additionalProperties: false }),
    reply: Page(
      Type.Object(
        {
          userId: Uuid("The follower."),
          displayName: Type.String({ description: "Public display name." }),
          avatarUrl: Type.Union([Type.String(), Type.Null()], { description: "Avatar URL, or null." }),
          followedAt: Type.String({ format: "date-time", description: "When they started following." }),
        },
        { additionalProperties: false },
      ),
      { total: Type.Integer({ minimum: 0, description: "All active followers, not just this page." }) },
    ),
    idempotent: true,
  }),
  following: request({
    subject: "svc.identity.follows.following",
    description: "Users (active ones) and organizations a user follows, newest first, with the total.",
    request: Type.Object({ userId: Uuid("The follower."), ...PageRequest }, { additionalProperties: false }),
    reply: Page(
      Type.Object(
        {
          target: FollowTarget,
          name: Type.String({ description: "Display name of the user or name of the organization." }),
          followedAt: Type.String({ format: "date-time", description: "When the follow started." }),
        },
        { additionalProperties: false },
      ),
      { total: Type.Integer({ minimum: 0, description: "Everything followed, not just this page." }) },
    ),
    idempotent: true,
  }),
} as const;

/**
 * A single-use link token as it travels (services/kit/link-seal.ts): sealed for the notifications
 * mail sender under LINK_SEALING_KEYS, bound to the link's purpose and the address it goes to,
 * opening only until its own expiry. Events are kept for days and read by every consumer of
 * EVENTS: none of them may carry a token that works.
 */
const SealedToken = (what: string) =>
  Type.String({ pattern: "^ls1\\.", maxLength: 1000, description: `The single-use ${what} token, sealed for the mail sender (kit/link-seal.ts); only notifications opens it, and only to mail the link.` });

const UserContact = {
  userId: Uuid("The user."),
  email: Email,
  displayName: Name("Public display name.", 100),
  locale: Locale,
  timeZone: TimeZone,
};

export const identityEvents = {
  userRegistered: event({
    subject: "evt.user.registered",
    description: "An account was created. Carries the single-use email verification token, sealed for the notifications service to mail the link.",
    data: Type.Object(
      {
        ...UserContact,
        roles: Type.Array(Role, { description: "Roles at creation." }),
        sealedVerificationToken: Type.Optional(SealedToken("email verification (absent when the email came verified, e.g. from OpenID Connect)")),
      },
      { additionalProperties: false },
    ),
  }),
  emailVerified: event({
    subject: "evt.user.email_verified",
    description: "The user proved they own their email address.",
    data: Type.Object({ userId: Uuid("The user."), email: Email }, { additionalProperties: false }),
  }),
  passwordResetRequested: event({
    subject: "evt.user.password_reset_requested",
    description: "Someone asked to reset the password of an account; carries the single-use token (valid 1 hour), sealed, for the emailed link.",
    data: Type.Object({ ...UserContact, sealedToken: SealedToken("password reset"), expiresAt: Type.String({ format: "date-time", description: "When the token stops working." }) }, { additionalProperties: false }),
  }),
  emailChangeRequested: event({
    subject: "evt.user.email_change_requested",
    description: "A user asked to change their email; carries the current contact, the new address and the single-use token (valid 24 hours), sealed, for the link mailed to the new address.",
    data: Type.Object(
      {
        ...UserContact,
        newEmail: Type.String({ format: "email", description: "The address to confirm." }),
        sealedToken: SealedToken("email change (for svc.identity.email.confirm, sealed for the new address)"),
        expiresAt: Type.String({ format: "date-time", description: "When the token stops working." }),
      },
      { additionalProperties: false },
    ),
  }),
  verificationRequested: event({
    subject: "evt.user.verification_requested",
    description: "A user asked for a new email verification link; carries the single-use token (valid 7 days), sealed, for the emailed link.",
    data: Type.Object({ ...UserContact, sealedToken: SealedToken("email verification (for svc.identity.verify-email)"), expiresAt: Type.String({ format: "date-time", description: "When the token stops working." }) }, { additionalProperties: false }),
  }),
  profileUpdated: event({
    subject: "evt.user.profile_updated",
    description: "Display name, locale, time zone or email changed (projections of contact details follow it).",
    data: Type.Object(UserContact, { additionalProperties: false }),
  }),
  deactivated: event({
    subject: "evt.user.deactivated",
    description: "An admin deactivated the account: it cannot log in, and it drops out of follower lists and fan-outs.",
    data: Type.Object({ userId: Uuid("The user."), by: Uuid("The admin.") }, { additionalProperties: false }),
  }),
  reactivated: event({
    subject: "evt.user.reactivated",
    description: "An admin reactivated a deactivated account.",
    data: Type.Object({ userId: Uuid("The user."), by: Uuid("The admin.") }, { additionalProperties: false }),
  }),
  roleChanged: event({
    subject: "evt.user.role_changed",
    description: "An admin changed a user's platform roles.",
    data: Type.Object({ userId: Uuid("The user."), roles: Type.Array(Role), by: Uuid("The admin.") }, { additionalProperties: false }),
  }),
  followed: event({
    subject: "evt.user.followed",
    description: "A user started following a user or an organization (emitted once; following again is a no-op).",
    data: Type.Object({ followerId: Uuid("Who follows."), target: FollowTarget, followedAt: Type.String({ format: "date-time" }) }, { additionalProperties: false }),
  }),
  unfollowed: event({
    subject: "evt.user.unfollowed",
    description: "A user stopped following a user or an organization.",
    data: Type.Object({ followerId: Uuid("Who followed."), target: FollowTarget }, { additionalProperties: false }),
  }),
  orgCreated: event({
    subject: "evt.org.created",
    description: "An organization was created; its creator is its owner.",
    data: Type.Object({ orgId: Uuid("The organization."), name: Type.String(), slug: Type.String(), ownerId: Uuid("The creator.") }, { additionalProperties: false }),
  }),
  orgMemberAdded: event({
    subject: "evt.org.member_added",
    description: "A user joined an organization (accepted an invitation, or was added).",
    data: Type.Object({ orgId: Uuid("The organization."), userId: Uuid("The member."), role: Type.Union([Type.Literal("owner"), Type.Literal("admin"), Type.Literal("member")]) }, { additionalProperties: false }),
  }),
  orgInvitationCreated: event({
    subject: "evt.org.invitation_created",
    description: "Someone was invited by email to join an organization; carries the single-use token (valid 7 days), sealed, for the emailed link.",
    data: Type.Object(
      {
        invitationId: Uuid("The invitation."),
        orgId: Uuid("The organization."),
        orgName: Type.String({ description: "Name of the organization, for the email." }),
        email: Email,
        role: InvitableRole,
        invitedBy: Uuid("The inviting member."),
        inviterName: Type.String({ description: "Display name of the inviting member, for the email." }),
        sealedToken: SealedToken("invitation (for orgs.accept, sealed for the invited address)"),
        expiresAt: Type.String({ format: "date-time", description: "When the token stops working." }),
      },
      { additionalProperties: false },
    ),
  }),
  orgMemberRoleChanged: event({
    subject: "evt.org.member_role_changed",
    description: "An owner changed a member's role in an organization.",
    data: Type.Object({ orgId: Uuid("The organization."), userId: Uuid("The member."), role: OrgRole, previousRole: OrgRole, by: Uuid("The owner who changed it.") }, { additionalProperties: false }),
  }),
  orgMemberRemoved: event({
    subject: "evt.org.member_removed",
    description: "A user left or was removed from an organization.",
    data: Type.Object({ orgId: Uuid("The organization."), userId: Uuid("The former member.") }, { additionalProperties: false }),
  }),
} as const;
