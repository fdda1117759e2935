/**
 * What `make up` runs: every service in one process on embedded PGlite (no DATABASE_URL), one
 * connection per service. A read outside a transaction that holds that connection waits for it
 * forever there, while Postgres (a pool) hides the mistake: the other end-to-end tests run on
 * Postgres, so the embedded default gets its own walk through the main paths.
 */
import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { run, type Running } from "../../services/kit/run.ts";
import { identityService } from "../../services/identity/index.ts";
import { edgeService } from "../../services/edge/index.ts";
import { notificationsService } from "../../services/notifications/index.ts";
import { eventsService } from "../../services/events/index.ts";
import { bookingsService } from "../../services/bookings/index.ts";
import { eventually } from "../support/eventually.ts";
import { natsEnv } from "../support/env.ts";
import { apiClient } from "./client.ts";

describe("e2e: make up's default, every service on embedded PGlite", function () {
  this.timeout(60_000);
  let running: Running;
  let dataDir: string;

  before(async function () {
    dataDir = mkdtempSync(join(tmpdir(), "convene-embedded-"));
    running = await run([identityService, eventsService, bookingsService, notificationsService, edgeService], {
      ...natsEnv(),
      DATA_DIR: dataDir,
      HTTP_PORT: "0",
      LOG_LEVEL: "silent",
      SHUTDOWN_GRACE_MS: "1000",
      TRUST_PROXY: "true",
    });
  });
  after(async function () {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("signs up, logs in, refreshes, changes the password, creates, finds and reads an event", async () => {
    const api = apiClient(running.url, { ip: "198.19.0.7" });
    const email = `embedded+${randomUUID()}@example.org`;
    const password = "correct horse battery staple";
    expect((await api.POST("/v1/auth/register", { body: { email, password, displayName: "Ada" } })).response.status).to.equal(201);
    const login = await api.POST("/v1/auth/login", { body: { email, password } });
    expect(login.response.status, JSON.stringify(login.error)).to.equal(200);
    const refreshed = await api.POST("/v1/auth/refresh", { body: { refreshToken: login.data!.refreshToken } });
    expect(refreshed.response.status, JSON.stringify(refreshed.error)).to.equal(200);
    const me = apiClient(running.url, { ip: "198.19.0.7", token: refreshed.data!.accessToken });
    expect((await me.GET("/v1/me")).data!.email).to.equal(email);
    const changed = await me.POST("/v1/me/password", { body: { currentPassword: password, newPassword: "a brand new passphrase" } });
    expect(changed.response.status, JSON.stringify(changed.error)).to.equal(200);

    const author = apiClient(running.url, { ip: "198.19.0.7", token: changed.data!.accessToken });
    const startsAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 5 * 86_400_000 + 3_600_000).toISOString();
    const word = `pglite${randomUUID().slice(0, 8)}`;
    const created = await author.POST("/v1/events", { body: { title: `Embedded ${word}`, startsAt, endsAt, timeZone: "UTC", publish: true } });
    expect(created.response.status, JSON.stringify(created.error)).to.equal(201);
    const found = await api.GET("/v1/events", { params: { query: { q: word } } });
    expect(found.data!.items.map((e) => e.id)).to.deep.equal([created.data!.id]);
    expect((await api.GET("/v1/events/{id}", { params: { path: { id: created.data!.id } } })).data!.title).to.equal(`Embedded ${word}`);
    expect((await author.GET("/v1/me/notifications")).response.status).to.equal(200);
  });

  it("answers every other kind of call too: follows, organizations, two-factor, event changes, calendars, notification settings", async () => {
    const ip = "198.19.0.8";
    const password = "correct horse battery staple";
    const signUp = async (name: string) => {
      const email = `embedded+${name}-${randomUUID()}@example.org`;
      await apiClient(running.url, { ip }).POST("/v1/auth/register", { body: { email, password, displayName: name } });
      const login = await apiClient(running.url, { ip }).POST("/v1/auth/login", { body: { email, password } });
      expect(login.response.status, JSON.stringify(login.error)).to.equal(200);
      return { id: login.data!.user.id, email, api: apiClient(running.url, { ip, token: login.data!.accessToken }) };
    };
    const ada = await signUp("ada");
    const bob = await signUp("bob");
    const ok = (res: { response: Response; error?: unknown }, what: string) =>
      expect(res.response.status, `${what}: ${JSON.stringify(res.error)}`).to.be.below(400);

    ok(await bob.api.POST("/v1/users/{id}/follow", { params: { path: { id: ada.id } } }), "follow");
    ok(await ada.api.GET("/v1/users/{id}/followers", { params: { path: { id: ada.id } } }), "followers");
    const org = await ada.api.POST("/v1/orgs", { body: { name: `Embedded ${randomUUID().slice(0, 6)}` } });
    ok(org, "org create");
    ok(await ada.api.POST("/v1/orgs/{id}/invitations", { params: { path: { id: org.data!.id } }, body: { email: bob.email, role: "member" } }), "invite");
    ok(await ada.api.GET("/v1/orgs/{id}/members", { params: { path: { id: org.data!.id } } }), "members");
    const enrol = await ada.api.POST("/v1/auth/totp/enrol", { body: { password } });
    ok(enrol, "totp enrol");

    const startsAt = new Date(Date.now() + 6 * 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 6 * 86_400_000 + 3_600_000).toISOString();
    const created = await ada.api.POST("/v1/events", { body: { title: "Embedded changes", startsAt, endsAt, timeZone: "UTC", publish: true } });
    ok(created, "create");
    const id = created.data!.id;
    ok(
      await ada.api.PATCH("/v1/events/{id}", {
        params: { path: { id } },
        body: { startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString() },
      }),
      "update",
    );
    ok(await ada.api.GET("/v1/events/{id}/history", { params: { path: { id } } }), "history");
    ok(await bob.api.GET("/v1/events/{id}/calendar.ics", { params: { path: { id } }, parseAs: "text" }), "ics");
    ok(await bob.api.POST("/v1/events/{id}/follow", { params: { path: { id } } }), "event follow");
    ok(await bob.api.GET("/v1/feeds/{kind}", { params: { path: { kind: "following" } } }), "feed");
    ok(await ada.api.POST("/v1/events/{id}/cancel", { params: { path: { id } }, body: { reason: "testing" } }), "cancel");

    const prefs = await bob.api.GET("/v1/me/notification-preferences");
    ok(prefs, "preferences");
    ok(await bob.api.PUT("/v1/me/notification-preferences", { body: { ...prefs.data!, digest: true } }), "preferences set");
    ok(await bob.api.POST("/v1/me/devices", { body: { token: `tok-${randomUUID()}`, platform: "android" } }), "device");
    // The fan-out ran on PGlite too: bob follows ada, so her event reached his inbox.
    let unread = 0;
    for (let i = 0; i < 100 && unread === 0; i++) {
      const count = await bob.api.GET("/v1/me/notifications/unread-count");
      ok(count, "unread");
      unread = count.data!.unread;
      if (!unread) await new Promise((r) => setTimeout(r, 100));
    }
    expect(unread).to.be.at.least(1);
    ok(await bob.api.POST("/v1/me/notifications/read-all"), "read all");
    ok(await bob.api.POST("/v1/me/email", { body: { newEmail: `moved-${randomUUID()}@example.org`, currentPassword: password } }), "email change");
    ok(await apiClient(running.url, { ip }).POST("/v1/auth/password/forgot", { body: { email: bob.email } }), "forgot");
    ok(await bob.api.POST("/v1/auth/logout-all"), "logout all");
  });
  it("books on the embedded database: a batch of reservations, tickets, sales, the CSV and a cancellation", async () => {
    const api = apiClient(running.url, { ip: "198.19.0.8" });
    const password = "correct horse battery staple";
    const tokenOf = async (name: string) => {
      const email = `${name}+${randomUUID()}@example.org`;
      expect((await api.POST("/v1/auth/register", { body: { email, password, displayName: name } })).response.status).to.equal(201);
      return (await api.POST("/v1/auth/login", { body: { email, password } })).data!.accessToken;
    };
    const organizerToken = await tokenOf("olga");
    const organizer = apiClient(running.url, { ip: "198.19.0.8", token: organizerToken });
    const guest = await tokenOf("gita");
    const startsAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const created = await organizer.POST("/v1/events", {
      body: {
        title: "Embedded sale",
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
        timeZone: "UTC",
        capacity: 10,
        publish: true,
      },
    });
    const eventId = created.data!.id;
    const book = (seats: number) =>
      fetch(`${running.url}/v1/bookings`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${guest}`, "idempotency-key": randomUUID(), "x-forwarded-for": "198.19.0.8" },
        body: JSON.stringify({ eventId, seats }),
      });
    await eventually(
      "the event open for booking",
      async () => (await organizer.GET("/v1/events/{id}/availability", { params: { path: { id: eventId } } })).response.status === 200,
    );
    // Several at once, so the inventory commits them as one batch on the single embedded connection.
    const replies = await Promise.all([3, 3, 3, 3].map(async (n) => {
      const r = await book(n);
      return { status: r.status, body: (await r.json()) as { id: string; tickets: unknown[] } };
    }));
    const booked = replies.filter((r) => r.status === 201);
    expect(booked).to.have.length(3);
    expect(replies.filter((r) => r.status === 409)).to.have.length(1);
    expect(booked.every((r) => r.body.tickets.length === 3)).to.equal(true);
    const sales = await organizer.GET("/v1/events/{id}/sales", { params: { path: { id: eventId } } });
    expect(sales.data!.days.reduce((n, d) => n + d.tickets, 0)).to.equal(9);
    const csv = await fetch(`${running.url}/v1/events/${eventId}/registrations.csv`, {
      headers: { authorization: `Bearer ${organizerToken}`, "x-forwarded-for": "198.19.0.8" },
    });
    expect((await csv.text()).split("\r\n").filter(Boolean)).to.have.length(1 + 9);
    const cancelled = await fetch(`${running.url}/v1/bookings/${booked[0].body.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${guest}`, "x-forwarded-for": "198.19.0.8" },
    });
    expect(cancelled.status).to.equal(200);
    const left = await organizer.GET("/v1/events/{id}/availability", { params: { path: { id: eventId } } });
    expect(left.data!.remaining).to.equal(4);
  });
});
