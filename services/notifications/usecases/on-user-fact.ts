/** A fact that only tells one user (payments, waitlist offers): one notice, keyed by the fact, written once. */
import { once } from "../../kit/consume.ts";
import type { ConsumerDeps, Delivered } from "../deps.ts";
import { derivedId } from "../ids.ts";
import type * as store from "../store.ts";
import { eventParams } from "../event-params.ts";
import { recordNotice } from "../notices.ts";
import { eventFor, type Notify, recipientFor } from "../attendee-facts.ts";

/** A fact that only tells one user (payments, waitlist offers). */
export async function onUserFact(
  deps: ConsumerDeps,
  e: Delivered<{ eventId: string; userId: string }> & { notify: (ev: store.EventRow) => Notify },
): Promise<void> {
  const ev = await eventFor(deps, e.data.eventId, e.deliveryCount);
  if (!ev) return;
  const n = e.notify(ev);
  const recipients = await recipientFor(deps, e.data.userId, e.deliveryCount);
  if (!recipients.length) return;
  await once(
    deps.db,
    deps.durable,
    e.id,
    (trx) =>
      recordNotice(
        trx,
        deps,
        deps.marker,
        { sourceId: derivedId(e.id, n.kind), kind: n.kind, params: { ...eventParams(ev), ...n.params }, link: n.link },
        recipients,
      ),
  );
}
