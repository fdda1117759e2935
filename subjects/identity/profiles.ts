/** Public profiles and follows (of users and organizations). */
import { Type } from "@sinclair/typebox";
import { request } from "../contract.ts";
import { FollowTarget, Locale, PageRequest, TimeZone, Uuid } from "../common.ts";
import { AvatarUrl, Bio, DisplayName, MyAccount, Page, PublicProfile } from "./schemas.ts";

export const profiles = {
  profilesGet: request({
    subject: "svc.identity.profiles.get",
    description: "A user's public profile (never the email). Deactivated users are not found.",
    request: Type.Object({ userId: Uuid("The user.") }, { additionalProperties: false }),
    reply: PublicProfile,
    idempotent: true,
  }),
  profilesUpdate: request({
    subject: "svc.identity.profiles.update",
    description:
      "Changes the caller's own profile; absent fields stay, null clears bio or avatar. Emits evt.user.profile_updated when the display name, locale or time zone change.",
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
  followsCreate: request({
    subject: "svc.identity.follows.create",
    description:
      "The caller follows a user or an organization. Following again changes nothing and emits nothing; following oneself is refused. Emits evt.user.followed once.",
    request: Type.Object({ target: FollowTarget }, { additionalProperties: false }),
    reply: Type.Object({ target: FollowTarget, created: Type.Boolean({ description: "False when the caller already followed the target." }) }, {
      additionalProperties: false,
    }),
    idempotent: true,
  }),
  followsDelete: request({
    subject: "svc.identity.follows.delete",
    description: "The caller stops following a user or an organization. Emits evt.user.unfollowed when a follow existed.",
    request: Type.Object({ target: FollowTarget }, { additionalProperties: false }),
    reply: Type.Object({ target: FollowTarget, removed: Type.Boolean({ description: "False when the caller did not follow the target." }) }, {
      additionalProperties: false,
    }),
    idempotent: true,
  }),
  followsListFollowers: request({
    subject: "svc.identity.follows.list-followers",
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
  followsListFollowing: request({
    subject: "svc.identity.follows.list-following",
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
