import { decodeKeyCursor, encodeKeyCursor } from "../../kit/cursor.ts";
import { endpoint } from "../../kit/serve.ts";
import { notifications, type InboxItem } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import * as store from "../store.ts";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const inboxListEndpoint = (deps: Deps) =>
  endpoint(notifications.inboxList, async (input, ctx) => {
    const userId = requireCaller(ctx).sub;
    const limit = input.limit ?? 20;
    const before = decodeKeyCursor(input.cursor, "integer");
    const rows = await store.listInbox(deps.db, userId, { before, limit: limit + 1, unreadOnly: input.unreadOnly ?? false, archived: input.archived ?? false });
    const page = rows.slice(0, limit);
    const locale = (await deps.db("users").where({ user_id: userId }).first("locale"))?.locale ?? "en";
    const items: InboxItem[] = page.map((r) => {
      const t = deps.templates.push(r.kind, locale, r.params, r.link);
      return { id: r.id, sourceId: r.source_id, kind: r.kind, title: t.title, body: t.body, link: r.link, createdAt: iso(r.created_at)!, readAt: iso(r.read_at), archivedAt: iso(r.archived_at) };
    });
    const nextCursor = rows.length > limit ? encodeKeyCursor(page[page.length - 1].id) : null;
    return { items, nextCursor };
  });
