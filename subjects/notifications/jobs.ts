/** The jobs of notifications' fan-out (work.notifications.*). */
import { Type } from "@sinclair/typebox";
import { job } from "../contract.ts";
import { Uuid } from "../common.ts";
import { AttendeesAudience, FollowersAudience, NotificationKind, RecipientsAudience, UserAudience } from "./schemas.ts";

export const notificationJobs = {
  deliver: job({
    subject: "work.notifications.deliver",
    description:
      "One batch of a fan-out: write the inbox rows and the email/push deliveries of its recipients once, then send. The envelope id is derived from (source event id, batch number), so a replanned batch is dropped by msgID.",
    data: Type.Object(
      {
        sourceId: Uuid("The domain event being fanned out; with the recipient and channel, the unique key of a notification."),
        batchNo: Type.Integer({ minimum: 0, description: "Batch number within the fan-out." }),
        batches: Type.Integer({ minimum: 1, description: "How many batches the fan-out has." }),
        kind: NotificationKind,
        audience: Type.Union([FollowersAudience, AttendeesAudience, RecipientsAudience, UserAudience], { description: "Who receives this batch." }),
        params: Type.Record(Type.String(), Type.String(), { description: "Template variables (title, startsAt, token, ...)." }),
        link: Type.String({ description: "Deep link (path in the app)." }),
      },
      { additionalProperties: false },
    ),
  }),
} as const;
