import { expect } from "chai";
import { Objm } from "@nats-io/obj";
import { events } from "../../../subjects/events.ts";
import { ATTACHMENTS_BUCKET } from "../deps.ts";
import { jpeg, png } from "./image-bytes.ts";
import { type Harness, later, startEvents, user } from "./support.ts";
import { rejection } from "../../../test/support/eventually.ts";

const b64 = (b: Uint8Array) => Buffer.from(b).toString("base64");

describe("svc.events.attachments", function () {
  this.timeout(20_000);
  let h: Harness;
  // A small cap so the size check is exercised without multi-megabyte NATS messages.
  before(async () => (h = await startEvents({ EVENTS_ATTACHMENT_MAX_BYTES: String(64 * 1024) })));
  after(async () => h.stop());

  const create = (over: Record<string, unknown> = {}) =>
    h.call(events.create, { title: "Poster Session", startsAt: later(3), endsAt: later(3, 2), timeZone: "UTC", publish: true, ...over }, ada);
  const ada = user();

  it("stores an image in the Object Store with its dimensions and serves its location with caching advice", async () => {
    const e = await create();
    const image = png(1200, 630);
    const a = await h.call(events.attachmentsPut, { eventId: e.id, filename: "../../poster.png", contentType: "image/png", dataBase64: b64(image) }, ada);
    expect(a).to.deep.include({ contentType: "image/png", width: 1200, height: 630, size: image.length, filename: ".._.._poster.png" });
    const where = await h.call(events.attachmentsGet, { eventId: e.id, attachmentId: a.id });
    expect(where).to.deep.include({
      bucket: ATTACHMENTS_BUCKET,
      objectName: `${e.id}/${a.id}`,
      etag: `"${a.sha256}"`,
      cacheControl: "public, max-age=31536000, immutable",
    });
    const store = await new Objm(h.nats.nc).open(ATTACHMENTS_BUCKET);
    expect(Buffer.from((await store.getBlob(where.objectName))!)).to.deep.equal(Buffer.from(image));
    expect((await h.call(events.get, { eventId: e.id })).attachments.map((x) => x.id)).to.deep.equal([a.id]);

    await h.call(events.delete, { eventId: e.id }, ada);
    expect(await store.getBlob(where.objectName)).to.equal(null);
  });

  it("refuses content that is not what it claims, files over the size limit, absurd image dimensions and other users", async () => {
    const e = await create();
    const put = (contentType: string, data: Uint8Array, p = ada) =>
      rejection(h.call(events.attachmentsPut, { eventId: e.id, filename: "f", contentType, dataBase64: b64(data) }, p));
    expect((await put("image/png", jpeg(10, 10))).status).to.equal(415);
    expect((await put("application/x-msdownload", Uint8Array.from([0x4d, 0x5a, 0x90, 0]))).status).to.equal(415);
    expect((await put("text/plain", new Uint8Array(65 * 1024).fill(0x61))).status).to.equal(413);
    expect((await put("image/png", png(20_000, 10))).status).to.equal(422);
    expect((await put("image/png", png(10, 10), user())).status).to.equal(403);
    expect((await h.call(events.get, { eventId: e.id })).attachments).to.have.length(0);
  });

  it("keeps a private event's attachments from strangers and removes one on request", async () => {
    const e = await create({ visibility: "private" });
    const a = await h.call(events.attachmentsPut, {
      eventId: e.id,
      filename: "agenda.pdf",
      contentType: "application/pdf",
      dataBase64: b64(Buffer.from("%PDF-1.7\n%…\n")),
    }, ada);
    expect((await rejection(h.call(events.attachmentsGet, { eventId: e.id, attachmentId: a.id }, user()))).status).to.equal(404);
    expect((await h.call(events.attachmentsGet, { eventId: e.id, attachmentId: a.id }, ada)).cacheControl).to.match(/^private/);
    await h.call(events.attachmentsDelete, { eventId: e.id, attachmentId: a.id }, ada);
    expect((await rejection(h.call(events.attachmentsGet, { eventId: e.id, attachmentId: a.id }, ada))).status).to.equal(404);
    const history = await h.call(events.changesList, { eventId: e.id }, ada);
    expect(history.items.map((i) => i.action).slice(0, 2)).to.deep.equal(["attachment_removed", "attachment_added"]);
  });
});
