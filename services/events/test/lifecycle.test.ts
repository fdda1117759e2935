import { expect } from "chai";
import { randomUUID } from "node:crypto";
import ICAL from "ical.js";
import type { Msg, Subscription } from "@nats-io/nats-core";
import { events } from "../../../subjects/events.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import type { Envelope } from "../../../subjects/envelope.ts";
import { type Harness, later, startEvents, user } from "./support.ts";
import { eventually, rejection } from "../../../test/support/eventually.ts";

const base = (over: Record<string, unknown> = {}) => ({
  title: "Design Systems Meetup",
  description: "An evening of **component libraries**.\n\n<script>alert(1)</script>",
  startsAt: later(10),
  endsAt: later(10, 3),
  timeZone: "Europe/Berlin",
  venue: { name: "Kulturbrauerei", address: "Schönhauser Allee 36, Berlin", lat: 52.5389, lng: 13.4125 },
  tags: ["Design", " #UX "],
  capacity: 100,
  ...over,
});

describe("svc.events: lifecycle, authorization, history and calendars", function () {
  this.timeout(20_000);
  let h: Harness;
  let sub: Subscription;
  const seen: Envelope[] = [];

  before(async () => {
    h = await startEvents();
    sub = h.nats.nc.subscribe("evt.event.>", { callback: (_e: Error | null, m: Msg) => void seen.push(m.json<Envelope>()) });
  });
  after(async () => {
    sub.unsubscribe();
    await h.stop();
  });

  const emitted = (type: string, eventId: string) =>
    eventually(`${type} of ${eventId}`, async () => {
      const l = seen.filter((e) => e.type === type && (e.data as { eventId: string }).eventId === eventId);
      return l.length > 0 && l;
    });

  it("keeps a draft to its author, then publishes it with evt.event.published carrying what notifications need", async () => {
    const ada = user();
    const stranger = user();
    const draft = await h.call(events.create, base(), ada);
    expect(draft.status).to.equal("draft");
    expect(draft.tags).to.deep.equal(["design", "ux"]);
    expect(draft.descriptionHtml).to.contain("<strong>component libraries</strong>");
    expect(draft.descriptionHtml).to.not.contain("<script");
    expect(draft.googleCalendarUrl).to.match(
      /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&text=Design\+Systems\+Meetup&dates=\d{8}T\d{6}Z%2F\d{8}T\d{6}Z/,
    );
    expect((await rejection(h.call(events.get, { eventId: draft.id }, stranger))).status).to.equal(404);
    expect((await rejection(h.call(events.get, { eventId: draft.id }))).status).to.equal(404);

    const published = await h.call(events.publish, { eventId: draft.id }, ada);
    expect(published.status).to.equal("published");
    const [msg] = await emitted("evt.event.published", draft.id);
    expect(msg.source).to.equal("events");
    expect(msg.data).to.deep.include({
      eventId: draft.id,
      organizerId: ada.sub,
      organizationId: null,
      visibility: "public",
      title: "Design Systems Meetup",
      timeZone: "Europe/Berlin",
      sequence: 0,
    });
    expect((msg.data as { venue: { name: string } }).venue.name).to.equal("Kulturbrauerei");
    expect((await h.call(events.get, { eventId: draft.id }, stranger)).title).to.equal("Design Systems Meetup");
  });

  it("refuses another user's update and delete with 403, and an unknown event with 404", async () => {
    const ada = user();
    const mallory = user();
    const e = await h.call(events.create, base({ publish: true }), ada);
    const upd = await rejection(h.call(events.update, { eventId: e.id, title: "Pwned" }, mallory));
    expect(upd.status).to.equal(403);
    expect((await rejection(h.call(events.delete, { eventId: e.id }, mallory))).status).to.equal(403);
    expect((await rejection(h.call(events.cancel, { eventId: e.id }, mallory))).status).to.equal(403);
    expect((await rejection(h.call(events.update, { eventId: randomUUID(), title: "x" }, ada))).status).to.equal(404);
    expect((await rejection(h.call(events.update, { eventId: e.id, title: "x" }))).status).to.equal(401);
    expect((await h.call(events.get, { eventId: e.id })).title).to.equal("Design Systems Meetup");
  });

  it("lets an admin of the owning organization edit (asking identity), but not a plain member", async () => {
    const org = randomUUID();
    const owner = user();
    const admin = user();
    const member = user();
    h.orgRoles.set(`${org}:${owner.sub}`, "owner");
    h.orgRoles.set(`${org}:${admin.sub}`, "admin");
    h.orgRoles.set(`${org}:${member.sub}`, "member");
    expect((await rejection(h.call(events.create, base({ organizationId: org }), member))).status).to.equal(403);
    const e = await h.call(events.create, base({ organizationId: org, publish: true }), owner);
    const edited = await h.call(events.update, { eventId: e.id, capacity: 150 }, admin);
    expect(edited.capacity).to.equal(150);
    expect(edited.canEdit).to.equal(true);
    expect((await rejection(h.call(events.update, { eventId: e.id, capacity: 10 }, member))).status).to.equal(403);
  });

  it("records every change with who, old and new values; editors read it after cancellation and deletion, others may not", async () => {
    const ada = user();
    const other = user();
    const e = await h.call(events.create, base({ publish: true }), ada);
    const newStart = later(11);
    await h.call(events.update, { eventId: e.id, title: "Design Systems Night", startsAt: newStart, endsAt: later(11, 2), tags: ["design"] }, ada);
    await h.call(events.cancel, { eventId: e.id, reason: "Speaker ill" }, ada);
    await h.call(events.delete, { eventId: e.id }, ada);

    const { items } = await h.call(events.changesList, { eventId: e.id }, ada);
    expect(items.map((i) => i.action)).to.deep.equal(["deleted", "cancelled", "updated", "created"]);
    const update = items[2];
    expect(update.actorId).to.equal(ada.sub);
    expect(update.changes).to.deep.include({ field: "title", old: "Design Systems Meetup", new: "Design Systems Night" });
    expect(update.changes).to.deep.include({ field: "startsAt", old: e.startsAt, new: new Date(newStart).toISOString() });
    expect(update.changes).to.deep.include({ field: "tags", old: ["design", "ux"], new: ["design"] });
    expect(update.changes.map((c) => c.field)).to.not.include("capacity");
    expect(items[1].note).to.equal("Speaker ill");
    expect((await rejection(h.call(events.changesList, { eventId: e.id }, other))).status).to.equal(404);
    expect((await rejection(h.call(events.get, { eventId: e.id }, ada))).status).to.equal(404);
    // A repeated delete answers like a read (404), and a stranger gets the same, not a success.
    expect((await rejection(h.call(events.delete, { eventId: e.id }, ada))).status).to.equal(404);
    expect((await rejection(h.call(events.delete, { eventId: e.id }, other))).status).to.equal(404);
    const page1 = await h.call(events.changesList, { eventId: e.id, limit: 3 }, ada);
    const page2 = await h.call(events.changesList, { eventId: e.id, limit: 3, cursor: page1.nextCursor! }, ada);
    expect([...page1.items, ...page2.items].map((i) => i.id)).to.deep.equal(items.map((i) => i.id));
    expect(page2.nextCursor).to.equal(null);

    const [updated] = await emitted("evt.event.updated", e.id);
    expect((updated.data as { changed: string[] }).changed).to.have.members(["title", "startsAt", "endsAt", "tags"]);
    expect((updated.data as { sequence: number }).sequence).to.equal(1);
    await emitted("evt.event.cancelled", e.id);
    const [deleted] = await emitted("evt.event.deleted", e.id);
    expect((deleted.data as { deletedBy: string }).deletedBy).to.equal(ada.sub);
  });

  it("emits an .ics that ical.js parses, with SEQUENCE raised by an update and STATUS:CANCELLED after cancelling", async () => {
    const ada = user();
    const e = await h.call(events.create, base({ publish: true, title: "Café; Talks, and more" }), ada);
    const parse = (ics: string) => {
      const cal = new ICAL.Component(ICAL.parse(ics));
      // As a calendar client does: the file's own VTIMEZONE defines its TZID.
      for (const vtz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
      return cal.getFirstSubcomponent("vevent")!;
    };
    const first = parse((await h.call(events.ics, { eventId: e.id })).ics);
    expect(first.getFirstPropertyValue("sequence")).to.equal(0);
    expect(first.getFirstPropertyValue("summary")).to.equal("Café; Talks, and more");
    expect(first.getFirstPropertyValue("status")).to.equal("CONFIRMED");
    expect(String(first.getFirstPropertyValue("uid"))).to.equal(`${e.id}@convene`);
    expect(new ICAL.Event(first).startDate.toJSDate().toISOString()).to.equal(e.startsAt);

    await h.call(events.update, { eventId: e.id, startsAt: later(12), endsAt: later(12, 2) }, ada);
    const second = parse((await h.call(events.ics, { eventId: e.id })).ics);
    expect(second.getFirstPropertyValue("sequence")).to.equal(1);
    await h.call(events.cancel, { eventId: e.id }, ada);
    const third = parse((await h.call(events.ics, { eventId: e.id })).ics);
    expect(third.getFirstPropertyValue("sequence")).to.equal(2);
    expect(third.getFirstPropertyValue("status")).to.equal("CANCELLED");
  });

  it("lets a platform admin unpublish for moderation (evt.event.unpublished) but not edit", async () => {
    const ada = user();
    const admin = user(["admin"]);
    const e = await h.call(events.create, base({ publish: true }), ada);
    expect((await rejection(h.call(events.update, { eventId: e.id, title: "Admin edit" }, admin))).status).to.equal(403);
    const mod = await h.call(events.unpublish, { eventId: e.id, reason: "Spam" }, admin);
    expect(mod.status).to.equal("draft");
    const [msg] = await emitted("evt.event.unpublished", e.id);
    expect(msg.data).to.deep.include({ by: admin.sub, reason: "Spam", status: "draft" });
    expect((await rejection(h.call(events.get, { eventId: e.id }, user()))).status).to.equal(404);
    expect((await rejection(h.call(events.unpublish, { eventId: e.id }, user()))).status).to.equal(404);
  });

  it("hides a private event from strangers in get, search, feeds and calendars; shows it to members and invitees", async () => {
    const org = randomUUID();
    const owner = user();
    const member = user();
    const invitee = user();
    const stranger = user();
    h.orgRoles.set(`${org}:${owner.sub}`, "owner");
    const title = `Secret Board Retreat ${randomUUID().slice(0, 8)}`;
    const e = await h.call(events.create, base({ title, organizationId: org, visibility: "private", invitedUserIds: [invitee.sub], publish: true }), owner);
    await h.publish(identityEvents.orgMemberAdded, { orgId: org, userId: member.sub, role: "member" });
    for (const p of [stranger, member, invitee]) {
      await h.publish(identityEvents.followed, { followerId: p.sub, target: { kind: "org", id: org }, followedAt: new Date().toISOString() });
    }

    const sees = async (p: typeof stranger | undefined) => {
      const got = await h.call(events.get, { eventId: e.id }, p).then(() => true, () => false);
      const found = (await h.call(events.search, { q: title }, p)).items.some((i) => i.id === e.id);
      const recent = (await h.call(events.feed, { kind: "upcoming", limit: 100 }, p)).items.some((i) => i.id === e.id);
      const ics = await h.call(events.ics, { eventId: e.id }, p).then(() => true, () => false);
      return [got, found, recent, ics];
    };
    expect(
      await eventually("the member sees all four", async () => {
        const v = await sees(member);
        return v.every(Boolean) && v;
      }),
    ).to.deep.equal([true, true, true, true]);
    expect(await sees(invitee)).to.deep.equal([true, true, true, true]);
    expect(await sees(stranger)).to.deep.equal([false, false, false, false]);
    expect(await sees(undefined)).to.deep.equal([false, false, false, false]);

    const following = async (p: typeof stranger) => (await h.call(events.feed, { kind: "following" }, p)).items.some((i) => i.id === e.id);
    expect(await eventually("the member follows", () => following(member))).to.equal(true);
    expect(await following(stranger)).to.equal(false);
    const { token } = await h.call(events.calendarToken, {}, stranger);
    expect((await h.call(events.calendarFeed, { token })).ics).to.not.contain(e.id);
    const memberToken = (await h.call(events.calendarToken, {}, member)).token;
    expect((await h.call(events.calendarFeed, { token: memberToken })).ics).to.contain(e.id);

    await h.publish(identityEvents.orgMemberRemoved, { orgId: org, userId: member.sub });
    expect(
      await eventually("the member sees none", async () => {
        const v = await sees(member);
        return !v.some(Boolean) && v;
      }),
    ).to.deep.equal([false, false, false, false]);
  });

  it("serves a private calendar feed of followed events and users (no unlisted ones) that parses, and stops once the token is revoked", async () => {
    const ada = user();
    const fan = user();
    const followedEvent = await h.call(events.create, base({ publish: true, title: "Followed One" }), ada);
    const organizer = user();
    const byOrganizer = await h.call(events.create, base({ publish: true, title: "From Followed Organizer" }), organizer);
    const unrelated = await h.call(events.create, base({ publish: true, title: "Unrelated" }), user());
    // Unlisted: only for whoever has its link, never pushed to the organizer's followers (finding 5).
    const unlistedByOrganizer = await h.call(
      events.create,
      base({ publish: true, title: "Unlisted Of Followed Organizer", visibility: "unlisted" }),
      organizer,
    );
    await h.call(events.followsCreate, { eventId: followedEvent.id }, fan);
    await h.publish(identityEvents.followed, { followerId: fan.sub, target: { kind: "user", id: organizer.sub }, followedAt: new Date().toISOString() });
    const first = (await h.call(events.calendarToken, {}, fan)).token;
    const { token } = await h.call(events.calendarToken, {}, fan);
    expect((await rejection(h.call(events.calendarFeed, { token: first }))).status).to.equal(404);

    const feed = await eventually("the feed lists the event", async () => {
      const f = await h.call(events.calendarFeed, { token });
      return f.ics.includes(byOrganizer.id) && f;
    });
    const cal = new ICAL.Component(ICAL.parse(feed.ics));
    const uids = cal.getAllSubcomponents("vevent").map((v) => String(v.getFirstPropertyValue("uid")));
    expect(uids).to.include.members([`${followedEvent.id}@convene`, `${byOrganizer.id}@convene`]);
    expect(uids).to.not.include(`${unrelated.id}@convene`);
    expect(uids, "an unlisted event of a followed organizer").to.not.include(`${unlistedByOrganizer.id}@convene`);

    expect((await h.call(events.calendarRevoke, {}, fan)).revoked).to.equal(true);
    expect((await rejection(h.call(events.calendarFeed, { token }))).status).to.equal(404);
  });

  it("keeps the category list to platform admins and refuses an unknown category", async () => {
    const admin = user(["admin"]);
    const slug = `cat-${randomUUID().slice(0, 8)}`;
    expect((await rejection(h.call(events.categoriesPut, { slug, name: "Nope" }, user()))).status).to.equal(403);
    await h.call(events.categoriesPut, { slug, name: "Workshops" }, admin);
    expect((await h.call(events.categoriesList, {})).items.map((c) => c.slug)).to.include(slug);
    const e = await h.call(events.create, base({ category: slug }), user());
    expect(e.category).to.equal(slug);
    expect((await rejection(h.call(events.create, base({ category: "no-such-thing" }), user()))).message).to.match(/category/);
    expect((await rejection(h.call(events.categoriesDelete, { slug }, admin))).status).to.equal(409);
  });
});
