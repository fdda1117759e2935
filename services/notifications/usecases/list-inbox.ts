/** The caller's inbox, newest first, a page at a time; each item's text rendered in the caller's locale. */
import type { Principal } from "../../../subjects/principal.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { InboxItem, notifications } from "../../../subjects/notifications.ts";
import { decodeKeyCursor, encodeKeyCursor } from "../../kit/cursor.ts";
import type { Deps } from "../deps.ts";
import * as store from "../store.ts";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function listInbox(deps: Pick<Deps, "db" | "templates">, caller: Principal, input: RequestOf<typeof notifications.inboxList>) {
  const userId = caller.sub;
  const limit = input.limit ?? 20;
  const before = decodeKeyCursor(input.cursor, "integer");
  const rows = await store.listInbox(deps.db, userId, { before, limit: limit + 1, unreadOnly: input.unreadOnly ?? false, archived: input.archived ?? false });
  const page = rows.slice(0, limit);
  const locale = (await store.contactOf(deps.db, userId))?.locale ?? "en";
  const items: InboxItem[] = page.map((r) => {
    const t = deps.templates.push(r.kind, locale, r.params, r.link);
    return {
      id: r.id,
      sourceId: r.source_id,
      kind: r.kind,
      title: t.title,
      body: t.body,
      link: r.link,
      createdAt: iso(r.created_at)!,
      readAt: iso(r.read_at),
      archivedAt: iso(r.archived_at),
    };
  });
  const nextCursor = rows.length > limit ? encodeKeyCursor(page[page.length - 1].id) : null;
  return { items, nextCursor };
}
