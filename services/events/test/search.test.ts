import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { events } from "../../../subjects/events.ts";
import { type Harness, later, startEvents, user } from "./support.ts";
import { rejection } from "../../../test/support/eventually.ts";

/** A word no other spec uses (letters only, so it is one search term). */
const word = () => `zq${randomUUID().replace(/[^a-f]/g, "").slice(0, 8)}x`;

const event = (over: Record<string, unknown> = {}) => ({
  title: "Untitled Gathering",
  startsAt: later(5),
  endsAt: later(5, 2),
  timeZone: "Europe/Berlin",
  publish: true,
  ...over,
});

describe("svc.events.events.search and svc.events.events.feed", function () {
  this.timeout(20_000);
  let h: Harness;
  before(async () => (h = await startEvents()));
  after(async () => h.stop());

  it('finds "konferense" for "Conference" (typo tolerance from pg_trgm)', async () => {
    const w = word();
    const e = await h.call(events.create, event({ title: `International Conference on Streaming ${w}` }), user());
    const { items } = await h.call(events.search, { q: `konferense ${w}` });
    expect(items.map((i) => i.id)).to.deep.equal([e.id]);
    expect((await h.call(events.search, { q: `streeming ${w}` })).items.map((i) => i.id)).to.deep.equal([e.id]);
    expect((await h.call(events.search, { q: `banquet ${w}` })).items).to.have.length(0);
  });

  it("ranks a title match above a tag match above a description match", async () => {
    const w = word();
    const ada = user();
    const inDescription = await h.call(events.create, event({ title: "Evening Session", description: `We will talk about ${w} at length.` }), ada);
    const inTags = await h.call(events.create, event({ title: "Morning Session", tags: [w] }), ada);
    const inTitle = await h.call(events.create, event({ title: `All about ${w}` }), ada);
    const { items } = await h.call(events.search, { q: w, sort: "relevance" });
    expect(items.map((i) => i.id)).to.deep.equal([inTitle.id, inTags.id, inDescription.id]);
  });

  it("filters by category, tags, date range, organizer, organization and distance from a point", async () => {
    const tag = word();
    const org = randomUUID();
    const ada = user();
    const bob = user();
    h.orgRoles.set(`${org}:${bob.sub}`, "admin");
    const admin = user(["admin"]);
    const slug = `c-${randomUUID().slice(0, 6)}`;
    await h.call(events.categoriesPut, { slug, name: "Filter test" }, admin);
    const berlin = await h.call(
      events.create,
      event({ title: "Berlin", tags: [tag], category: slug, venue: { name: "A", address: "Berlin", lat: 52.52, lng: 13.405 } }),
      ada,
    );
    const potsdam = await h.call(
      events.create,
      event({ title: "Potsdam", tags: [tag], startsAt: later(20), endsAt: later(20, 2), venue: { name: "B", address: "Potsdam", lat: 52.3906, lng: 13.0645 } }),
      ada,
    );
    const munich = await h.call(
      events.create,
      event({ title: "Munich", tags: [tag], organizationId: org, venue: { name: "C", address: "Munich", lat: 48.1351, lng: 11.582 } }),
      bob,
    );
    const online = await h.call(events.create, event({ title: "Online", tags: [tag, "remote"], onlineUrl: "https://meet.example.org/x" }), bob);
    const ids = async (input: Record<string, unknown>) => (await h.call(events.search, { tags: [tag], limit: 100, ...input })).items.map((i) => i.id).sort();

    expect(await ids({})).to.deep.equal([berlin.id, potsdam.id, munich.id, online.id].sort());
    expect(await ids({ category: slug })).to.deep.equal([berlin.id]);
    expect(await ids({ tags: [tag, "Remote"] })).to.deep.equal([online.id]);
    expect(await ids({ from: later(15), to: later(25) })).to.deep.equal([potsdam.id]);
    expect(await ids({ organizerId: ada.sub })).to.deep.equal([berlin.id, potsdam.id].sort());
    expect(await ids({ organizationId: org })).to.deep.equal([munich.id]);
    const near = await h.call(events.search, { tags: [tag], near: { lat: 52.52, lng: 13.405, radiusKm: 40 }, sort: "start" });
    expect(near.items.map((i) => i.id)).to.deep.equal([berlin.id, potsdam.id]);
    expect(near.items[0].distanceKm).to.be.below(0.01);
    expect(near.items[1].distanceKm).to.be.within(25, 30); // Berlin–Potsdam ≈ 27 km
    expect(await ids({ near: { lat: 52.52, lng: 13.405, radiusKm: 600 } })).to.deep.equal([berlin.id, potsdam.id, munich.id].sort());
  });

  it("pages by cursor in start order without repeating or skipping, and refuses a forged cursor", async () => {
    const tag = word();
    const ada = user();
    const created = [];
    for (let i = 0; i < 5; i++) {
      created.push(
        await h.call(events.create, event({ title: `Session ${i}`, tags: [tag], startsAt: later(3 + (i % 3)), endsAt: later(3 + (i % 3), 1) }), ada),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await h.call(events.search, { tags: [tag], sort: "start", limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const expected = [...created].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id)).map((e) => e.id);
    expect(seen).to.deep.equal(expected);
    expect((await rejection(h.call(events.search, { tags: [tag], cursor: "bm9wZQ" }))).status).to.equal(400);
  });

  it("orders by popularity (views) and lists recent, upcoming and popular feeds", async () => {
    const tag = word();
    const ada = user();
    const quiet = await h.call(events.create, event({ title: "Quiet", tags: [tag], startsAt: later(2), endsAt: later(2, 1) }), ada);
    const busy = await h.call(events.create, event({ title: "Busy", tags: [tag], startsAt: later(4), endsAt: later(4, 1) }), ada);
    for (let i = 0; i < 3; i++) await h.call(events.get, { eventId: busy.id, countView: true }, user());
    expect((await h.call(events.get, { eventId: busy.id })).views).to.equal(3);
    const popular = await h.call(events.search, { tags: [tag], sort: "popularity" });
    expect(popular.items.map((i) => i.id)).to.deep.equal([busy.id, quiet.id]);
    const pos = (items: Array<{ id: string }>, id: string) => items.findIndex((i) => i.id === id);
    const popularFeed = (await h.call(events.feed, { kind: "popular", limit: 100 })).items;
    expect(pos(popularFeed, busy.id)).to.be.below(pos(popularFeed, quiet.id));
    const recent = (await h.call(events.feed, { kind: "recent", limit: 100 })).items;
    expect(pos(recent, busy.id)).to.be.below(pos(recent, quiet.id)).and.at.least(0);
    const upcoming = (await h.call(events.feed, { kind: "upcoming", limit: 100 })).items;
    expect(pos(upcoming, quiet.id)).to.be.below(pos(upcoming, busy.id)).and.at.least(0);
    expect((await rejection(h.call(events.feed, { kind: "following" }))).status).to.equal(401);
  });

  it("counts views reported in batches like that many single views, and none of a draft (svc.events.views.record)", async () => {
    const tag = word();
    const ada = user();
    const single = await h.call(events.create, event({ title: "Single", tags: [tag] }), ada);
    const batched = await h.call(events.create, event({ title: "Batched", tags: [tag] }), ada);
    const draft = await h.call(events.create, event({ title: "Draft", tags: [tag], publish: false }), ada);
    for (let i = 0; i < 2; i++) await h.call(events.get, { eventId: single.id, countView: true }, user());
    expect(await h.call(events.recordViews, { views: [{ eventId: batched.id, count: 3 }, { eventId: draft.id, count: 5 }] })).to.deep.equal({ recorded: 1 });
    expect((await h.call(events.get, { eventId: batched.id })).views).to.equal(3);
    expect((await h.call(events.get, { eventId: draft.id }, ada)).views).to.equal(0);
    const popular = await h.call(events.search, { tags: [tag], sort: "popularity" });
    expect(popular.items.map((i) => i.id)).to.deep.equal([batched.id, single.id]);
    // One more single view each way: 3 at once weighs what 3 one by one weigh.
    await h.call(events.get, { eventId: single.id, countView: true }, user());
    const rows = await h.running.dbs.get("events")!("events").whereIn("id", [single.id, batched.id]).select("id", "hot");
    const hot = Object.fromEntries(rows.map((r: { id: string; hot: number }) => [r.id, Number(r.hot)]));
    expect(hot[single.id]).to.be.closeTo(hot[batched.id], 1e-6);
  });

  it("leaves drafts, unlisted and cancelled events out of search for everyone but lets unlisted ones be read by link", async () => {
    const w = word();
    const ada = user();
    const draft = await h.call(events.create, event({ title: `Draft ${w}`, publish: false }), ada);
    const unlisted = await h.call(events.create, event({ title: `Unlisted ${w}`, visibility: "unlisted" }), ada);
    const cancelled = await h.call(events.create, event({ title: `Cancelled ${w}` }), ada);
    await h.call(events.cancel, { eventId: cancelled.id }, ada);
    const listed = await h.call(events.create, event({ title: `Listed ${w}` }), ada);
    expect((await h.call(events.search, { q: w }, ada)).items.map((i) => i.id)).to.deep.equal([listed.id]);
    expect((await h.call(events.get, { eventId: unlisted.id })).id).to.equal(unlisted.id);
    expect((await rejection(h.call(events.get, { eventId: draft.id }))).status).to.equal(404);
  });
});
