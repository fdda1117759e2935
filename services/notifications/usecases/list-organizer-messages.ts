/** Messages the event's organizers sent, newest first; only to its organizers (bookings decides who they are). */
import type { Principal } from "../../../subjects/principal.ts";
import type { ReplyOf, RequestOf } from "../../../subjects/contract.ts";
import type { notifications } from "../../../subjects/notifications.ts";
import { decodeCursor, page } from "../../kit/cursor.ts";
import type { Deps } from "../deps.ts";
import * as store from "../store.ts";

type Input = RequestOf<typeof notifications.messagesList>;
type Reply = ReplyOf<typeof notifications.messagesList>;

export async function listOrganizerMessages(deps: Deps, caller: Principal, input: Input): Promise<Reply> {
  const before = decodeCursor(input.cursor);
  // The question whether the caller organizes the event, asked of its owner (403/404 from there).
  await deps.attendeesOf(caller, input.eventId, { type: "all" }, 1);
  const limit = input.limit ?? 20;
  const rows = await store.organizerMessagesOf(deps.db, input.eventId, { before, limit: limit + 1 });
  const p = page(rows, limit, (r) => ({ at: r.sentAt, id: r.id }));
  return { items: p.rows, nextCursor: p.nextCursor };
}
