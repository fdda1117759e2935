/** The event an organizer page works on: signed in, a well-formed id, and the caller may edit it. */
import { errorPage, requireSession, type WebContext } from "../app.ts";
import type { EventView } from "./shared.ts";

export const UUID = /^[0-9a-f-]{36}$/i;

/** The event of `:id` when the caller may edit it; otherwise the error page is sent and nothing returned. */
export async function editableEvent(c: WebContext): Promise<EventView | undefined> {
  if (!requireSession(c)) return undefined;
  if (!UUID.test(c.params.id)) return void errorPage(c, 404, c.state.t("common.notFound"));
  const r = await c.state.api.get<EventView>(`/v1/events/${c.params.id}`);
  if (!r.ok) return void errorPage(c, r.status, r.problem.detail);
  if (!r.data.canEdit) return void errorPage(c, 403, c.state.t("common.forbidden"));
  return r.data;
}
