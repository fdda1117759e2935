/** Administration (platform admins only): accounts, roles, signing keys. */
import { Type } from "@sinclair/typebox";
import { request } from "../contract.ts";
import { PageRequest, Uuid } from "../common.ts";
import { Role } from "../principal.ts";
import { AccountStatus, AdminUser, Page } from "./schemas.ts";

export const admin = {
  usersList: request({
    subject: "svc.identity.users.list",
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
  usersSetRoles: request({
    subject: "svc.identity.users.set-roles",
    description: "Replaces a user's platform roles (emits evt.user.role_changed when they change). An admin cannot remove their own admin role.",
    request: Type.Object({
      userId: Uuid("The user."),
      roles: Type.Array(Role, { minItems: 1, uniqueItems: true, description: "The complete new set of roles." }),
    }, { additionalProperties: false }),
    reply: AdminUser,
    idempotent: true,
  }),
  usersDeactivate: request({
    subject: "svc.identity.users.deactivate",
    description:
      "Deactivates an account: its sessions end, it cannot log in or refresh, it drops out of follower lists. Emits evt.user.deactivated. An admin cannot deactivate themselves.",
    request: Type.Object({ userId: Uuid("The user.") }, { additionalProperties: false }),
    reply: AdminUser,
    idempotent: true,
  }),
  usersReactivate: request({
    subject: "svc.identity.users.reactivate",
    description: "Reactivates a deactivated account. Emits evt.user.reactivated.",
    request: Type.Object({ userId: Uuid("The user.") }, { additionalProperties: false }),
    reply: AdminUser,
    idempotent: true,
  }),
  keysRotate: request({
    subject: "svc.identity.keys.rotate",
    description:
      "Adds a new access-token signing key that signs from now on; older public keys stay in the JWKS until the tokens they signed have expired, so nobody is logged out. Refused when keys come from JWT_PRIVATE_KEYS_FILE (rotate the file instead).",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Type.Object({ kid: Type.String({ description: "Key id of the new signing key." }) }, { additionalProperties: false }),
    idempotent: false,
  }),
} as const;
