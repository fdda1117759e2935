/**
 * Attachment downloads: the events service says whether the caller may see the file and where it
 * lies in the NATS Object Store; the edge streams it from there, so files never pass through a
 * request-reply message (they may exceed max_payload) and never sit in the edge's memory whole.
 */
import { Readable } from "node:stream";
import type Koa from "koa";
import type { NatsConnection } from "@nats-io/nats-core";
import { type ObjectStore, Objm } from "@nats-io/obj";
import { call } from "../kit/call.ts";
import { AppError } from "../kit/errors.ts";
import { check } from "../kit/validate.ts";
import { events } from "../../subjects/events.ts";
import type { Principal } from "../../subjects/principal.ts";
import type { ExtraOperation } from "./openapi.ts";

export const ATTACHMENT_PATH = "/v1/events/{id}/attachments/{attachmentId}";

/** Opens buckets once per process. */
export function objectStores(nc: NatsConnection): (bucket: string) => Promise<ObjectStore> {
  const open = new Map<string, Promise<ObjectStore>>();
  const objm = new Objm(nc);
  return (bucket) => {
    let store = open.get(bucket);
    if (!store) {
      store = objm.open(bucket);
      store.catch(() => open.delete(bucket));
      open.set(bucket, store);
    }
    return store;
  };
}

export async function sendAttachment(
  ctx: Koa.Context & { params: Record<string, string> },
  deps: {
    nc: NatsConnection;
    objects: (bucket: string) => Promise<ObjectStore>;
    timeoutMs: number;
    principal?: Principal;
    matches: (ifNoneMatch: string, etag: string) => boolean;
  },
): Promise<void> {
  const input = check(events.attachmentsGet.request, { eventId: ctx.params.id, attachmentId: ctx.params.attachmentId });
  const found = await call(deps.nc, events.attachmentsGet, input, { principal: deps.principal, timeoutMs: deps.timeoutMs });
  ctx.set("ETag", found.etag);
  ctx.set("Cache-Control", found.cacheControl);
  if (deps.matches(ctx.get("If-None-Match"), found.etag)) {
    ctx.status = 304;
    return;
  }
  const result = await (await deps.objects(found.bucket)).get(found.objectName);
  if (!result) throw new AppError("not_found", "the attachment's content is gone");
  ctx.status = 200;
  ctx.type = found.attachment.contentType;
  ctx.length = found.attachment.size;
  ctx.set("Content-Disposition", `inline; filename="${found.attachment.filename.replace(/[^\w.-]/g, "_")}"`);
  ctx.body = Readable.fromWeb(result.data as Parameters<typeof Readable.fromWeb>[0]);
}

export const attachmentOperation: ExtraOperation = {
  method: "GET",
  path: ATTACHMENT_PATH,
  operation: {
    operationId: "eventsAttachmentsDownload",
    tags: ["events"],
    summary: "Download an attachment (same visibility as its event)",
    description:
      `${events.attachmentsGet.description} The edge streams the content from the Object Store with its content type, a strong ETag and caching advice.\n\nSubject: \`${events.attachmentsGet.subject}\`.`,
    security: [],
    parameters: [
      { name: "id", in: "path", required: true, description: "The event.", schema: { type: "string", format: "uuid" } },
      { name: "attachmentId", in: "path", required: true, description: "The attachment.", schema: { type: "string", format: "uuid" } },
      { $ref: "#/components/parameters/IfNoneMatch" },
    ],
    responses: {
      "200": {
        description: "The file.",
        headers: { ETag: { $ref: "#/components/headers/ETag" } },
        content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
      },
      "304": { description: "Not modified (If-None-Match matched the ETag)." },
      "404": { $ref: "#/components/responses/NotFound" },
      "429": { $ref: "#/components/responses/RateLimited" },
      default: { $ref: "#/components/responses/Problem" },
    },
  },
};
