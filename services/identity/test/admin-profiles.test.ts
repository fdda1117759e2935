import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { call } from "../../kit/call.ts";
import { identity } from "../../../subjects/identity.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { fail, type Harness, newEmail, password, startIdentity, tokenOf } from "./support.ts";
import { createDatabase, type TestPostgres } from "../../../test/support/postgres.ts";

describe("identity: administration and profiles", function () {
  this.timeout(30_000);
  let h: Harness;
  const nc = () => h.svc.nats.nc;
  const adminEmail = newEmail("boss");
  let admin: Principal;

  before(async () => {
    h = await startIdentity();
    admin = { sub: await h.registerAdmin(adminEmail), roles: ["admin", "participant"] };
  });
  after(() => h.stop());

  describe("roles", () => {
    it("makes everyone who signs up a participant", async () => {
      expect((await h.signUp()).principal.roles).to.deep.equal(["participant"]);
    });
  });

  describe("svc.identity.users.list", () => {
    it("searches by email or name, newest first, page by page with a cursor", async () => {
      const tag = randomUUID().slice(0, 8);
      const made = [];
      for (let i = 0; i < 5; i++) made.push(await h.signUp({ displayName: `Searchable ${tag} ${i}` }));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(nc(), identity.usersList, { query: tag, limit: 2, ...(cursor ? { cursor } : {}) }, { principal: admin });
        expect(page.items.length).to.be.at.most(2);
        seen.push(...page.items.map((u) => u.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).to.deep.equal(made.map((u) => u.id).reverse());
      const byEmail = await call(nc(), identity.usersList, { query: made[2].email.toUpperCase() }, { principal: admin });
      expect(byEmail.items.map((u) => u.id)).to.deep.equal([made[2].id]);
      expect(byEmail.items[0]).to.include({ email: made[2].email, status: "active", emailVerified: false, totpEnabled: false });
    });

    it("filters by role and status", async () => {
      const admins = await call(nc(), identity.usersList, { role: "admin", limit: 100 }, { principal: admin });
      expect(admins.items.every((u) => u.roles.includes("admin"))).to.equal(true);
      expect(admins.items.map((u) => u.id)).to.include(admin.sub);
    });

    it("refuses participants, anonymous callers and an admin demoted since their token was issued", async () => {
      const user = await h.signUp();
      expect((await fail(call(nc(), identity.usersList, {}, { principal: user.principal }))).status).to.equal(403);
      expect((await fail(call(nc(), identity.usersList, {}))).status).to.equal(401);
      // The principal claims admin (an old token); the database says otherwise.
      expect((await fail(call(nc(), identity.usersList, {}, { principal: { sub: user.id, roles: ["admin"] } }))).status).to.equal(403);
    });
  });

  describe("svc.identity.users.set-roles", () => {
    it("changes roles, emits evt.user.role_changed once, and new tokens carry them", async () => {
      const u = await h.signUp();
      const updated = await call(nc(), identity.usersSetRoles, { userId: u.id, roles: ["participant", "organizer"] }, { principal: admin });
      expect(updated.roles).to.deep.equal(["organizer", "participant"]);
      const changed = await h.event<{ userId: string; roles: string[]; by: string }>("evt.user.role_changed", (d) => d.userId === u.id);
      expect(changed.data).to.deep.equal({ userId: u.id, roles: ["organizer", "participant"], by: admin.sub });
      await call(nc(), identity.usersSetRoles, { userId: u.id, roles: ["organizer", "participant"] }, { principal: admin });
      expect((await call(nc(), identity.sessionsRefresh, { refreshToken: u.refreshToken })).user.roles).to.deep.equal(["organizer", "participant"]);
      await call(nc(), identity.usersDeactivate, { userId: u.id }, { principal: admin });
      await h.event("evt.user.deactivated", (d: { userId: string }) => d.userId === u.id);
      expect(h.events.filter((e) => e.type === "evt.user.role_changed" && (e.data as { userId: string }).userId === u.id)).to.have.length(1);
    });

    it("refuses to let an admin drop their own admin role", async () => {
      const err = await fail(call(nc(), identity.usersSetRoles, { userId: admin.sub, roles: ["participant"] }, { principal: admin }));
      expect(err.status).to.equal(403);
    });
  });

  describe("svc.identity.users.deactivate / reactivate", () => {
    it("stops a deactivated user from logging in and refreshing, then lets them back in after reactivation", async () => {
      const u = await h.signUp();
      const d = await call(nc(), identity.usersDeactivate, { userId: u.id }, { principal: admin });
      expect(d.status).to.equal("deactivated");
      expect(await h.event("evt.user.deactivated", (x: { userId: string }) => x.userId === u.id).then((e) => e.data)).to.deep.equal({
        userId: u.id,
        by: admin.sub,
      });
      const login = await fail(call(nc(), identity.sessionsCreate, { email: u.email, password }));
      expect([login.code, login.status]).to.deep.equal(["account_deactivated", 403]);
      expect((await fail(call(nc(), identity.sessionsRefresh, { refreshToken: u.refreshToken }))).status).to.equal(401);
      expect(
        (await fail(call(nc(), identity.profilesUpdate, { bio: "still here" }, { principal: u.principal }))).code,
        "a live access token cannot change state",
      ).to.equal("account_deactivated");
      expect((await fail(call(nc(), identity.profilesGet, { userId: u.id }))).status, "the public profile is gone").to.equal(404);

      await call(nc(), identity.usersReactivate, { userId: u.id }, { principal: admin });
      await h.event("evt.user.reactivated", (x: { userId: string }) => x.userId === u.id);
      expect((await call(nc(), identity.sessionsCreate, { email: u.email, password })).user.id).to.equal(u.id);
    });

    it("refuses to let an admin deactivate themselves", async () => {
      expect((await fail(call(nc(), identity.usersDeactivate, { userId: admin.sub }, { principal: admin }))).status).to.equal(403);
    });
  });

  describe("svc.identity.profiles.update / profiles.get", () => {
    it("updates the caller's profile, validates the time zone against Intl and emits evt.user.profile_updated", async () => {
      const u = await h.signUp();
      const me = await call(nc(), identity.profilesUpdate, {
        displayName: "Ada L.",
        bio: "Engines.",
        avatarUrl: "https://cdn.example.org/a.png",
        locale: "ru",
        timeZone: "Asia/Kolkata",
      }, { principal: u.principal });
      expect(me).to.include({
        displayName: "Ada L.",
        bio: "Engines.",
        avatarUrl: "https://cdn.example.org/a.png",
        locale: "ru",
        timeZone: "Asia/Kolkata",
        email: u.email,
      });
      const e = await h.event<{ userId: string }>("evt.user.profile_updated", (d) => d.userId === u.id);
      expect(e.data).to.deep.equal({ userId: u.id, email: u.email, displayName: "Ada L.", locale: "ru", timeZone: "Asia/Kolkata" });
      const bad = await fail(call(nc(), identity.profilesUpdate, { timeZone: "Europe/Atlantis" }, { principal: u.principal }));
      expect([bad.status, bad.message]).to.deep.equal([400, "timeZone: unknown time zone Europe/Atlantis"]);
      const cleared = await call(nc(), identity.profilesUpdate, { bio: null }, { principal: u.principal });
      expect(cleared.bio).to.equal(null);
    });

    it("emits nothing when only the bio or avatar changes (notifications keep name, locale and zone)", async () => {
      const u = await h.signUp();
      await call(nc(), identity.profilesUpdate, { bio: "quiet change" }, { principal: u.principal });
      await call(nc(), identity.profilesUpdate, { displayName: "Loud change" }, { principal: u.principal });
      await h.event("evt.user.profile_updated", (d: { userId: string; displayName: string }) => d.userId === u.id && d.displayName === "Loud change");
      expect(h.events.filter((e) => e.type === "evt.user.profile_updated" && (e.data as { userId: string }).userId === u.id)).to.have.length(1);
    });

    it("shows another user's public profile without their email, locale, time zone or roles", async () => {
      const u = await h.signUp();
      await call(nc(), identity.profilesUpdate, { bio: "Public bio", timeZone: "Europe/Paris" }, { principal: u.principal });
      const viewer = await h.signUp();
      const profile = await call(nc(), identity.profilesGet, { userId: u.id }, { principal: viewer.principal });
      expect(Object.keys(profile).sort()).to.deep.equal(["avatarUrl", "bio", "createdAt", "displayName", "followers", "following", "id"]);
      expect(JSON.stringify(profile)).to.not.contain(u.email);
      expect(profile.bio).to.equal("Public bio");
    });

    it("answers me with the caller's own account only, whoever else exists", async () => {
      const a = await h.signUp();
      const b = await h.signUp();
      const me = await call(nc(), identity.accountsGet, {}, { principal: b.principal });
      expect(me.id).to.equal(b.id);
      expect(JSON.stringify(me)).to.not.contain(a.email);
    });
  });
});

// A database of its own: the bootstrap address makes the first admin of a database, and only it.
describe("identity: BOOTSTRAP_ADMIN_EMAIL", function () {
  this.timeout(30_000);
  let h: Harness;
  let pg: TestPostgres;
  const bootstrap = newEmail("root");
  const nc = () => h.svc.nats.nc;

  before(async () => {
    pg = await createDatabase("convene_bootstrap");
    h = await startIdentity({ BOOTSTRAP_ADMIN_EMAIL: bootstrap, DATABASE_URL: pg.url });
  });
  after(async () => {
    await h?.stop();
    await pg?.drop();
  });

  it("makes the first account with it an admin once the address is verified, and nobody who takes the address once it is free", async () => {
    const unverified = await h.signUp({ email: bootstrap });
    expect(unverified.principal.roles, "registering the address proves nothing").to.deep.equal(["participant"]);
    const registered = await h.event<{ userId: string }>("evt.user.registered", (d) => d.userId === unverified.id);
    await call(nc(), identity.accountsVerifyEmail, { token: tokenOf(registered) });
    await h.event<{ userId: string; roles: string[] }>("evt.user.role_changed", (d) => d.userId === unverified.id && d.roles.includes("admin"));
    const tokens = await call(nc(), identity.sessionsCreate, { email: bootstrap, password });
    expect(tokens.user.roles).to.deep.equal(["admin", "participant"]);
    const root = { ...unverified, principal: { sub: unverified.id, roles: tokens.user.roles } };
    expect((await h.signUp()).principal.roles).to.deep.equal(["participant"]);
    // The admin moves to another address; the bootstrap one is free again.
    await call(nc(), identity.emailChange, { newEmail: newEmail("root-moved"), currentPassword: password }, { principal: root.principal });
    const requested = await h.event<{ userId: string }>("evt.user.email_change_requested", (d) => d.userId === root.id);
    await call(nc(), identity.emailConfirm, { token: tokenOf(requested) });
    const taker = await h.signUp({ email: bootstrap });
    expect(taker.principal.roles).to.deep.equal(["participant"]);
  });
});
