import { expect } from "chai";
import { createServer as createHttpServer, type Server } from "node:http";
import { connect, createServer as createTcpServer, type Server as TcpServer } from "node:net";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { events } from "../../../subjects/events.ts";
import { type Harness, startEvents, user } from "./support.ts";
import { rejection } from "../../../test/support/eventually.ts";

const listen = (s: Server | TcpServer, host: string, port = 0) =>
  new Promise<number>((resolve, reject) => {
    s.once("error", reject);
    s.listen(port, host, () => resolve((s.address() as AddressInfo).port));
  });
const close = (s: Server | TcpServer) => new Promise<void>((r) => s.close(() => r()));

describe("svc.events.events.import", function () {
  this.timeout(30_000);
  let h: Harness;
  let source: Server;
  let origin: string;
  let feed = "";
  const canaries: TcpServer[] = [];
  let canaryPort = 0;
  let canaryHits = 0;

  before(async () => {
    // The canary: a loopback listener nothing may ever reach, on IPv4 and (when available) IPv6.
    const c4 = createTcpServer((sock) => {
      canaryHits++;
      sock.destroy();
    });
    canaryPort = await listen(c4, "127.0.0.1");
    canaries.push(c4);
    const c6 = createTcpServer((sock) => {
      canaryHits++;
      sock.destroy();
    });
    await listen(c6, "::1", canaryPort).then(() => canaries.push(c6), () => undefined);

    source = createHttpServer((req, res) => {
      if (req.url === "/feed.ics") return void res.writeHead(200, { "content-type": "text/calendar" }).end(feed);
      if (req.url === "/to-canary") return void res.writeHead(302, { location: `http://127.0.0.1:${canaryPort}/latest/meta-data/` }).end();
      if (req.url === "/to-feed") return void res.writeHead(301, { location: "/feed.ics" }).end();
      if (req.url === "/big") return void res.writeHead(200).end("X".repeat(100 * 1024));
      if (req.url === "/slow") return; // never answers
      res.writeHead(404).end();
    });
    const port = await listen(source, "127.0.0.1");
    origin = `http://127.0.0.1:${port}`;
    // The source is on loopback: the operator allow-lists exactly its origin (not the canary's).
    h = await startEvents({ EVENTS_IMPORT_ALLOWED_ORIGINS: origin, EVENTS_IMPORT_TIMEOUT_MS: "1000", EVENTS_IMPORT_MAX_BYTES: String(64 * 1024) });
  });
  after(async () => {
    await h.stop();
    source.closeAllConnections();
    await close(source);
    for (const c of canaries) await close(c);
  });

  const vevent = (uid: string, summary: string, extra: string[] = []) =>
    ["BEGIN:VEVENT", `UID:${uid}`, "DTSTAMP:20261101T000000Z", `SUMMARY:${summary}`, ...extra, "END:VEVENT"].join("\r\n");
  const calendar = (...vevents: string[]) => ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", ...vevents, "END:VCALENDAR", ""].join("\r\n");

  it("imports an iCalendar feed and, imported again, updates by UID without duplicates", async () => {
    const organizer = user();
    const w = `imp${randomUUID().replace(/[^a-f]/g, "").slice(0, 6)}`;
    const a = vevent(`a-${w}@example.org`, `Kickoff ${w}`, [
      "DTSTART;TZID=Europe/Berlin:20271203T100000",
      "DTEND;TZID=Europe/Berlin:20271203T120000",
      "LOCATION:Kulturbrauerei\\, Berlin",
      "GEO:52.5389;13.4125",
      "CATEGORIES:Music,Open Air",
    ]);
    const b = vevent(`b-${w}@example.org`, `Hackday ${w}`, ["DTSTART;VALUE=DATE:20271204", "DTEND;VALUE=DATE:20271205"]);
    feed = calendar(a, b);
    const first = await h.call(events.import, { url: `${origin}/to-feed`, publish: true, timeZone: "UTC" }, organizer);
    expect(first).to.deep.include({ created: 2, updated: 0, unchanged: 0 });
    const kickoff = await h.call(events.get, { eventId: first.eventIds[0] });
    expect(kickoff).to.deep.include({
      title: `Kickoff ${w}`,
      startsAt: "2027-12-03T09:00:00.000Z",
      endsAt: "2027-12-03T11:00:00.000Z",
      timeZone: "Europe/Berlin",
      status: "published",
    });
    expect(kickoff.venue).to.deep.include({ name: "Kulturbrauerei", lat: 52.5389, lng: 13.4125 });
    expect(kickoff.tags).to.deep.equal(["music", "open-air"]);
    expect((await h.call(events.get, { eventId: first.eventIds[1] })).startsAt).to.equal("2027-12-04T00:00:00.000Z");

    expect(await h.call(events.import, { url: `${origin}/feed.ics` }, organizer)).to.deep.include({ created: 0, updated: 0, unchanged: 2 });

    feed = calendar(
      vevent(`a-${w}@example.org`, `Kickoff ${w} (moved)`, ["DTSTART:20271203T130000Z", "DTEND:20271203T150000Z", "SEQUENCE:1"]),
      b,
      vevent(`c-${w}@example.org`, `Retro ${w}`, ["DTSTART:20271210T100000Z", "DURATION:PT1H"]),
    );
    const third = await h.call(events.import, { url: `${origin}/feed.ics`, publish: true }, organizer);
    expect(third).to.deep.include({ created: 1, updated: 1, unchanged: 1 });
    const moved = await h.call(events.get, { eventId: first.eventIds[0] });
    expect(moved).to.deep.include({ title: `Kickoff ${w} (moved)`, startsAt: "2027-12-03T13:00:00.000Z", sequence: 1 });
    expect((await h.call(events.search, { q: w, includePast: true, limit: 100 })).items).to.have.length(3);
    const history = await h.call(events.changesList, { eventId: moved.id }, organizer);
    expect(history.items[0]).to.deep.include({ action: "imported" });
    expect(history.items[0].changes.map((c) => c.field)).to.include.members(["title", "startsAt"]);
  });

  it("imports a recurring series as one event per coming occurrence: EXDATE skipped, an override applied, DST kept, re-import stable", async () => {
    const organizer = user();
    const w = `rec${randomUUID().replace(/[^a-f]/g, "").slice(0, 6)}`;
    const uid = `series-${w}@example.org`;
    // Weekly on Thursdays 19:00 Berlin time, across the end of summer time (2027-10-31).
    const series = vevent(uid, `Meetup ${w}`, [
      "DTSTART;TZID=Europe/Berlin:20271021T190000",
      "DTEND;TZID=Europe/Berlin:20271021T210000",
      "RRULE:FREQ=WEEKLY;COUNT=4",
      "EXDATE;TZID=Europe/Berlin:20271028T190000",
    ]);
    const moved = vevent(uid, `Meetup ${w} (special)`, [
      "RECURRENCE-ID;TZID=Europe/Berlin:20271111T190000",
      "DTSTART;TZID=Europe/Berlin:20271111T200000",
      "DTEND;TZID=Europe/Berlin:20271111T220000",
    ]);
    // A series long over imports nothing; an endless secondly one is cut off, not walked forever.
    const past = vevent(`past-${w}@example.org`, `Old ${w}`, ["DTSTART:20200106T090000Z", "DTEND:20200106T100000Z", "RRULE:FREQ=WEEKLY;COUNT=10"]);
    const endless = vevent(`endless-${w}@example.org`, `Tick ${w}`, ["DTSTART:19900101T000000Z", "RRULE:FREQ=SECONDLY"]);
    feed = calendar(series, moved, past, endless);

    const first = await h.call(events.import, { url: `${origin}/feed.ics`, publish: true }, organizer);
    expect(first).to.deep.include({ created: 3, updated: 0, unchanged: 0 });
    expect(first.skipped.map((s) => s.uid)).to.deep.equal([`endless-${w}@example.org`]);
    const got = await Promise.all(first.eventIds.map((eventId) => h.call(events.get, { eventId })));
    expect(got.map((e) => [e.title, e.startsAt, e.endsAt])).to.deep.equal([
      [`Meetup ${w}`, "2027-10-21T17:00:00.000Z", "2027-10-21T19:00:00.000Z"], // CEST, UTC+2
      [`Meetup ${w}`, "2027-11-04T18:00:00.000Z", "2027-11-04T20:00:00.000Z"], // CET, UTC+1
      [`Meetup ${w} (special)`, "2027-11-11T19:00:00.000Z", "2027-11-11T21:00:00.000Z"],
    ]);

    expect(await h.call(events.import, { url: `${origin}/feed.ics` }, organizer)).to.deep.include({ created: 0, updated: 0, unchanged: 3 });
  });

  it("validates every imported event against the contract before writing it, drafts too (finding 4)", async () => {
    const organizer = user();
    const w = `val${randomUUID().replace(/[^a-f]/g, "").slice(0, 6)}`;
    feed = calendar(
      vevent(`space-${w}@example.org`, `Bad URL ${w}`, ["DTSTART:20271203T100000Z", "DTEND:20271203T120000Z", "URL:https://x/a b"]),
      vevent(`zone-${w}@example.org`, `Bad zone ${w}`, ["DTSTART;TZID=EST5EDT:20271203T100000", "DTEND;TZID=EST5EDT:20271203T120000"]),
      vevent(`good-${w}@example.org`, `Good ${w}`, ["DTSTART:20271203T100000Z", "DTEND:20271203T120000Z"]),
    );
    const reply = await h.call(events.import, { url: `${origin}/feed.ics`, publish: false, timeZone: "UTC" }, organizer);
    expect(reply.created, JSON.stringify(reply.skipped)).to.equal(1);
    expect(reply.skipped.map((x) => x.uid)).to.include.members([`space-${w}@example.org`, `zone-${w}@example.org`]);
    // Whatever was written reads back: the author's own get answers.
    for (const id of reply.eventIds) expect((await h.call(events.get, { eventId: id }, organizer)).title).to.equal(`Good ${w}`);
    const stored = await h.running.dbs.get("events")!("events").where({ organizer_id: organizer.sub }).select("id");
    expect(stored).to.have.length(1);
  });

  it("runs at most two imports of one user at once", async () => {
    const p = user();
    const slow = () => rejection(h.call(events.import, { url: `${origin}/slow` }, p));
    const all = await Promise.all([slow(), slow(), slow()]);
    // Two run into the source's silence (422 at the fetch timeout); the third is refused at once.
    expect(all.map((e) => e.status).sort()).to.deep.equal([422, 422, 429]);
  });

  it("caps the size and the time of a fetch", async () => {
    const p = user();
    expect((await rejection(h.call(events.import, { url: `${origin}/big` }, p))).status).to.equal(413);
    const started = Date.now();
    const slow = await rejection(h.call(events.import, { url: `${origin}/slow` }, p));
    expect(slow.message).to.match(/did not answer within 1000 ms/);
    expect(Date.now() - started).to.be.below(5_000);
  });

  describe("SSRF guard", () => {
    const refused = () => [
      ["loopback IPv4", `http://127.0.0.1:${canaryPort}/`],
      ["loopback IPv6", `http://[::1]:${canaryPort}/`],
      ["IPv4-mapped IPv6 loopback", `http://[::ffff:127.0.0.1]:${canaryPort}/`],
      ["hex IPv4 loopback", `http://0x7f000001:${canaryPort}/`],
      ["decimal IPv4 loopback", `http://2130706433:${canaryPort}/`],
      ["octal IPv4 loopback", `http://0177.0.0.1:${canaryPort}/`],
      ["IPv4-compatible IPv6 loopback", `http://[::127.0.0.1]:${canaryPort}/`],
      ["IPv4-translated IPv6 loopback (::ffff:0:0/96)", `http://[::ffff:0:127.0.0.1]:${canaryPort}/`],
      ["NAT64 loopback", `http://[64:ff9b::127.0.0.1]:${canaryPort}/`],
      ["local-use NAT64 (64:ff9b:1::/48)", `http://[64:ff9b:1::7f00:1]:${canaryPort}/`],
      ["link-local IPv6", `http://[fe80::1]:${canaryPort}/`],
      ["private 10/8", `http://10.0.0.1:${canaryPort}/`],
      ["cloud metadata", "http://169.254.169.254/latest/meta-data/"],
      ["unspecified", `http://0.0.0.0:${canaryPort}/`],
      ["host name resolving to loopback", `http://localhost:${canaryPort}/`],
      ["redirect to loopback", `${origin}/to-canary`],
      ["file scheme", "file:///etc/passwd"],
      ["ftp scheme", `ftp://127.0.0.1:${canaryPort}/`],
    ];

    it("refuses every address in the table and the loopback canary sees no connection", async () => {
      const p = user();
      for (const [name, url] of refused()) {
        const err = await rejection(h.call(events.import, { url }, p));
        expect(err.status, `${name}: ${err.message}`).to.equal(422);
        expect(err.code, name).to.equal("unsafe_url");
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(canaryHits).to.equal(0);
      // Control: the canary does count a connection that reaches it.
      await new Promise<void>((resolve, reject) => {
        const sock = connect(canaryPort, "127.0.0.1");
        sock.once("connect", () => resolve(void sock.end())).once("error", reject);
      });
      await new Promise((r) => setTimeout(r, 100));
      expect(canaryHits).to.equal(1);
    });
  });
});
