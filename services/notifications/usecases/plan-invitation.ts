/**
 * An organization invitation is mailed to an address, which may have no account yet. A known
 * address gets it as that user (their name, language and time zone); an unknown one under an id
 * derived from the address (so the delivery's unique key holds), in the inviter's language —
 * the best guess there is for someone we have never met. The token stays sealed in the message
 * row until the email is sent (links.ts).
 */
import type { Envelope } from "../../../subjects/envelope.ts";
import type { DataOf } from "../../../subjects/contract.ts";
import type { identityEvents } from "../../../subjects/identity.ts";
import { once } from "../../kit/consume.ts";
import type { ConsumerDeps } from "../deps.ts";
import { derivedId } from "../ids.ts";
import * as store from "../store.ts";
import { type DeliverJob, publishJobs } from "../jobs.ts";
import { sealedOf } from "../links.ts";

type Invitation = DataOf<typeof identityEvents.orgInvitationCreated>;

export async function planInvitation(deps: Pick<ConsumerDeps, "db" | "nats" | "linkSeal" | "now" | "durable">, e: Envelope<Invitation>): Promise<void> {
  const i = e.data;
  const sourceId = derivedId(e.id, "org_invitation");
  const link = "/invitations/accept";
  // Who receives it is decided once: a redelivery after the stranger signed up still mails the
  // same (source, recipient) key, so the unique key keeps it to one email.
  await once(deps.db, deps.durable, e.id, async (trx) => {
    const invitee = await store.contactByEmail(trx, i.email);
    const inviter = invitee ? undefined : await store.contactOf(trx, i.invitedBy);
    const params = {
      orgName: i.orgName,
      inviterName: i.inviterName,
      role: i.role,
      expiresAt: i.expiresAt,
      recipientId: invitee?.userId ?? derivedId("invitee", i.email.toLowerCase()),
      recipientName: invitee?.displayName ?? "",
      // A stranger has no row in users: their language travels with the message.
      recipientLocale: invitee?.locale ?? inviter?.locale ?? "en",
      recipientTimeZone: invitee?.timeZone ?? inviter?.timeZone ?? "UTC",
    };
    await store.saveMessage(trx, { sourceId, kind: "org_invitation", params, link, batches: 1, sealed: sealedOf(deps.linkSeal, i.sealedToken, deps.now()) });
  });
  const { params } = await store.messageOf(deps.db, sourceId);
  const job: DeliverJob = {
    sourceId,
    batchNo: 0,
    batches: 1,
    kind: "org_invitation",
    audience: {
      type: "user",
      userId: params.recipientId,
      email: i.email,
      displayName: params.recipientName,
      locale: params.recipientLocale,
      timeZone: params.recipientTimeZone,
    },
    params,
    link,
  };
  // Published on every delivery of the fact (the stream drops copies by msgID).
  await publishJobs(deps.nats.js, [job]);
}
