/**
 * The send API (svc.notifications.notices.send): one notification, written for each known, active user
 * of the list on the channels asked for (each still as the user allows). The notification id is
 * derived from (caller, idempotencyKey), so a retry writes and sends nothing twice and answers
 * the same id; the same key with another text is refused rather than silently ignored.
 */
import type { Principal } from "../../../subjects/principal.ts";
import type { ReplyOf, RequestOf } from "../../../subjects/contract.ts";
import type { notifications } from "../../../subjects/notifications.ts";
import { conflict } from "../../kit/errors.ts";
import type { Deps } from "../deps.ts";
import { derivedId } from "../ids.ts";
import * as store from "../store.ts";
import { recordNotice } from "../notices.ts";
import type { Marker } from "../sending.ts";

type Input = RequestOf<typeof notifications.noticesSend>;
type Reply = ReplyOf<typeof notifications.noticesSend>;

export async function sendNotice(deps: Deps, marker: Marker, caller: Principal | undefined, input: Input): Promise<Reply> {
  const kind = input.kind ?? "announcement";
  const sourceId = derivedId("send", caller?.sub ?? "service", input.idempotencyKey);
  const params = { subject: input.title, message: input.message };
  const link = input.link ?? "/";
  return deps.db.transaction(async (trx) => {
    const known = await store.findMessage(trx, sourceId);
    if (known && (known.kind !== kind || known.params.subject !== params.subject || known.params.message !== params.message || known.link !== link)) {
      throw conflict("idempotencyKey: was used for another notification");
    }
    const recipients = await store.recipientsOf(trx, input.userIds);
    await recordNotice(trx, deps, marker, { sourceId, kind, params, link }, recipients, { channels: input.channels });
    const told = new Set(recipients.map((r) => r.userId));
    return { notificationId: sourceId, recipients: recipients.length, skipped: input.userIds.filter((u) => !told.has(u)) };
  });
}
