/** Operations for platform admins: dead-lettered jobs. */
import { Type } from "@sinclair/typebox";
import { request } from "../contract.ts";

export const admin = {
  deadLettersList: request({
    subject: "svc.notifications.dead-letters.list",
    description: "Admin: dead letters of the notifications consumers (DEAD_LETTERS stream), oldest first, after a stream sequence.",
    request: Type.Object(
      {
        afterSeq: Type.Optional(Type.Integer({ minimum: 0, description: "List dead letters after this DEAD_LETTERS sequence." })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: "Page size." })),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object(
      {
        items: Type.Array(
          Type.Object(
            {
              seq: Type.Integer({ description: "Sequence in DEAD_LETTERS (the replay handle)." }),
              durable: Type.String({ description: "The consumer that gave up." }),
              subject: Type.String({ description: "Original subject." }),
              error: Type.String({ description: "Why it failed." }),
              deliveries: Type.Integer({ description: "Deliveries attempted." }),
              failedAt: Type.String({ description: "When it was dead-lettered." }),
              message: Type.Unknown({ description: "The original message (envelope)." }),
            },
            { additionalProperties: false },
          ),
        ),
        lastSeq: Type.Integer({ description: "Pass as afterSeq for the next page." }),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  deadLettersReplay: request({
    subject: "svc.notifications.dead-letters.replay",
    description:
      "Admin: replays a dead letter through the consumer that dead-lettered it (its handler runs again on the original message; nothing is republished). Once per dead letter: a second replay answers duplicate and does nothing. A message that still breaks its contract is refused (400).",
    request: Type.Object({ seq: Type.Integer({ minimum: 1, description: "DEAD_LETTERS sequence from the list." }) }, { additionalProperties: false }),
    reply: Type.Object({
      subject: Type.String({ description: "The subject the message was first published on." }),
      duplicate: Type.Boolean({ description: "True when it had been replayed already." }),
    }, { additionalProperties: false }),
    idempotent: true,
  }),
} as const;
