/** The in-app inbox and the devices push goes to. */
import { Type } from "@sinclair/typebox";
import { request } from "../contract.ts";
import { NextCursor, PageRequest } from "../common.ts";
import { InboxItem, ItemRef, Ok } from "./schemas.ts";

export const inbox = {
  inboxList: request({
    subject: "svc.notifications.inbox.list",
    description: "The caller's inbox, newest first, by cursor. Archived items are listed only with archived=true.",
    request: Type.Object(
      {
        ...PageRequest,
        unreadOnly: Type.Optional(Type.Boolean({ description: "Only unread items." })),
        archived: Type.Optional(Type.Boolean({ description: "List the archive instead of the inbox." })),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object({ items: Type.Array(InboxItem), nextCursor: NextCursor }, { additionalProperties: false }),
    idempotent: true,
  }),
  inboxUnreadCount: request({
    subject: "svc.notifications.inbox.unread-count",
    description: "How many of the caller's inbox items (not archived) are unread.",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Type.Object({ unread: Type.Integer({ minimum: 0, description: "Unread items." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
  inboxMarkRead: request({
    subject: "svc.notifications.inbox.mark-read",
    description: "Marks one of the caller's items read (404 for another user's item).",
    request: ItemRef,
    reply: Ok,
    idempotent: true,
  }),
  inboxMarkUnread: request({
    subject: "svc.notifications.inbox.mark-unread",
    description: "Marks one of the caller's items unread (404 for another user's item).",
    request: ItemRef,
    reply: Ok,
    idempotent: true,
  }),
  inboxMarkAllRead: request({
    subject: "svc.notifications.inbox.mark-all-read",
    description: "Marks every unread item of the caller read.",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Type.Object({ updated: Type.Integer({ minimum: 0, description: "Items marked read." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
  inboxArchive: request({
    subject: "svc.notifications.inbox.archive",
    description: "Archives one of the caller's items (read as well); it leaves the inbox list (404 for another user's item).",
    request: ItemRef,
    reply: Ok,
    idempotent: true,
  }),
  devicesRegister: request({
    subject: "svc.notifications.devices.register",
    description: "Registers an FCM registration token for the caller's device (a token seen before moves to the caller).",
    request: Type.Object(
      {
        token: Type.String({ minLength: 1, maxLength: 4096, description: "FCM registration token." }),
        platform: Type.Union([Type.Literal("android"), Type.Literal("ios"), Type.Literal("web")], { description: "Device platform." }),
      },
      { additionalProperties: false },
    ),
    reply: Ok,
    idempotent: true,
  }),
  devicesRemove: request({
    subject: "svc.notifications.devices.remove",
    description: "Forgets one of the caller's device tokens (logout on that device).",
    request: Type.Object({ token: Type.String({ minLength: 1, maxLength: 4096, description: "FCM registration token." }) }, { additionalProperties: false }),
    reply: Type.Object({ removed: Type.Boolean({ description: "Whether the caller had that token." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
} as const;
