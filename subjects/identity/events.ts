/** The domain events identity publishes (evt.user.*, evt.org.*), through its outbox. */
import { Type } from "@sinclair/typebox";
import { event } from "../contract.ts";
import { Email, FollowTarget, Locale, Name, TimeZone, Uuid } from "../common.ts";
import { Role } from "../principal.ts";
import { InvitableRole, OrgRole } from "./schemas.ts";

/**
 * A single-use link token as it travels (services/kit/link-seal.ts): sealed for the notifications
 * mail sender under LINK_SEALING_KEYS, bound to the link's purpose and the address it goes to,
 * opening only until its own expiry. Events are kept for days and read by every consumer of
 * EVENTS: none of them may carry a token that works.
 */
const SealedToken = (what: string) =>
  Type.String({
    pattern: "^ls1\\.",
    maxLength: 1000,
    description: `The single-use ${what} token, sealed for the mail sender (kit/link-seal.ts); only notifications opens it, and only to mail the link.`,
  });

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
    data: Type.Object({
      ...UserContact,
      sealedToken: SealedToken("password reset"),
      expiresAt: Type.String({ format: "date-time", description: "When the token stops working." }),
    }, { additionalProperties: false }),
  }),
  emailChangeRequested: event({
    subject: "evt.user.email_change_requested",
    description:
      "A user asked to change their email; carries the current contact, the new address and the single-use token (valid 24 hours), sealed, for the link mailed to the new address.",
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
    data: Type.Object({
      ...UserContact,
      sealedToken: SealedToken("email verification (for svc.identity.accounts.verify-email)"),
      expiresAt: Type.String({ format: "date-time", description: "When the token stops working." }),
    }, { additionalProperties: false }),
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
    data: Type.Object({ followerId: Uuid("Who follows."), target: FollowTarget, followedAt: Type.String({ format: "date-time" }) }, {
      additionalProperties: false,
    }),
  }),
  unfollowed: event({
    subject: "evt.user.unfollowed",
    description: "A user stopped following a user or an organization.",
    data: Type.Object({ followerId: Uuid("Who followed."), target: FollowTarget }, { additionalProperties: false }),
  }),
  orgCreated: event({
    subject: "evt.org.created",
    description: "An organization was created; its creator is its owner.",
    data: Type.Object({ orgId: Uuid("The organization."), name: Type.String(), slug: Type.String(), ownerId: Uuid("The creator.") }, {
      additionalProperties: false,
    }),
  }),
  orgMemberAdded: event({
    subject: "evt.org.member_added",
    description: "A user joined an organization (accepted an invitation, or was added).",
    data: Type.Object({
      orgId: Uuid("The organization."),
      userId: Uuid("The member."),
      role: Type.Union([Type.Literal("owner"), Type.Literal("admin"), Type.Literal("member")]),
    }, { additionalProperties: false }),
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
    data: Type.Object({
      orgId: Uuid("The organization."),
      userId: Uuid("The member."),
      role: OrgRole,
      previousRole: OrgRole,
      by: Uuid("The owner who changed it."),
    }, { additionalProperties: false }),
  }),
  orgMemberRemoved: event({
    subject: "evt.org.member_removed",
    description: "A user left or was removed from an organization.",
    data: Type.Object({ orgId: Uuid("The organization."), userId: Uuid("The former member.") }, { additionalProperties: false }),
  }),
} as const;
