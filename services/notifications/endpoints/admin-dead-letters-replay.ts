import { endpoint } from "../../kit/serve.ts";
import { badRequest, notFound } from "../../kit/errors.ts";
import { notifications } from "../../../subjects/notifications.ts";
import { streams } from "../../../subjects/streams.ts";
import type { Deps } from "../deps.ts";
import { requireRole } from "../../kit/caller.ts";

/**
 * Republishes the original message of a dead letter. msgID `replay:<seq>` makes a second replay
 * of the same dead letter a duplicate the stream drops (within its window); the consumers are
 * idempotent anyway.
 */
export const deadLettersReplayEndpoint = (deps: Deps) =>
  endpoint(notifications.deadLettersReplay, async (input, ctx) => {
    requireRole(ctx, "admin");
    const m = await deps.nats.jsm.streams.getMessage(streams.DEAD_LETTERS.name, { seq: input.seq }).catch(() => null);
    if (!m) throw notFound("dead letter");
    const d = m.json<{ durable?: string; subject?: string; message?: unknown }>();
    if (!d.durable?.startsWith("notifications-") || !d.subject) throw badRequest("seq: is not a dead letter of the notifications service");
    const ack = await deps.nats.js.publish(d.subject, JSON.stringify(d.message), { msgID: `replay:${input.seq}` });
    return { subject: d.subject, duplicate: ack.duplicate };
  });
