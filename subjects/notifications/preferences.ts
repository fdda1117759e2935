/** Preferences (per kind and channel, quiet hours, digest) and one-click unsubscribe. */
import { Type } from "@sinclair/typebox";
import { request } from "../contract.ts";
import { Uuid } from "../common.ts";
import { FollowerKind, Preferences } from "./schemas.ts";

export const preferences = {
  preferencesGet: request({
    subject: "svc.notifications.preferences.get",
    description: "The caller's notification preferences (defaults when never set: every channel on, no quiet hours).",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Preferences,
    idempotent: true,
  }),
  preferencesSet: request({
    subject: "svc.notifications.preferences.set",
    description: "Replaces the caller's notification preferences.",
    request: Preferences,
    reply: Preferences,
    idempotent: true,
  }),
  preferencesUnsubscribe: request({
    subject: "svc.notifications.preferences.unsubscribe",
    description:
      "One-click unsubscribe (RFC 8058) from the signed link of an email: turns that kind of email off for its user (for a digest: every follower email). Needs no principal; the signature is the authority.",
    request: Type.Object({ token: Type.String({ minLength: 1, maxLength: 512, description: "The signed token of the List-Unsubscribe link." }) }, {
      additionalProperties: false,
    }),
    reply: Type.Object(
      {
        userId: Uuid("Whose preference changed."),
        kind: Type.Union([FollowerKind, Type.Literal("digest")], { description: "The kind of email turned off; digest turns off every follower email." }),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  preferencesPreviewUnsubscribe: request({
    subject: "svc.notifications.preferences.preview-unsubscribe",
    description: "Reads what the signed link of an email would unsubscribe from, changing nothing (the page the link opens asks before it acts).",
    request: Type.Object({ token: Type.String({ minLength: 1, maxLength: 512, description: "The signed token of the unsubscribe link." }) }, {
      additionalProperties: false,
    }),
    reply: Type.Object(
      {
        kind: Type.Union([FollowerKind, Type.Literal("digest")], {
          description: "The kind of email the link turns off; digest turns off every follower email.",
        }),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
} as const;
