/** The schemas identity's contracts share (accounts, profiles, organizations, pages). */
import { type TProperties, type TSchema, Type } from "@sinclair/typebox";
import { Email, Locale, Name, NextCursor, TimeZone, Uuid } from "../common.ts";
import { Role } from "../principal.ts";

export const Jwk = Type.Object(
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

export const Password = Type.String({ minLength: 10, maxLength: 256, description: "At least 10 characters." });
export const ClientIp = Type.Optional(Type.String({ maxLength: 45, description: "The client's IP as the edge saw it, for throttling." }));

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

export const Ok = Type.Object({ ok: Type.Literal(true, { description: "Always true; failures arrive as errors." }) }, { additionalProperties: false });
export const DisplayName = Name("Public display name.", 100);
export const Bio = Type.String({ maxLength: 2000, description: "Free text about the user, shown on the public profile." });
export const AvatarUrl = Type.String({ format: "uri", pattern: "^https?://", maxLength: 2048, description: "http(s) URL of the avatar image." });
export const OrgRole = Type.Union([Type.Literal("owner"), Type.Literal("admin"), Type.Literal("member")], {
  description: "Role in an organization: owner (everything, incl. other owners), admin (members and events), member.",
});
export const InvitableRole = Type.Union([Type.Literal("owner"), Type.Literal("admin"), Type.Literal("member")], {
  description: "Role the invitee gets (only an owner may invite an owner or an admin).",
});
export const AccountStatus = Type.Union([Type.Literal("active"), Type.Literal("deactivated")], {
  description: "A deactivated account cannot log in or refresh and drops out of follower lists.",
});
export const SingleUseToken = (what: string) =>
  Type.String({ minLength: 16, maxLength: 200, description: `The single-use ${what} token from the emailed link.` });
export const TotpCode = Type.String({
  minLength: 6,
  maxLength: 20,
  description: "A 6-digit code from the authenticator app, or one unused recovery code (xxxxx-xxxxx).",
});
export const Challenge = Type.String({
  minLength: 16,
  maxLength: 200,
  description: "The challenge from the totp_required / totp_enrolment_required error's details (valid 5 minutes).",
});

/** The caller's own account: what `me` and `profiles.update` return. */
export const MyAccount = Type.Object(
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
export const Page = <T extends TSchema, X extends TProperties = {}>(item: T, extra: X = {} as X) =>
  Type.Object({ items: Type.Array(item, { description: "This page, newest first." }), nextCursor: NextCursor, ...extra }, { additionalProperties: false });
