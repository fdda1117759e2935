/**
 * Where the edge streams an attachment from, for a caller who may see its event. Objects never
 * change (a new upload is a new id), so public events' attachments are cacheable for a year.
 */
import type { Static } from "@sinclair/typebox";
import { notFound } from "../../kit/errors.ts";
import type { events } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { ATTACHMENTS_BUCKET, type Deps } from "../deps.ts";
import { canSee } from "../access.ts";
import { toAttachment } from "../render.ts";
import { attachmentOf, loadEvent } from "../store.ts";

export async function getAttachment(
  deps: Deps,
  principal: Principal | undefined,
  input: { eventId: string; attachmentId: string },
): Promise<Static<typeof events.attachmentsGet.reply>> {
  const event = await loadEvent(deps.db, input.eventId);
  if (!event || !(await canSee(deps, deps.db, event, principal))) throw notFound("attachment");
  const row = await attachmentOf(deps.db, event.id, input.attachmentId);
  if (!row) throw notFound("attachment");
  const open = event.status === "published" && event.visibility !== "private";
  return {
    attachment: toAttachment(row),
    bucket: ATTACHMENTS_BUCKET,
    objectName: `${event.id}/${row.id}`,
    etag: `"${row.sha256}"`,
    cacheControl: open ? "public, max-age=31536000, immutable" : "private, max-age=300",
  };
}
