import type { MsgRequest } from "@nats-io/jetstream";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { notifications } from "../../../subjects/notifications.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { deadLetterSubject, streams } from "../../../subjects/streams.ts";
import type { Deps } from "../deps.ts";
// Shown to admins: a reset or verification token inside a dead letter is a usable credential.
import { redactCredentials } from "../../kit/redact.ts";
import { DELIVER } from "../consumers/deliver.ts";
import { PLANNER } from "../consumers/planner.ts";

type DeadLetter = { durable: string; subject: string; error: string; deliveries: number; failedAt: string; message: unknown };

/** The dead letters of this service's consumers, oldest first, read by subject from DEAD_LETTERS (an admin's). */
export async function listDeadLetters(deps: Pick<Deps, "nats">, _admin: Principal, input: RequestOf<typeof notifications.deadLettersList>) {
  const limit = input.limit ?? 20;
  const items: Array<DeadLetter & { seq: number }> = [];
  for (const durable of [PLANNER, DELIVER]) {
    let seq = (input.afterSeq ?? 0) + 1;
    for (let n = 0; n < limit; n++) {
      const m = await deps.nats.jsm.streams.getMessage(streams.DEAD_LETTERS.name, nextBySubject(seq, deadLetterSubject(durable))).catch(() => null);
      if (!m) break;
      items.push({ seq: m.seq, ...(m.json<DeadLetter>()) });
      seq = m.seq + 1;
    }
  }
  items.sort((a, b) => a.seq - b.seq);
  const page = items.slice(0, limit).map((d) => ({
    seq: d.seq,
    durable: d.durable,
    subject: d.subject,
    error: d.error,
    deliveries: d.deliveries,
    failedAt: d.failedAt,
    message: redactCredentials(d.message),
  }));
  return { items: page, lastSeq: page.length ? page[page.length - 1].seq : (input.afterSeq ?? 0) };
}

/** STREAM.MSG.GET with next_by_subj (nats-server >= 2.9); the client's MsgRequest type omits it. */
function nextBySubject(seq: number, subject: string): MsgRequest {
  return { seq, next_by_subj: subject } as MsgRequest;
}
