/** The change history of an event, newest first, for its editors (and platform admins). */
import { decodeKeyCursor, encodeKeyCursor } from "../../kit/cursor.ts";
import type { Static } from "@sinclair/typebox";
import { forbidden, notFound } from "../../kit/errors.ts";
import type { events } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { hasRole } from "../../kit/caller.ts";
import { canEdit, canSee } from "../access.ts";
import { historyPage, type HistoryRow, loadEvent } from "../store.ts";

type Reply = Static<typeof events.changesList.reply>;

export async function readHistory(deps: Deps, principal: Principal, input: { eventId: string; cursor?: string; limit?: number }): Promise<Reply> {
  const row = await loadEvent(deps.db, input.eventId);
  if (!row) throw notFound("event");
  // Deleted events keep their history for the people who could edit them.
  if (!hasRole(principal, "admin") && !(await canEdit(deps, row, principal))) {
    if (!row.deleted_at && (await canSee(deps, deps.db, row, principal))) throw forbidden("only the event's editors may read its history");
    throw notFound("event");
  }
  const limit = input.limit ?? 20;
  const before = decodeKeyCursor(input.cursor, "integer");
  const rows = (await historyPage(deps.db, row.id, before, limit)) as Array<HistoryRow & { changes: Reply["items"][number]["changes"] }>;
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: String(r.id),
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      action: r.action as Reply["items"][number]["action"],
      changes: r.changes,
      note: r.note,
    })),
    nextCursor: rows.length > limit ? encodeKeyCursor(page[page.length - 1].id) : null,
  };
}
