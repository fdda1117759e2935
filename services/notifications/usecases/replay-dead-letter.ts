/**
 * Replays a dead letter through the consumer that dead-lettered it: its handler runs again on
 * the original message, here, and nothing is republished, so notifications needs no permission
 * to publish the events and jobs it consumes (issue 14). Once per dead letter: the replay is
 * marked in processed_messages (consumer `replay:<durable>`, the message's id) after it ran;
 * the handlers are idempotent anyway.
 */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { notifications } from "../../../subjects/notifications.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { streams } from "../../../subjects/streams.ts";
import { badRequest, notFound } from "../../kit/errors.ts";
import { type ConsumerSpec, handleAgain, markProcessed, wasProcessed } from "../../kit/consume.ts";
import type { Deps } from "../deps.ts";

export async function replayDeadLetter(
  deps: Pick<Deps, "db" | "nats" | "log">,
  consumers: () => ConsumerSpec[],
  _admin: Principal,
  input: RequestOf<typeof notifications.deadLettersReplay>,
) {
  const m = await deps.nats.jsm.streams.getMessage(streams.DEAD_LETTERS.name, { seq: input.seq }).catch(() => null);
  if (!m) throw notFound("dead letter");
  const d = m.json<{ durable?: string; subject?: string; streamSeq?: number; message?: { id?: unknown } }>();
  const spec = consumers().find((c) => c.durable === d.durable);
  if (!spec || !d.subject) throw badRequest("seq: is not a dead letter of the notifications service");
  const id = typeof d.message?.id === "string" ? d.message.id : "";
  const marker = `replay:${spec.durable}`;
  if (id && (await wasProcessed(deps.db, marker, id))) return { subject: d.subject, duplicate: true };
  await handleAgain(spec, d.message, { streamSeq: d.streamSeq ?? 0, log: deps.log });
  await markProcessed(deps.db, marker, id);
  return { subject: d.subject, duplicate: false };
}
