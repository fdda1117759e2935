/** A fact that only tells one user (payments, waitlist offers): one notice, keyed by the fact, written once. */
import type { Envelope } from "../../../subjects/envelope.ts";
import { once } from "../../kit/consume.ts";
import type { Deps } from "../deps.ts";
import { derivedId } from "../ids.ts";
import type * as store from "../store.ts";
import { eventParams } from "../event-params.ts";
import { recordNotice } from "../notices.ts";
import type { Marker } from "../sending.ts";
import { eventFor, type Notify, recipientFor } from "../attendee-facts.ts";

/** A fact that only tells one user (payments, waitlist offers). */
export async function onUserFact(deps: Deps, marker: Marker, consumer: string, e: Envelope<{ eventId: string; userId: string }>, ctx: { deliveryCount: number }, notify: (ev: store.EventRow) => Notify): Promise<void> {
  const ev = await eventFor(deps, e.data.eventId, ctx.deliveryCount);
  if (!ev) return;
  const n = notify(ev);
  const recipients = await recipientFor(deps, e.data.userId, ctx.deliveryCount);
  if (!recipients.length) return;
  await once(deps.db, consumer, e.id, (trx) => recordNotice(trx, deps, marker, { sourceId: derivedId(e.id, n.kind), kind: n.kind, params: { ...eventParams(ev), ...n.params }, link: n.link }, recipients));
}
