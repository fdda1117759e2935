/**
 * Stores an image or file of an event in the NATS Object Store (bucket event-attachments, object
 * <eventId>/<attachmentId>) and its metadata in Postgres. The object goes first; if the row's
 * transaction then fails, the object is deleted again, so no row ever points at nothing.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Static } from "@sinclair/typebox";
import { AppError, badRequest } from "../../kit/errors.ts";
import { enqueue } from "../../kit/outbox.ts";
import { type Attachment, eventEvents } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { type Deps, SOURCE } from "../deps.ts";
import { editable } from "../access.ts";
import { ALLOWED_TYPES, MAX_DIMENSION, sniff } from "../images.ts";
import { factsOf } from "../facts.ts";
import { toAttachment } from "../render.ts";
import { attachmentCount, type AttachmentRow, insertAttachment, loadEvent, record, updateEventRow } from "../store.ts";

const MAX_ATTACHMENTS_PER_EVENT = 20;

export async function putAttachment(
  deps: Deps,
  principal: Principal,
  input: { eventId: string; filename: string; contentType: string; dataBase64: string },
): Promise<Static<typeof Attachment>> {
  await editable(deps, deps.db, await loadEvent(deps.db, input.eventId), principal);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.dataBase64) || input.dataBase64.length % 4 === 1) throw badRequest("dataBase64: is not base64");
  const data = Buffer.from(input.dataBase64, "base64");
  if (data.length === 0) throw badRequest("dataBase64: is empty");
  if (data.length > deps.config.attachmentMaxBytes) throw new AppError("payload_too_large", `attachments are at most ${deps.config.attachmentMaxBytes} bytes`);
  const declared = input.contentType.toLowerCase().split(";")[0].trim();
  if (!(ALLOWED_TYPES as readonly string[]).includes(declared)) {
    throw new AppError("unsupported_media_type", `contentType: must be one of ${ALLOWED_TYPES.join(", ")}`, { status: 415 });
  }
  const sniffed = sniff(data);
  if (!sniffed || sniffed.contentType !== declared) {
    throw new AppError("unsupported_media_type", `contentType: the content is not ${declared}`, { status: 415 });
  }
  if (sniffed.width !== null && sniffed.height !== null) {
    if (sniffed.width < 1 || sniffed.height < 1 || sniffed.width > MAX_DIMENSION || sniffed.height > MAX_DIMENSION) {
      throw new AppError("unprocessable", `image dimensions must be 1..${MAX_DIMENSION} px (got ${sniffed.width}×${sniffed.height})`);
    }
  }
  if ((await attachmentCount(deps.db, input.eventId)) >= MAX_ATTACHMENTS_PER_EVENT) {
    throw new AppError("conflict", `an event has at most ${MAX_ATTACHMENTS_PER_EVENT} attachments`);
  }

  const id = randomUUID();
  const name = `${input.eventId}/${id}`;
  const sha256 = createHash("sha256").update(data).digest("hex");
  // deno-lint-ignore no-control-regex -- control characters are stripped from names on purpose
  const filename = input.filename.replace(/[\\/\x00-\x1f\x7f"]/g, "_").trim().slice(0, 200) || "file";
  await deps.objects.putBlob({ name, description: filename, metadata: { contentType: declared, sha256 } }, data);
  let row: AttachmentRow | undefined;
  try {
    await deps.db.transaction(async (trx) => {
      const event = await loadEvent(trx, input.eventId, { forUpdate: true });
      if (!event || event.deleted_at) throw new AppError("not_found", "event not found");
      row = await insertAttachment(trx, {
        id,
        event_id: event.id,
        filename,
        content_type: declared,
        size: data.length,
        width: sniffed.width,
        height: sniffed.height,
        sha256,
        created_by: principal.sub,
        created_at: deps.now(),
      });
      await record(trx, {
        eventId: event.id,
        actorId: principal.sub,
        action: "attachment_added",
        changes: [{ field: "attachments", old: null, new: { id, filename, contentType: declared, size: data.length } }],
      });
      if (event.published_at !== null) await updateEventRow(trx, event.id, { sequence: event.sequence + 1, updated_at: deps.now() });
      if (event.status === "published") {
        await enqueue(trx, eventEvents.updated, { ...factsOf({ ...event, sequence: event.sequence + 1 }), changed: ["attachments"] }, { source: SOURCE });
      }
    });
  } catch (err) {
    await deps.objects.delete(name).catch(() => undefined);
    throw err;
  }
  return toAttachment(row!);
}
