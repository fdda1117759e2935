/** Organizations: creation, members, invitations, and whether a user may act for one. */
import { Type } from "@sinclair/typebox";
import { request } from "../contract.ts";
import { Email, Name, PageRequest, Uuid } from "../common.ts";
import { InvitableRole, Ok, Organization, OrgRole, Page, SingleUseToken } from "./schemas.ts";

export const orgs = {
  /** Whether a user may act for an organization (create or edit its events). */
  canActForOrg: request({
    subject: "svc.identity.orgs.can-act",
    description: "Whether the user is an owner or admin (or member, when `minRole` allows) of the organization.",
    request: Type.Object(
      {
        userId: Uuid("The user."),
        orgId: Uuid("The organization."),
        minRole: Type.Optional(
          Type.Union([Type.Literal("owner"), Type.Literal("admin"), Type.Literal("member")], { default: "admin", description: "Lowest role that suffices." }),
        ),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object({
      allowed: Type.Boolean({ description: "True when the user's role in the organization is at least minRole." }),
      role: Type.Union([Type.Literal("owner"), Type.Literal("admin"), Type.Literal("member"), Type.Null()], {
        description: "The user's role, or null if not a member.",
      }),
    }),
    idempotent: true,
  }),
  orgsCreate: request({
    subject: "svc.identity.orgs.create",
    description: "Creates an organization; the caller becomes its owner. Emits evt.org.created and evt.org.member_added.",
    request: Type.Object(
      {
        name: Name("Display name.", 120),
        slug: Type.Optional(
          Type.String({ minLength: 2, maxLength: 60, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", description: "Unique URL name; derived from the name when absent." }),
        ),
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
        {
          userId: Uuid("The member."),
          displayName: Type.String({ description: "Public display name." }),
          role: OrgRole,
          joinedAt: Type.String({ format: "date-time", description: "When they joined." }),
        },
        { additionalProperties: false },
      ),
    ),
    idempotent: true,
  }),
  orgsInvite: request({
    subject: "svc.identity.orgs.invite",
    description:
      "Invites someone by email (owners and admins; only owners invite owners and admins). Emits evt.org.invitation_created with a single-use token valid 7 days for the notifications service to mail.",
    request: Type.Object({ orgId: Uuid("The organization."), email: Email, role: Type.Optional({ ...InvitableRole, default: "member" }) }, {
      additionalProperties: false,
    }),
    reply: Type.Object(
      {
        invitationId: Uuid("The invitation."),
        email: Email,
        role: InvitableRole,
        expiresAt: Type.String({ format: "date-time", description: "When the token stops working." }),
      },
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
} as const;
