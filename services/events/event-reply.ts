/** The event as a reply: its row with its attachments (and, for an editor, its invites). */
import type { Static } from "@sinclair/typebox";
import type { EventView } from "../../subjects/events.ts";
import type { Deps } from "./deps.ts";
import { toView } from "./render.ts";
import { attachmentsOf, type EventRow, invitesOf } from "./store.ts";

/** The reply of every use case that returns the event to its editor or reader. */
export async function viewOf(deps: Deps, row: EventRow, editor: boolean): Promise<Static<typeof EventView>> {
  const [attachments, invites] = await Promise.all([attachmentsOf(deps.db, row.id), editor ? invitesOf(deps.db, row.id) : Promise.resolve(undefined)]);
  return toView(row, { attachments, invites, canEdit: editor });
}
