/**
 * End to end through the edge with the client generated from its OpenAPI document: the real
 * services run in this process (run(registry subset)) on the test NATS and Postgres.
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { run, type Running } from "../../services/kit/run.ts";
import { identityService } from "../../services/identity/index.ts";
import { edgeService } from "../../services/edge/index.ts";
import { notificationsService } from "../../services/notifications/index.ts";
import { eventsService } from "../../services/events/index.ts";
import ICAL from "ical.js";
import { type LiveInboxItem, liveInboxSubject } from "../../subjects/notifications.ts";
import { unsubscribeToken } from "../../services/notifications/unsubscribe.ts";
import { openSse } from "../../services/edge/test/sse-client.ts";
import { databaseUrl, natsEnv } from "../support/env.ts";
import { type Api, apiClient, generateClientTypes, GENERATED } from "./client.ts";

const password = "correct horse battery staple";
const newEmail = () => `e2e+${randomUUID()}@example.org`;
const rnd = () => Math.floor(Math.random() * 250) + 1;
const newIp = () => `198.18.${rnd()}.${rnd()}`;

describe("e2e: the public API through the edge", function () {
  this.timeout(30_000);
  let running: Running;
  let base: string;
  /** A client from a fresh IP, so per-IP limits of one test never touch another. */
  const client = (token?: string, ip = newIp()): Api => apiClient(base, { ip, token });

  async function signUp(api: Api = client()): Promise<{ email: string; id: string; accessToken: string; refreshToken: string }> {
    const email = newEmail();
    const reg = await api.POST("/v1/auth/register", { body: { email, password, displayName: "Ada" } });
    expect(reg.response.status, JSON.stringify(reg.error)).to.equal(201);
    const login = await api.POST("/v1/auth/login", { body: { email, password } });
    expect(login.response.status, JSON.stringify(login.error)).to.equal(200);
    return { email, id: reg.data!.id, accessToken: login.data!.accessToken, refreshToken: login.data!.refreshToken };
  }

  before(async function () {
    this.timeout(30_000);
    running = await run([identityService, eventsService, notificationsService, edgeService], {
      ...natsEnv(),
      DATABASE_URL: databaseUrl(),
      HTTP_PORT: "0",
      LOG_LEVEL: "silent",
      SHUTDOWN_GRACE_MS: "1000",
      TRUST_PROXY: "true",
      RATE_LIMIT_AUTH_PER_MINUTE: "5",
    });
    base = running.url;
  });
  after(async function () {
    this.timeout(20_000);
    await running?.stop();
  });

  it("uses a generated client that matches the current OpenAPI document (regenerate: npx node test/e2e/client.ts)", async () => {
    expect(readFileSync(GENERATED, "utf8")).to.equal(await generateClientTypes());
  });

  it("signs up, logs in and reads its own account with the access token", async () => {
    const api = client();
    const { email, id, accessToken } = await signUp(api);
    const me = await client(accessToken).GET("/v1/me");
    expect(me.response.status).to.equal(200);
    expect(me.data).to.include({ id, email, emailVerified: false });
    expect(me.data!.roles).to.deep.equal(["participant"]);
  });

  it("rotates a refresh token and refuses the retired one", async () => {
    const { refreshToken } = await signUp();
    const api = client();
    const next = await api.POST("/v1/auth/refresh", { body: { refreshToken } });
    expect(next.response.status).to.equal(200);
    expect(next.data!.refreshToken).to.not.equal(refreshToken);
    const reused = await api.POST("/v1/auth/refresh", { body: { refreshToken } });
    expect(reused.response.status).to.equal(401);
  });

  it("changes the password with the current one, ending the old sessions", async () => {
    const { email, accessToken, refreshToken } = await signUp();
    const me = client(accessToken);
    const wrong = await me.POST("/v1/me/password", { body: { currentPassword: "not it at all", newPassword: "a brand new passphrase" } });
    expect(wrong.response.status).to.equal(400);
    expect(wrong.error!.errors).to.deep.equal([{ field: "currentPassword", message: "is wrong" }]);
    const changed = await me.POST("/v1/me/password", { body: { currentPassword: password, newPassword: "a brand new passphrase" } });
    expect(changed.response.status, JSON.stringify(changed.error)).to.equal(200);
    expect((await client().POST("/v1/auth/refresh", { body: { refreshToken } })).response.status).to.equal(401);
    expect((await client().POST("/v1/auth/login", { body: { email, password } })).response.status).to.equal(401);
    expect((await client().POST("/v1/auth/login", { body: { email, password: "a brand new passphrase" } })).response.status).to.equal(200);
  });

  it("refuses bad input with 400 problem+json naming the field", async () => {
    const res = await client().POST("/v1/auth/register", { body: { email: "not-an-email", password, displayName: "Ada" } });
    expect(res.response.status).to.equal(400);
    expect(res.response.headers.get("content-type")).to.match(/^application\/problem\+json/);
    expect(res.error).to.deep.include({ code: "invalid_request", status: 400 });
    expect(res.error!.errors).to.deep.equal([{ field: "email", message: 'must match format "email"' }]);
  });

  it("answers 401 without a token and with a forged one", async () => {
    const none = await client().GET("/v1/me");
    expect(none.response.status).to.equal(401);
    expect(none.error!.code).to.equal("unauthenticated");
    const { accessToken } = await signUp();
    const [h, p] = accessToken.split(".");
    const forged = await client(`${h}.${p}.${"A".repeat(86)}`).GET("/v1/me");
    expect(forged.response.status).to.equal(401);
  });

  it("answers 403 to a participant on an admin route", async () => {
    const { accessToken } = await signUp();
    const res = await client(accessToken).GET("/v1/admin/notifications/dead-letters", { params: { query: { limit: 5 } } });
    expect(res.response.status).to.equal(403);
    expect(res.error!.code).to.equal("forbidden");
  });

  it("rate limits logins from one IP: 429 with Retry-After", async () => {
    const api = client();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i++) {
      const res = await api.POST("/v1/auth/login", { body: { email: newEmail(), password: "wrong password" } });
      statuses.push(res.response.status);
      if (res.response.status === 429) retryAfter = res.response.headers.get("retry-after");
    }
    expect(statuses.slice(0, 5)).to.not.include(429);
    expect(statuses.slice(5)).to.deep.equal([429, 429]);
    expect(Number(retryAfter)).to.be.within(1, 60);
  });

  it("replays a sign-up sent twice with the same Idempotency-Key, and refuses the key with another body", async () => {
    const api = client();
    const key = randomUUID();
    const body = { email: newEmail(), password, displayName: "Grace" };
    const first = await api.POST("/v1/auth/register", { body, params: { header: { "Idempotency-Key": key } } });
    const second = await api.POST("/v1/auth/register", { body, params: { header: { "Idempotency-Key": key } } });
    expect(first.response.status).to.equal(201);
    expect(second.response.status).to.equal(201);
    expect(second.response.headers.get("idempotent-replayed")).to.equal("true");
    expect(second.data).to.deep.equal(first.data);
    const other = await api.POST("/v1/auth/register", { body: { ...body, email: newEmail() }, params: { header: { "Idempotency-Key": key } } });
    expect(other.response.status).to.equal(422);
    // without the key the same sign-up is a conflict: it was done once
    const again = await api.POST("/v1/auth/register", { body });
    expect(again.response.status).to.equal(409);
  });

  it("delivers a new inbox item to the user's live stream (SSE)", async () => {
    const { id, accessToken } = await signUp();
    const stream = await openSse(`${base}/v1/me/notifications/stream`, { Authorization: `Bearer ${accessToken}`, "X-Forwarded-For": newIp() });
    try {
      expect(stream.status).to.equal(200);
      const item: LiveInboxItem = {
        id: "1",
        sourceId: randomUUID(),
        kind: "event_published",
        title: "NATS conf",
        body: "A new event",
        link: "/events/1",
        createdAt: new Date().toISOString(),
      };
      await new Promise((r) => setTimeout(r, 50));
      // What the notifications service publishes for each new inbox item.
      running.connections.get("notifications")!.nc.publish(liveInboxSubject(id), JSON.stringify(item));
      const [ev] = await stream.take(1);
      expect(ev.id).to.equal("1");
      expect(JSON.parse(ev.data)).to.deep.equal(item);
    } finally {
      stream.close();
    }
  });

  it("lists a new user's empty inbox and unread count through the notifications service", async () => {
    const { accessToken } = await signUp();
    const api = client(accessToken);
    const list = await api.GET("/v1/me/notifications", { params: { query: { limit: 500 } } });
    expect(list.response.status, JSON.stringify(list.error)).to.equal(200);
    expect(list.data).to.deep.equal({ items: [], nextCursor: null });
    const count = await api.GET("/v1/me/notifications/unread-count");
    expect(count.data).to.deep.equal({ unread: 0 });
    const bad = await api.POST("/v1/me/notifications/{id}/read", { params: { path: { id: "abc" } } });
    expect(bad.response.status).to.equal(400);
    expect(bad.error!.errors![0].field).to.equal("id");
  });

  it("follows a user and an organization, idempotently, and lists followers and following", async () => {
    const ada = await signUp();
    const bob = await signUp();
    const asBob = client(bob.accessToken);
    const org = await client(ada.accessToken).POST("/v1/orgs", { body: { name: `Jazz club ${randomUUID().slice(0, 8)}` } });
    expect(org.response.status, JSON.stringify(org.error)).to.equal(201);
    for (let i = 0; i < 2; i++) expect((await asBob.POST("/v1/users/{id}/follow", { params: { path: { id: ada.id } } })).response.status).to.equal(200);
    expect((await asBob.POST("/v1/orgs/{id}/follow", { params: { path: { id: org.data!.id } } })).response.status).to.equal(200);
    const followers = await client().GET("/v1/users/{id}/followers", { params: { path: { id: ada.id } } });
    expect(followers.response.status, JSON.stringify(followers.error)).to.equal(200);
    expect(followers.data!.items.map((f) => f.userId)).to.deep.equal([bob.id]);
    const mine = await asBob.GET("/v1/me/following");
    expect(mine.data!.items.map((f) => f.target.id).sort()).to.deep.equal([ada.id, org.data!.id].sort());
    const self = await client(ada.accessToken).POST("/v1/users/{id}/follow", { params: { path: { id: ada.id } } });
    expect(self.response.status).to.be.within(400, 499);
    expect((await asBob.DELETE("/v1/users/{id}/follow", { params: { path: { id: ada.id } } })).response.status).to.equal(200);
    expect((await client().GET("/v1/users/{id}/followers", { params: { path: { id: ada.id } } })).data!.items).to.deep.equal([]);
  });

  it("creates, publishes and finds an event; keeps a private one from strangers; records its history; refuses another user's edit", async () => {
    const ada = await signUp();
    const asAda = client(ada.accessToken);
    const word = `kw${randomUUID().replace(/-/g, "").slice(0, 10)}`;
    const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 7 * 86_400_000 + 7_200_000).toISOString();
    const key = randomUUID();
    const body = {
      title: `Conference ${word}`,
      description: "Talks about **NATS**",
      startsAt,
      endsAt,
      timeZone: "Europe/Berlin",
      tags: ["Open Source"],
      publish: true,
    };
    const created = await asAda.POST("/v1/events", { body, params: { header: { "Idempotency-Key": key } } });
    expect(created.response.status, JSON.stringify(created.error)).to.equal(201);
    const replay = await asAda.POST("/v1/events", { body, params: { header: { "Idempotency-Key": key } } });
    expect(replay.response.headers.get("idempotent-replayed")).to.equal("true");
    expect(replay.data!.id).to.equal(created.data!.id);
    expect((await asAda.POST("/v1/events", { body: { ...body, title: "Another" }, params: { header: { "Idempotency-Key": key } } })).response.status).to.equal(
      422,
    );
    const eventId = created.data!.id;

    const found = await client().GET("/v1/events", { params: { query: { q: `conferense ${word}`, tags: ["open-source"] } } });
    expect(found.response.status, JSON.stringify(found.error)).to.equal(200);
    expect(found.data!.items.map((e) => e.id)).to.deep.equal([eventId]);
    const venue = { name: "Kulturbrauerei", address: "Schönhauser Allee 36, Berlin", lat: 52.5389, lng: 13.4125 };
    const placed = await asAda.POST("/v1/events", { body: { ...body, title: `Meetup ${word}`, venue } });
    const near = async (lat: number, lng: number) =>
      (await client().GET("/v1/events", { params: { query: { q: word, near: { lat, lng, radiusKm: 50 } } } })).data!.items.map((e) => e.id);
    expect(await near(52.52, 13.405)).to.deep.equal([placed.data!.id]); // Berlin
    expect(await near(48.137, 11.575)).to.deep.equal([]); // Munich
    const lax = await fetch(`${base}/v1/events?q=${word}&lat=52.52&lng=13.405&radiusKm=50`);
    expect(((await lax.json()) as { items: Array<{ id: string }> }).items.map((e) => e.id)).to.deep.equal([placed.data!.id]);
    const read = await client().GET("/v1/events/{id}", { params: { path: { id: eventId } } });
    expect(read.data).to.deep.include({ title: `Conference ${word}`, status: "published", canEdit: false });
    expect(read.data!.descriptionHtml).to.contain("<strong>NATS</strong>");

    const hidden = await asAda.POST("/v1/events", { body: { ...body, title: `Secret ${word}`, visibility: "private" } });
    const stranger = await signUp();
    expect((await client(stranger.accessToken).GET("/v1/events/{id}", { params: { path: { id: hidden.data!.id } } })).response.status).to.equal(404);
    expect((await client().GET("/v1/events/{id}", { params: { path: { id: hidden.data!.id } } })).response.status).to.equal(404);
    const strangerSees = (await client(stranger.accessToken).GET("/v1/events", { params: { query: { q: word } } })).data!.items.map((e) => e.id);
    expect(strangerSees).to.include(eventId).and.not.include(hidden.data!.id);

    const edit = await client(stranger.accessToken).PATCH("/v1/events/{id}", { params: { path: { id: eventId } }, body: { title: "Mine now" } });
    expect(edit.response.status).to.equal(403);
    const moved = await asAda.PATCH("/v1/events/{id}", { params: { path: { id: eventId } }, body: { title: `Conference ${word} (moved)` } });
    expect(moved.response.status, JSON.stringify(moved.error)).to.equal(200);
    // The cached anonymous read was invalidated by evt.event.updated.
    const fresh = async () => (await client().GET("/v1/events/{id}", { params: { path: { id: eventId } } })).data!.title;
    for (let i = 0; i < 50 && (await fresh()) !== `Conference ${word} (moved)`; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await fresh()).to.equal(`Conference ${word} (moved)`);
    const history = await asAda.GET("/v1/events/{id}/history", { params: { path: { id: eventId } } });
    expect(history.data!.items[0].changes).to.deep.include({ field: "title", old: `Conference ${word}`, new: `Conference ${word} (moved)` });
    expect((await client(stranger.accessToken).GET("/v1/events/{id}/history", { params: { path: { id: eventId } } })).response.status).to.equal(403);
  });

  it("counts every page view of an event, those the edge's cache answered too", async () => {
    const ada = await signUp();
    const startsAt = new Date(Date.now() + 9 * 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 9 * 86_400_000 + 3_600_000).toISOString();
    const created = await client(ada.accessToken).POST("/v1/events", { body: { title: "Popular Talk", startsAt, endsAt, timeZone: "UTC", publish: true } });
    const id = created.data!.id;
    const reads = [];
    for (let i = 0; i < 4; i++) reads.push((await client().GET("/v1/events/{id}", { params: { path: { id } } })).response.headers.get("x-cache"));
    expect(reads.slice(1), "later reads come from the cache").to.deep.equal(["hit", "hit", "hit"]);
    // Hits are reported once a second; the author's read is neither cached nor counted.
    let views = 0;
    for (let i = 0; i < 40 && views < 4; i++) {
      await new Promise((r) => setTimeout(r, 100));
      views = (await client(ada.accessToken).GET("/v1/events/{id}", { params: { path: { id } } })).data!.views;
    }
    expect(views).to.equal(4);
  });

  it("opens a confirmation page from an email's unsubscribe link, and unsubscribes only on its form's POST", async () => {
    const ada = await signUp();
    // The services run with the development secret (UNSUBSCRIBE_SECRET unset).
    const token = unsubscribeToken("dev-only-unsubscribe-secret-change-me", ada.id, "event_published");
    const url = `${base}/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
    const emailOn = async () =>
      ((await (await fetch(`${base}/v1/me/notification-preferences`, { headers: { Authorization: `Bearer ${ada.accessToken}` } })).json()) as {
        kinds: Record<string, { email: boolean }>;
      }).kinds.event_published.email;
    const page = await fetch(url, { headers: { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(page.status).to.equal(200);
    expect(page.headers.get("content-type")).to.match(/^text\/html/);
    expect(page.headers.get("content-security-policy")).to.contain("form-action 'self'");
    expect(await page.text()).to.contain('<form method="post">');
    expect(await emailOn(), "a GET changes nothing").to.equal(true);
    const done = await fetch(url, { method: "POST", headers: { Accept: "text/html", "Content-Type": "application/x-www-form-urlencoded" }, body: "" });
    expect(done.status).to.equal(200);
    expect(await done.text()).to.contain("You are unsubscribed");
    expect(await emailOn()).to.equal(false);
    // The one-click POST of a mail client (RFC 8058) still gets JSON.
    const oneClick = await fetch(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(await oneClick.json()).to.deep.equal({ userId: ada.id, kind: "event_published" });
    expect((await fetch(`${base}/v1/notifications/unsubscribe?token=forged`)).status).to.equal(400);
  });

  it("serves an event's .ics that ical.js parses, and an attachment round trip with ETag", async () => {
    const ada = await signUp();
    const asAda = client(ada.accessToken);
    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const created = await asAda.POST("/v1/events", {
      body: { title: "Calendar night", startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), timeZone: "UTC", publish: true },
    });
    const eventId = created.data!.id;
    const ics = await fetch(`${base}/v1/events/${eventId}/calendar.ics`);
    expect(ics.status).to.equal(200);
    expect(ics.headers.get("content-type")).to.match(/^text\/calendar/);
    const vevent = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("summary")).to.equal("Calendar night");

    const text = "Bring your laptop.\n";
    const put = await asAda.POST("/v1/events/{id}/attachments", {
      params: { path: { id: eventId } },
      body: { filename: "notes.txt", contentType: "text/plain", dataBase64: Buffer.from(text).toString("base64") },
    });
    expect(put.response.status, JSON.stringify(put.error)).to.equal(201);
    const url = `${base}/v1/events/${eventId}/attachments/${put.data!.id}`;
    const got = await fetch(url);
    expect(got.status).to.equal(200);
    expect(got.headers.get("content-type")).to.match(/^text\/plain/);
    expect(got.headers.get("cache-control")).to.contain("public");
    expect(await got.text()).to.equal(text);
    const again = await fetch(url, { headers: { "If-None-Match": got.headers.get("etag")! } });
    expect(again.status).to.equal(304);
    const gone = await asAda.DELETE("/v1/events/{id}/attachments/{attachmentId}", { params: { path: { id: eventId, attachmentId: put.data!.id } } });
    expect(gone.response.status).to.equal(200);
    expect((await fetch(url)).status).to.equal(404);
  });

  it("serves its OpenAPI document and docs page", async () => {
    const doc = await fetch(`${base}/v1/openapi.json`);
    expect(doc.status).to.equal(200);
    expect(((await doc.json()) as { openapi: string }).openapi).to.equal("3.1.0");
    const page = await fetch(`${base}/docs`);
    expect(await page.text()).to.contain("/v1/auth/register");
  });
});
