/**
 * Identity's transactional messages (verify email, welcome, password reset) take the same
 * pipeline as fan-outs, as one-recipient jobs: email only, whatever the preferences and quiet
 * hours say. The contact details in the fact also update the projection. A link's single-use
 * token stays sealed in the message row (never in the job, the link or the inbox) until its email
 * is sent (links.ts).
 */
import type { Envelope } from "../../../subjects/envelope.ts";
import type { DataOf } from "../../../subjects/contract.ts";
import type { identityEvents } from "../../../subjects/identity.ts";
import type { NotificationKind } from "../../../subjects/notifications.ts";
import { once } from "../../kit/consume.ts";
import type { ConsumerDeps } from "../deps.ts";
import { derivedId } from "../ids.ts";
import * as store from "../store.ts";
import { type DeliverJob, publishJobs } from "../jobs.ts";
import { sealedOf } from "../links.ts";

type Contact = DataOf<typeof identityEvents.profileUpdated>;
/**
 * `to`: another address than the contact's (the new address of an email change, not yet the
 * account's). `sealedToken`: the link's single-use token as identity sealed it.
 */
type Message = { kind: NotificationKind; params: Record<string, string>; link: string; to?: string; sealedToken?: string };

/** `emails`: what the fact sends the contact (the consumer reads them off the identity fact). */
export async function planTransactional(
  deps: Pick<ConsumerDeps, "db" | "nats" | "linkSeal" | "now" | "durable">,
  e: Envelope<Contact> & { emails: Message[] },
): Promise<void> {
  const c = e.data;
  const messages = e.emails;
  // One notification id per (fact, kind): a registration sends both a verification and a welcome.
  const withIds = messages.map((m) => ({ ...m, sourceId: derivedId(e.id, m.kind) }));
  await once(deps.db, deps.durable, e.id, async (trx) => {
    await store.upsertContact(trx, c, e.occurredAt);
    for (const m of withIds) {
      await store.saveMessage(trx, {
        sourceId: m.sourceId,
        kind: m.kind,
        params: m.params,
        link: m.link,
        batches: 1,
        sealed: sealedOf(deps.linkSeal, m.sealedToken, deps.now()),
      });
    }
  });
  // Published on every delivery of the fact (the stream drops copies by msgID).
  const jobs: DeliverJob[] = withIds.map(({ sealedToken: _sealed, ...m }) => ({
    sourceId: m.sourceId,
    batchNo: 0,
    batches: 1,
    kind: m.kind,
    audience: { type: "user", userId: c.userId, email: m.to ?? c.email, displayName: c.displayName, locale: c.locale, timeZone: c.timeZone },
    params: m.params,
    link: m.link,
  }));
  await publishJobs(deps.nats.js, jobs);
}
