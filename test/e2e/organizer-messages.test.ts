/**
 * Messages of an event's organizers to its attendees, on the real services through the edge
 * (issue 17): to all, to one ticket type's holders, to the checked-in — each recipient gets it
 * once per channel (email at the SMTP sink, inbox, push at the FCM stand-in) and nobody else does;
 * anyone but an organizer is refused; the per-event limits answer 429 (rate) and 400 (size).
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { type Platform, startPlatform } from "../support/platform.ts";
import { eventually } from "../support/eventually.ts";
import { publishFreeEvent } from "../support/journeys.ts";
import { apiRequest, type Reply } from "../support/api.ts";

const PER_HOUR = 3;

describe("organizer messages through the edge", function () {
  this.timeout(90_000);
  let platform: Platform;
  let ip = 0;

  before(async function () {
    this.timeout(180_000);
    platform = await startPlatform({ TRUST_PROXY: "true", NOTIFY_MESSAGES_PER_HOUR: String(PER_HOUR) });
  });
  after(async function () {
    this.timeout(30_000);
    await platform?.stop();
  });

  const api = (method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<Reply> =>
    Object.keys(headers).length ? raw(method, path, body, token, headers) : apiRequest(platform.base, method, path, body, token, "10.90.0.1");
  async function raw(
    method: string,
    path: string,
    body: unknown,
    token: string | undefined,
    headers: Record<string, string>,
  ): Promise<Reply & { headers: Headers }> {
    const res = await fetch(`${platform.base}${path}`, {
      method,
      headers: { "content-type": "application/json", "x-forwarded-for": "10.90.0.1", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : text, headers: res.headers };
  }

  type Person = { token: string; email: string; device: string; id: string };
  async function account(name: string): Promise<Person> {
    const from = `10.90.1.${++ip}`;
    const email = `${name}+${randomUUID()}@example.org`;
    const password = "correct horse battery staple";
    const r = await apiRequest(platform.base, "POST", "/v1/auth/register", { email, password, displayName: name }, undefined, from);
    expect(r.status, JSON.stringify(r.body)).to.equal(201);
    const token = (await apiRequest(platform.base, "POST", "/v1/auth/login", { email, password }, undefined, from)).body.accessToken as string;
    const device = `fcm-${randomUUID()}`;
    expect((await api("POST", "/v1/me/devices", { token: device, platform: "android" }, token)).status).to.equal(200);
    const id = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()).sub as string;
    return { token, email: email.toLowerCase(), device, id };
  }

  it("tells all attendees, one ticket type's holders or the checked-in — each once per channel — and refuses others, past the hourly limit and past the size limit", async () => {
    const organizer = await account("organizer");
    const [standard1, vip, standard2] = [await account("standard1"), await account("vip"), await account("standard2")];
    const stranger = await account("stranger");
    const { id: eventId, title } = await publishFreeEvent(api, organizer.token, 10 * 86_400_000, { capacity: 20 });
    const type = async (name: string) =>
      (await eventually("bookings to know the event", async () => {
        const r = await api("POST", `/v1/events/${eventId}/ticket-types`, { name }, organizer.token);
        return r.status === 201 && r;
      })).body.id as string;
    const standardType = await type("Standard");
    const vipType = await type("VIP");
    const book = async (p: Person, ticketTypeId: string) => {
      const r = await api("POST", "/v1/bookings", { eventId, items: [{ ticketTypeId, quantity: 1 }] }, p.token);
      expect(r.status, JSON.stringify(r.body)).to.equal(201);
      expect(r.body.status).to.equal("confirmed");
      return r.body;
    };
    await book(standard1, standardType);
    await book(vip, vipType);
    const order = await book(standard2, standardType);
    // standard2 is at the door.
    const ticket = await api("GET", `/v1/tickets/${order.tickets[0].id}`, undefined, standard2.token);
    const scan = await api("POST", `/v1/events/${eventId}/check-ins`, { code: ticket.body.code }, organizer.token);
    expect(scan.body.result, JSON.stringify(scan.body)).to.equal("valid");

    const send = (audience: unknown, subject: string, token = organizer.token, body = `Hello from ${subject}.\nSecond line.`, idempotencyKey?: string) =>
      api("POST", `/v1/events/${eventId}/messages`, { audience, subject, body, idempotencyKey }, token);
    const all = await send({ type: "all" }, "To everyone", organizer.token, undefined, "form-1");
    expect(all.status, JSON.stringify(all.body)).to.equal(201);
    expect(all.body).to.deep.include({ eventId, senderId: organizer.id, recipients: 3, subject: "To everyone" });
    // The form posted twice (another Idempotency-Key header, the same key of the form): the same
    // message, nothing sent twice, not counted against the limit; the same key with another text: 409.
    const again = await send({ type: "all" }, "To everyone", organizer.token, undefined, "form-1");
    expect(again.status).to.equal(201);
    expect(again.body.id).to.equal(all.body.id);
    const reused = await send({ type: "all" }, "Something else", organizer.token, undefined, "form-1");
    expect(reused.status).to.equal(409);
    expect(reused.body.errors.map((f: { field: string }) => f.field)).to.deep.equal(["idempotencyKey"]);
    const vips = await send({ type: "ticket_type", ticketTypeId: vipType }, "To the VIPs");
    expect(vips.status, JSON.stringify(vips.body)).to.equal(201);
    expect(vips.body.recipients).to.equal(1);
    const inside = await send({ type: "checked_in" }, "To those inside");
    expect(inside.status, JSON.stringify(inside.body)).to.equal(201);
    expect(inside.body.recipients).to.equal(1);

    const expected: Array<[Person, string[]]> = [
      [standard1, [all.body.id]],
      [vip, [all.body.id, vips.body.id]],
      [standard2, [all.body.id, inside.body.id]],
      [stranger, []],
      [organizer, []],
    ];
    const mails = (p: Person) => platform.smtp.to(p.email).filter((m) => m.subject.startsWith(`${title}: `));
    const pushes = (p: Person) => platform.fcm.to(p.device).filter((m) => m.data?.kind === "organizer_message");
    const inbox = async (p: Person) =>
      ((await api("GET", "/v1/me/notifications?limit=100", undefined, p.token)).body.items as Array<
        { sourceId: string; kind: string; title: string; body: string }
      >).filter((i) => i.kind === "organizer_message");
    await eventually(
      "every recipient told on every channel",
      async () => {
        for (const [p, ids] of expected) {
          if (mails(p).length !== ids.length || pushes(p).length !== ids.length || (await inbox(p)).length !== ids.length) return false;
        }
        return true;
      },
      30_000,
      200,
    );
    // Redelivered: the "all" message's deliver job, as the outbox published it, delivered again
    // (a copy under another msgID, as after a lost ack) writes and sends nothing twice.
    const notificationsDb = platform.running.dbs.get("notifications")!;
    const job = await notificationsDb("outbox").where({ subject: "work.notifications.deliver" }).whereRaw("envelope->'data'->>'sourceId' = ?", [all.body.id])
      .first("envelope");
    expect(job.envelope.data).to.deep.include({ batchNo: 0, batches: 1, kind: "organizer_message" });
    await platform.running.nats.js.publish("work.notifications.deliver", JSON.stringify(job.envelope), { msgID: `redelivery-${randomUUID()}` });
    await eventually(
      "the copy handled",
      async () => {
        const info = await platform.running.nats.jsm.consumers.info("WORK", "notifications-deliver");
        return info.num_pending === 0 && info.num_ack_pending === 0;
      },
      20_000,
      100,
    );
    // Nothing more comes: the redelivered batch or the scheduler's next pass writes nothing twice.
    await new Promise((r) => setTimeout(r, 1_500));
    for (const [p, ids] of expected) {
      expect((await inbox(p)).map((i) => i.sourceId).sort(), `inbox of ${p.email}`).to.deep.equal([...ids].sort());
      expect(pushes(p).map((m) => m.data!.sourceId).sort(), `pushes of ${p.email}`).to.deep.equal([...ids].sort());
      expect(mails(p).length, `emails to ${p.email}`).to.equal(ids.length);
    }
    const vipMail = mails(vip).find((m) => m.subject === `${title}: To the VIPs`)!;
    expect(vipMail.text).to.match(/Hello from To the VIPs\.\r?\nSecond line\./);
    expect(vipMail.html).to.contain("Hello from To the VIPs.<br");
    expect((await inbox(vip)).find((i) => i.sourceId === vips.body.id)).to.deep.include({
      title: "To the VIPs",
      body: "Hello from To the VIPs.\nSecond line.",
    });

    // The sent messages, newest first, for the organizers only.
    const list = await api("GET", `/v1/events/${eventId}/messages`, undefined, organizer.token);
    expect(list.status).to.equal(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).to.deep.equal([inside.body.id, vips.body.id, all.body.id]);
    expect(list.body.items[1]).to.deep.include({ audience: { type: "ticket_type", ticketTypeId: vipType }, recipients: 1 });

    // Not an organizer: an attendee, a stranger; an event nobody knows.
    expect((await send({ type: "all" }, "Spam", vip.token)).status).to.equal(403);
    expect((await send({ type: "all" }, "Spam", stranger.token)).status).to.equal(403);
    expect((await api("GET", `/v1/events/${eventId}/messages`, undefined, stranger.token)).status).to.equal(403);
    expect((await api("POST", `/v1/events/${randomUUID()}/messages`, { audience: { type: "all" }, subject: "x", body: "y" }, organizer.token)).status).to.equal(
      404,
    );
    expect((await api("POST", `/v1/events/${eventId}/messages`, { audience: { type: "all" }, subject: "No token", body: "y" })).status).to.equal(401);

    // Too long: 400 naming the field, whatever the rate.
    const long = await send({ type: "all" }, "Too long", organizer.token, "x".repeat(5_001));
    expect(long.status).to.equal(400);
    expect(long.body.errors.map((f: { field: string }) => f.field)).to.include("body");

    // The hourly limit of the event: the fourth message in the hour is refused, with when to retry.
    const fourth = await raw("POST", `/v1/events/${eventId}/messages`, { audience: { type: "all" }, subject: "One too many", body: "y" }, organizer.token, {
      "idempotency-key": randomUUID(),
    });
    expect(fourth.status, JSON.stringify(fourth.body)).to.equal(429);
    expect(fourth.body.code).to.equal("message_rate_limited");
    const retryAfter = Number(fourth.headers.get("retry-after"));
    expect(retryAfter).to.be.within(3_500, 3_600);
    expect(fourth.body.details).to.deep.include({ limit: PER_HOUR, windowSeconds: 3_600 });
    expect(mails(standard1).length).to.equal(1);
  });

  it("holds an organizer's message for email and push during the attendee's quiet hours (the inbox gets it at once)", async () => {
    const organizer = await account("quiet-organizer");
    const attendee = await account("quiet-attendee");
    const startsAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const e = await api("POST", "/v1/events", {
      title: `Quiet ${randomUUID().slice(0, 6)}`,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
      timeZone: "UTC",
      capacity: 5,
      publish: true,
    }, organizer.token);
    await eventually(
      "the attendee booked",
      async () => (await api("POST", "/v1/bookings", { eventId: e.body.id, seats: 1 }, attendee.token)).status === 201,
      30_000,
      200,
    );
    const prefs = await api("GET", "/v1/me/notification-preferences", undefined, attendee.token);
    const me = await api("GET", "/v1/me", undefined, attendee.token);
    // Quiet from an hour ago to an hour from now, on the attendee's own clock.
    const clock = (d: Date) => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: me.body.timeZone }).format(d);
    const quiet = { start: clock(new Date(Date.now() - 3_600_000)), end: clock(new Date(Date.now() + 3_600_000)) };
    expect((await api("PUT", "/v1/me/notification-preferences", { ...prefs.body, quietHours: quiet }, attendee.token)).status).to.equal(200);

    const sent = await api("POST", `/v1/events/${e.body.id}/messages`, { audience: { type: "all" }, subject: "Late news", body: "Tomorrow." }, organizer.token);
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201);
    await eventually(
      "the inbox item",
      async () =>
        (await api("GET", "/v1/me/notifications", undefined, attendee.token)).body.items.some((i: { title: string }) => i.title.endsWith("Late news")),
    );
    const db = platform.running.dbs.get("notifications")!;
    const held = await eventually("the held deliveries", async () => {
      const rows: Array<{ channel: string; status: string; not_before: Date }> = await db("deliveries").where({
        user_id: attendee.id,
        source_id: sent.body.id,
      });
      return rows.length >= 2 && rows;
    });
    for (const d of held) {
      expect({ channel: d.channel, status: d.status, later: new Date(d.not_before).getTime() > Date.now() + 30 * 60_000 }).to.deep.equal({
        channel: d.channel,
        status: "pending",
        later: true,
      });
    }
    expect(platform.smtp.to(attendee.email).some((m) => m.subject.endsWith("Late news"))).to.equal(false);
  });

  it("lets an admin of the event's organization write to its attendees, and not a plain member", async () => {
    const owner = await account("owner");
    const [admin, member, attendee] = [await account("org-admin"), await account("org-member"), await account("attendee")];
    const org = await api("POST", "/v1/orgs", { name: `Messages org ${randomUUID().slice(0, 6)}` }, owner.token);
    expect(org.status, JSON.stringify(org.body)).to.equal(201);
    const join = async (p: Person, role: "admin" | "member") => {
      expect((await api("POST", `/v1/orgs/${org.body.id}/invitations`, { email: p.email, role }, owner.token)).status).to.equal(201);
      const mail = await eventually(
        `the invitation to ${p.email}`,
        async () => platform.smtp.to(p.email).find((m) => /\/invitations\/accept\?token=/.test(m.text)),
        20_000,
      );
      const token = mail.text.match(/\/invitations\/accept\?token=([^\s"<>]+)/)![1];
      const accepted = await api("POST", "/v1/orgs/invitations/accept", { token }, p.token);
      expect(accepted.body, JSON.stringify(accepted.body)).to.deep.equal({ orgId: org.body.id, role });
    };
    await join(admin, "admin");
    await join(member, "member");
    const startsAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const e = await api("POST", "/v1/events", {
      title: `Org meetup ${randomUUID().slice(0, 6)}`,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 7_200_000).toISOString(),
      timeZone: "UTC",
      capacity: 5,
      publish: true,
      organizationId: org.body.id,
    }, owner.token);
    expect(e.status, JSON.stringify(e.body)).to.equal(201);
    await eventually(
      "the attendee booked",
      async () => (await api("POST", "/v1/bookings", { eventId: e.body.id, seats: 1 }, attendee.token)).status === 201,
      30_000,
      200,
    );

    const send = (p: Person) =>
      api("POST", `/v1/events/${e.body.id}/messages`, { audience: { type: "all" }, subject: "From the organization", body: "Hello." }, p.token);
    expect((await send(member)).status).to.equal(403);
    const sent = await send(admin);
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201);
    expect(sent.body).to.deep.include({ senderId: admin.id, recipients: 1 });
    expect((await api("GET", `/v1/events/${e.body.id}/messages`, undefined, admin.token)).body.items).to.have.length(1);
    await eventually("the attendee's email", async () => platform.smtp.to(attendee.email).some((m) => m.subject.endsWith(": From the organization")), 20_000);

    // The same organizers set the event's reminders; a plain member may not.
    const remind = (p: Person) => api("PUT", `/v1/events/${e.body.id}/reminders`, { offsets: ["2h"] }, p.token);
    expect((await remind(member)).status).to.equal(403);
    const set = await remind(admin);
    expect(set.status, JSON.stringify(set.body)).to.equal(200);
    expect(set.body).to.deep.include({ custom: true });
  });
});
