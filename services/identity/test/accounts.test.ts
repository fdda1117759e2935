import { expect } from "chai";
import argon2 from "argon2";
import { call } from "../../kit/call.ts";
import { identity } from "../../../subjects/identity.ts";
import { fail, type Harness, newEmail, password, startIdentity, tokenOf } from "./support.ts";

const newEmail_ = () => newEmail("moved");
import { pruneExpired } from "../usecases/prune-expired.ts";

describe("identity: email verification, password reset, throttling, logout-all", function () {
  this.timeout(30_000);
  let h: Harness;
  const nc = () => h.svc.nats.nc;

  before(async () => {
    h = await startIdentity();
  });
  after(() => h.stop());

  describe("svc.identity.accounts.verify-email", () => {
    it("verifies the email with the token from evt.user.registered, once, and emits evt.user.email_verified", async () => {
      const u = await h.signUp();
      const registered = await h.event<{ userId: string; sealedVerificationToken?: string }>("evt.user.registered", (d) => d.userId === u.id);
      const token = tokenOf(registered);
      expect((await call(nc(), identity.accountsGet, {}, { principal: u.principal })).emailVerified).to.equal(false);
      expect(await call(nc(), identity.accountsVerifyEmail, { token })).to.deep.equal({ userId: u.id, email: u.email });
      expect((await call(nc(), identity.accountsGet, {}, { principal: u.principal })).emailVerified).to.equal(true);
      await h.event("evt.user.email_verified", (d: { userId: string }) => d.userId === u.id);
      const again = await fail(call(nc(), identity.accountsVerifyEmail, { token }));
      expect([again.code, again.status]).to.deep.equal(["invalid_token", 400]);
    });

    it("refuses a token nobody issued", async () => {
      expect((await fail(call(nc(), identity.accountsVerifyEmail, { token: "x".repeat(43) }))).code).to.equal("invalid_token");
    });
  });

  describe("svc.identity.password.forgot / password.reset", () => {
    it("answers an unknown email exactly like a known one and emits nothing for it", async () => {
      const unknown = newEmail();
      expect(await call(nc(), identity.passwordForgot, { email: unknown })).to.deep.equal({ ok: true });
      const u = await h.signUp();
      expect(await call(nc(), identity.passwordForgot, { email: u.email })).to.deep.equal({ ok: true });
      await h.event("evt.user.password_reset_requested", (d: { userId: string }) => d.userId === u.id);
      expect(h.events.some((e) => e.type === "evt.user.password_reset_requested" && (e.data as { email: string }).email === unknown)).to.equal(false);
    });

    it("sets the new password with the emailed token valid 1 hour, once, and revokes every session", async () => {
      const u = await h.signUp();
      const second = await call(nc(), identity.sessionsCreate, { email: u.email, password });
      await call(nc(), identity.passwordForgot, { email: u.email, ip: "198.51.100.1" });
      const requested = await h.event<{ userId: string; sealedToken: string; expiresAt: string; email: string; locale: string; timeZone: string }>(
        "evt.user.password_reset_requested",
        (d) => d.userId === u.id,
      );
      expect(requested.data).to.include({ email: u.email, locale: "en", timeZone: "UTC" });
      const ttl = Date.parse(requested.data.expiresAt) - Date.parse(requested.occurredAt);
      expect(ttl).to.be.within(3_599_000, 3_601_000);

      await call(nc(), identity.passwordReset, { token: tokenOf(requested), password: "a brand new passphrase" });
      for (const refreshToken of [u.refreshToken, second.refreshToken]) {
        expect((await fail(call(nc(), identity.sessionsRefresh, { refreshToken }))).status, "sessions from before the reset are revoked").to.equal(401);
      }
      expect((await fail(call(nc(), identity.sessionsCreate, { email: u.email, password }))).status).to.equal(401);
      expect((await call(nc(), identity.sessionsCreate, { email: u.email, password: "a brand new passphrase" })).user.id).to.equal(u.id);
      const reused = await fail(call(nc(), identity.passwordReset, { token: tokenOf(requested), password: "yet another passphrase" }));
      expect(reused.code).to.equal("invalid_token");
    });

    it("refuses a reset token older than an hour", async () => {
      const u = await h.signUp();
      await call(nc(), identity.passwordForgot, { email: u.email });
      const requested = await h.event<{ userId: string; sealedToken: string }>("evt.user.password_reset_requested", (d) => d.userId === u.id);
      await h.db("user_tokens").where({ user_id: u.id, purpose: "password_reset" }).update({ expires_at: new Date(Date.now() - 1000) });
      expect((await fail(call(nc(), identity.passwordReset, { token: tokenOf(requested), password: "a brand new passphrase" }))).code).to.equal(
        "invalid_token",
      );
    });
  });

  describe("svc.identity.password.change", () => {
    it("needs the current password, ends every session and opens a new one for the caller", async () => {
      const u = await h.signUp();
      const other = await call(nc(), identity.sessionsCreate, { email: u.email, password });
      const wrong = await fail(
        call(nc(), identity.passwordChange, { currentPassword: "not the password", newPassword: "a brand new passphrase" }, { principal: u.principal }),
      );
      expect([wrong.code, wrong.status]).to.deep.equal(["invalid_request", 400]);
      expect(wrong.message).to.contain("currentPassword");
      const short = await fail(call(nc(), identity.passwordChange, { currentPassword: password, newPassword: "short" }, { principal: u.principal }));
      expect(short.message).to.contain("newPassword");

      const tokens = await call(nc(), identity.passwordChange, { currentPassword: password, newPassword: "a brand new passphrase" }, {
        principal: u.principal,
      });
      expect(tokens.user.id).to.equal(u.id);
      for (const refreshToken of [u.refreshToken, other.refreshToken]) {
        expect((await fail(call(nc(), identity.sessionsRefresh, { refreshToken }))).status, "sessions from before the change are revoked").to.equal(401);
      }
      expect((await call(nc(), identity.sessionsRefresh, { refreshToken: tokens.refreshToken })).user.id, "the new session works").to.equal(u.id);
      expect((await fail(call(nc(), identity.sessionsCreate, { email: u.email, password }))).status).to.equal(401);
      expect((await call(nc(), identity.sessionsCreate, { email: u.email, password: "a brand new passphrase" })).user.id).to.equal(u.id);
    });

    it("counts wrong current passwords like failed logins: the 11th within a minute is 429", async () => {
      const u = await h.signUp();
      for (let i = 0; i < 10; i++) {
        await fail(call(nc(), identity.passwordChange, { currentPassword: `guess ${i}`, newPassword: "a brand new passphrase" }, { principal: u.principal }));
      }
      const limited = await fail(
        call(nc(), identity.passwordChange, { currentPassword: password, newPassword: "a brand new passphrase" }, { principal: u.principal }),
      );
      expect([limited.code, limited.status]).to.deep.equal(["rate_limited", 429]);
    });

    it("refuses an anonymous caller", async () => {
      expect((await fail(call(nc(), identity.passwordChange, { currentPassword: password, newPassword: "a brand new passphrase" }))).status).to.equal(401);
    });
  });

  describe("svc.identity.email.change / email.confirm", () => {
    it("moves the account to the new address only once its link is followed, with the password, and only the newest link", async () => {
      const u = await h.signUp();
      const newEmail = newEmail_();
      const wrong = await fail(call(nc(), identity.emailChange, { newEmail, currentPassword: "not the password" }, { principal: u.principal }));
      expect([wrong.status, wrong.message]).to.deep.equal([400, "currentPassword: is not this account's password"]);
      expect((await fail(call(nc(), identity.emailChange, { newEmail }, { principal: u.principal }))).status, "the password is required").to.equal(400);
      const other = await h.signUp();
      expect((await fail(call(nc(), identity.emailChange, { newEmail: other.email, currentPassword: password }, { principal: u.principal }))).status).to.equal(
        409,
      );

      await call(nc(), identity.emailChange, { newEmail: newEmail.toUpperCase(), currentPassword: password }, { principal: u.principal });
      const first = await h.event<{ userId: string; newEmail: string; sealedToken: string; email: string }>(
        "evt.user.email_change_requested",
        (d) => d.userId === u.id,
      );
      expect(first.data).to.include({ email: u.email, newEmail });
      // Each request mails a stranger's address: one a minute.
      const soon = await fail(call(nc(), identity.emailChange, { newEmail, currentPassword: password }, { principal: u.principal }));
      expect([soon.code, soon.status]).to.deep.equal(["rate_limited", 429]);
      await h.db("user_tokens").where({ user_id: u.id, purpose: "email_change" }).update({ created_at: new Date(Date.now() - 61_000) });
      // A reset link mailed to the old address before the move must die with it.
      await call(nc(), identity.passwordForgot, { email: u.email });
      const reset = await h.event<{ userId: string; sealedToken: string }>("evt.user.password_reset_requested", (d) => d.userId === u.id);
      await call(nc(), identity.emailChange, { newEmail, currentPassword: password }, { principal: u.principal });
      const second = await h.event<{ userId: string; sealedToken: string }>(
        "evt.user.email_change_requested",
        (d) => d.userId === u.id && d.sealedToken !== first.data.sealedToken,
      );
      // Until the link is followed nothing changes.
      expect((await call(nc(), identity.accountsGet, {}, { principal: u.principal })).email).to.equal(u.email);
      expect((await fail(call(nc(), identity.emailConfirm, { token: tokenOf(first) }))).code, "an older link is dead").to.equal("invalid_token");

      expect(await call(nc(), identity.emailConfirm, { token: tokenOf(second) })).to.deep.equal({ userId: u.id, email: newEmail });
      expect(await call(nc(), identity.accountsGet, {}, { principal: u.principal })).to.include({ email: newEmail, emailVerified: true });
      expect((await h.event<{ userId: string; email: string }>("evt.user.profile_updated", (d) => d.userId === u.id && d.email === newEmail)).data.email).to
        .equal(newEmail);
      expect((await call(nc(), identity.sessionsCreate, { email: newEmail, password })).user.id).to.equal(u.id);
      expect((await fail(call(nc(), identity.sessionsCreate, { email: u.email, password }))).status).to.equal(401);
      expect((await fail(call(nc(), identity.emailConfirm, { token: tokenOf(second) }))).code).to.equal("invalid_token");
      expect((await fail(call(nc(), identity.passwordReset, { token: tokenOf(reset), password: "taken over passphrase" }))).code).to.equal("invalid_token");
    });

    it("asks an account without a password to set one first", async () => {
      const u = await h.signUp();
      await h.db("users").where({ id: u.id }).update({ password_hash: null });
      const refused = await fail(call(nc(), identity.emailChange, { newEmail: newEmail_() }, { principal: u.principal }));
      expect(refused.status).to.equal(409);
      expect(refused.message).to.contain("password reset");
    });

    it("drops a pending change when the password changes (the owner taking the account back)", async () => {
      const u = await h.signUp();
      await call(nc(), identity.emailChange, { newEmail: newEmail_(), currentPassword: password }, { principal: u.principal });
      const requested = await h.event<{ userId: string; sealedToken: string }>("evt.user.email_change_requested", (d) => d.userId === u.id);
      await call(nc(), identity.passwordChange, { currentPassword: password, newPassword: "a brand new passphrase" }, { principal: u.principal });
      expect((await fail(call(nc(), identity.emailConfirm, { token: tokenOf(requested) }))).code).to.equal("invalid_token");
      expect((await call(nc(), identity.accountsGet, {}, { principal: u.principal })).email).to.equal(u.email);
    });

    it("refuses the change when someone signed up with the address meanwhile", async () => {
      const u = await h.signUp();
      const wanted = newEmail_();
      await call(nc(), identity.emailChange, { newEmail: wanted, currentPassword: password }, { principal: u.principal });
      const requested = await h.event<{ userId: string; sealedToken: string }>("evt.user.email_change_requested", (d) => d.userId === u.id);
      await h.signUp({ email: wanted });
      expect((await fail(call(nc(), identity.emailConfirm, { token: tokenOf(requested) }))).status).to.equal(409);
      expect((await call(nc(), identity.accountsGet, {}, { principal: u.principal })).email).to.equal(u.email);
    });
  });

  describe("svc.identity.accounts.resend-verification", () => {
    it("emits a new link that replaces the first, at most one a minute, and nothing once verified", async () => {
      const u = await h.signUp();
      const first = tokenOf(await h.event<{ userId: string }>("evt.user.registered", (d) => d.userId === u.id));
      // The registration's own link was sent just now: a resend waits its minute.
      const early = await fail(call(nc(), identity.accountsResendVerification, {}, { principal: u.principal }));
      expect([early.code, early.status]).to.deep.equal(["rate_limited", 429]);
      await h.db("user_tokens").where({ user_id: u.id, purpose: "verify_email" }).update({ created_at: new Date(Date.now() - 61_000) });

      expect(await call(nc(), identity.accountsResendVerification, {}, { principal: u.principal })).to.deep.equal({ sent: true });
      const requested = await h.event<{ userId: string; email: string; sealedToken: string; expiresAt: string }>(
        "evt.user.verification_requested",
        (d) => d.userId === u.id,
      );
      expect(requested.data.email).to.equal(u.email);
      expect(Date.parse(requested.data.expiresAt) - Date.parse(requested.occurredAt)).to.be.within(7 * 86_400_000 - 1_000, 7 * 86_400_000 + 1_000);
      expect((await fail(call(nc(), identity.accountsVerifyEmail, { token: first }))).code, "the first link is dead").to.equal("invalid_token");
      expect(await call(nc(), identity.accountsVerifyEmail, { token: tokenOf(requested) })).to.deep.equal({ userId: u.id, email: u.email });

      await h.db("user_tokens").where({ user_id: u.id, purpose: "verify_email" }).update({ created_at: new Date(Date.now() - 61_000) });
      expect(await call(nc(), identity.accountsResendVerification, {}, { principal: u.principal })).to.deep.equal({ sent: false });
      expect(h.events.filter((e) => e.type === "evt.user.verification_requested" && (e.data as { userId: string }).userId === u.id)).to.have.length(1);
    });
  });

  describe("login throttling", () => {
    it("answers the 11th failure on one account within a minute with 429 and retryAfterSeconds, even with the right password", async () => {
      const u = await h.signUp();
      for (let i = 0; i < 10; i++) {
        const err = await fail(call(nc(), identity.sessionsCreate, { email: u.email, password: `wrong password ${i}`, ip: `192.0.2.${i}` }));
        expect(err.status, `attempt ${i + 1}`).to.equal(401);
      }
      const limited = await fail(call(nc(), identity.sessionsCreate, { email: u.email, password, ip: "192.0.2.200" }));
      expect([limited.code, limited.status]).to.deep.equal(["rate_limited", 429]);
      const { retryAfterSeconds } = limited.details as { retryAfterSeconds: number };
      expect(retryAfterSeconds).to.be.within(1, 60);
    });

    it("limits one IP trying many accounts", async () => {
      const ip = "203.0.113.99";
      for (let i = 0; i < 10; i++) await fail(call(nc(), identity.sessionsCreate, { email: newEmail("spray"), password, ip }));
      const u = await h.signUp();
      const limited = await fail(call(nc(), identity.sessionsCreate, { email: u.email, password, ip }));
      expect(limited.status).to.equal(429);
      expect((await call(nc(), identity.sessionsCreate, { email: u.email, password, ip: "203.0.113.100" })).user.id, "another IP is not limited").to.equal(
        u.id,
      );
    });
  });

  describe("password hashing", () => {
    it("rehashes a weaker argon2 hash at login to m=19456, t=2, p=1", async () => {
      const u = await h.signUp();
      const weak = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 8192, timeCost: 1, parallelism: 1 });
      await h.db("users").where({ id: u.id }).update({ password_hash: weak });
      await call(nc(), identity.sessionsCreate, { email: u.email, password });
      const { password_hash } = await h.db("users").where({ id: u.id }).first("password_hash");
      expect(password_hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), password_hash).to.equal(true);
    });
  });

  describe("svc.identity.sessions.delete-all", () => {
    it("ends every session of the caller and none of anyone else's", async () => {
      const u = await h.signUp();
      const other = await h.signUp();
      const phone = await call(nc(), identity.sessionsCreate, { email: u.email, password });
      expect(await call(nc(), identity.sessionsDeleteAll, {}, { principal: u.principal })).to.deep.equal({ revokedSessions: 2 });
      for (const refreshToken of [u.refreshToken, phone.refreshToken]) {
        expect((await fail(call(nc(), identity.sessionsRefresh, { refreshToken }))).status).to.equal(401);
      }
      expect((await call(nc(), identity.sessionsRefresh, { refreshToken: other.refreshToken })).user.id).to.equal(other.id);
      expect((await fail(call(nc(), identity.sessionsDeleteAll, {}))).status, "anonymous").to.equal(401);
    });
  });
});

describe("identity: pruning rows that outlived their use", function () {
  this.timeout(30_000);
  let h: Harness;
  before(async () => {
    h = await startIdentity();
  });
  after(() => h.stop());

  it("deletes expired and used tokens, old attempts and expired sessions a day on, and keeps live ones", async () => {
    const u = await h.signUp();
    const now = Date.now();
    const ago = (ms: number) => new Date(now - ms);
    const day = 86_400_000;
    await h.db("user_tokens").insert([
      { token_hash: `old-expired-${u.id}`, user_id: u.id, purpose: "password_reset", expires_at: ago(2 * day) },
      { token_hash: `old-used-${u.id}`, user_id: u.id, purpose: "verify_email", expires_at: new Date(now + day), used_at: ago(2 * day) },
      { token_hash: `fresh-expired-${u.id}`, user_id: u.id, purpose: "password_reset", expires_at: ago(60_000) },
      { token_hash: `live-${u.id}`, user_id: u.id, purpose: "password_reset", expires_at: new Date(now + 3_600_000) },
    ]);
    await h.db("attempts").insert([
      { key: `acct:old-${u.id}`, at: ago(2 * 3_600_000) },
      { key: `acct:new-${u.id}`, at: ago(30_000) },
    ]);
    await h.db("sessions").where({ user_id: u.id }).update({ expires_at: ago(2 * day) });

    const deleted = await pruneExpired({ db: h.db, now: () => new Date() });
    expect(deleted.user_tokens).to.be.at.least(2);
    const tokens = (await h.db("user_tokens").where({ user_id: u.id }).select("token_hash")).map((r: { token_hash: string }) => r.token_hash);
    expect(tokens).to.include.members([`fresh-expired-${u.id}`, `live-${u.id}`]);
    expect(tokens).to.not.include.members([`old-expired-${u.id}`]);
    expect(tokens).to.not.include(`old-used-${u.id}`);
    expect((await h.db("attempts").where("key", "like", `acct:%-${u.id}`).select("key")).map((r: { key: string }) => r.key)).to.deep.equal([
      `acct:new-${u.id}`,
    ]);
    expect(await h.db("sessions").where({ user_id: u.id }).count({ n: "*" }).first().then((r) => Number(r?.n))).to.equal(0);
    // The account itself and its sign-in are untouched.
    expect((await call(h.svc.nats.nc, identity.sessionsCreate, { email: u.email, password })).user.id).to.equal(u.id);
  });
});
