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
import { natsUrl } from "../support/env.ts";
import { apiClient } from "./client.ts";

describe("e2e: make up's default, every service on embedded PGlite", function () {
  this.timeout(60_000);
  let running: Running;
  let dataDir: string;

  before(async function () {
    dataDir = mkdtempSync(join(tmpdir(), "convene-embedded-"));
    running = await run([identityService, eventsService, notificationsService, edgeService], { NATS_URL: natsUrl(), DATA_DIR: dataDir, HTTP_PORT: "0", LOG_LEVEL: "silent", SHUTDOWN_GRACE_MS: "1000" });
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
});
