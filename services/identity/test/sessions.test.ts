import { expect } from "chai";
import { createHmac, randomUUID } from "node:crypto";
import { createLocalJWKSet, importJWK, jwtVerify, type JWTVerifyGetKey, SignJWT } from "jose";
import { run, type Running } from "../../kit/run.ts";
import { call } from "../../kit/call.ts";
import { AppError } from "../../kit/errors.ts";
import { identity } from "../../../subjects/identity.ts";
import { identityService } from "../index.ts";
import { databaseUrl, natsEnv, testNats } from "../../../test/support/env.ts";

const env = () => ({ ...natsEnv(), DATABASE_URL: databaseUrl(), HTTP_PORT: "0", LOG_LEVEL: "silent", SERVICES: "identity" });
const newEmail = () => `ada+${randomUUID()}@example.org`;
const password = "correct horse battery staple";
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

describe("identity: accounts and sessions", function () {
  this.timeout(30_000);
  let svc: Running;
  let jwks: JWTVerifyGetKey;
  const verify = (token: string) => jwtVerify(token, jwks, { algorithms: ["ES256"], issuer: "convene", audience: "convene-api", typ: "at+jwt" });
  const nc = () => svc.nats.nc;
  const fail = async (p: Promise<unknown>) => (await p.then(() => undefined, (e: unknown) => e)) as AppError;

  before(async () => {
    const running = await run([identityService], env(), { listen: false });
    // The test's own connection (superuser, minting principals) stands in for the service's.
    svc = { ...running, nats: await testNats("identity-sessions-test") };
    jwks = createLocalJWKSet((await call(nc(), identity.keysList, {})) as never);
  });
  after(async () => {
    await svc.nats.nc.close();
    await svc.stop();
  });

  describe("svc.identity.accounts.register", () => {
    it("stores the password as argon2id with OWASP parameters (m=19456 KiB, t=2, p=1)", async () => {
      const email = newEmail();
      const account = await call(nc(), identity.accountsRegister, { email, password, displayName: "Ada" });
      const row = await svc.dbs.get("identity")!("users").where({ id: account.id }).first("password_hash");
      expect(String(row.password_hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), row.password_hash).to.equal(true);
      expect(account.roles).to.deep.equal(["participant"]);
    });

    it("refuses a second account for the same email in another case", async () => {
      const email = newEmail();
      await call(nc(), identity.accountsRegister, { email, password, displayName: "Ada" });
      const err = await fail(call(nc(), identity.accountsRegister, { email: email.toUpperCase(), password, displayName: "Ada again" }));
      expect([err.code, err.status]).to.deep.equal(["conflict", 409]);
    });

    it("refuses a short password and an unknown time zone, naming the field", async () => {
      const short = await fail(call(nc(), identity.accountsRegister, { email: newEmail(), password: "short", displayName: "Ada" }));
      expect([short.status, short.message]).to.deep.equal([400, "password: must NOT have fewer than 10 characters"]);
      const tz = await fail(call(nc(), identity.accountsRegister, { email: newEmail(), password, displayName: "Ada", timeZone: "Mars/Olympus" }));
      expect(tz.status).to.equal(400);
      expect(tz.message).to.contain("timeZone");
    });

    it("announces evt.user.registered through the outbox, with contact details and no password", async () => {
      const email = newEmail();
      const account = await call(nc(), identity.accountsRegister, { email, password, displayName: "Grace", locale: "ru", timeZone: "Europe/Moscow" });
      const until = Date.now() + 5_000;
      let data: Record<string, unknown> | undefined;
      while (!data && Date.now() < until) {
        const m = await svc.nats.jsm.streams.getMessage("EVENTS", { last_by_subj: "evt.user.registered" }).catch(() => null);
        const env = m?.json<{ data: Record<string, unknown> }>();
        if (env?.data.userId === account.id) data = env.data;
        else await new Promise((r) => setTimeout(r, 50));
      }
      const { sealedVerificationToken, ...rest } = data!;
      expect(rest).to.deep.equal({ userId: account.id, email, displayName: "Grace", locale: "ru", timeZone: "Europe/Moscow", roles: ["participant"] });
      // The verification token travels only sealed for the mail sender (kit/link-seal.ts).
      expect(sealedVerificationToken).to.be.a("string").and.match(/^ls1\./);
    });
  });

  describe("svc.identity.sessions.create", () => {
    it("issues an ES256 at+jwt access token that verifies against the JWKS, with sub, roles and sid", async () => {
      const email = newEmail();
      const account = await call(nc(), identity.accountsRegister, { email, password, displayName: "Ada" });
      const tokens = await call(nc(), identity.sessionsCreate, { email, password });
      const { payload, protectedHeader } = await verify(tokens.accessToken);
      expect(protectedHeader.alg).to.equal("ES256");
      expect(protectedHeader.kid).to.be.a("string");
      expect(payload.sub).to.equal(account.id);
      expect(payload.roles).to.deep.equal(["participant"]);
      expect(payload.sid).to.be.a("string");
      expect((payload.exp as number) - (payload.iat as number)).to.equal(900);
    });

    it("answers a wrong password and an unknown email with the same 401", async () => {
      const email = newEmail();
      await call(nc(), identity.accountsRegister, { email, password, displayName: "Ada" });
      const wrong = await fail(call(nc(), identity.sessionsCreate, { email, password: "not the password" }));
      const unknown = await fail(call(nc(), identity.sessionsCreate, { email: newEmail(), password }));
      expect([wrong.status, wrong.message]).to.deep.equal([401, "email or password is wrong"]);
      expect([unknown.status, unknown.message]).to.deep.equal([401, "email or password is wrong"]);
    });
  });

  describe("access-token attacks", () => {
    let good: string;
    let sub: string;
    before(async () => {
      const email = newEmail();
      sub = (await call(nc(), identity.accountsRegister, { email, password, displayName: "Ada" })).id;
      good = (await call(nc(), identity.sessionsCreate, { email, password })).accessToken;
    });

    const refused = async (token: string) => {
      const err = await verify(token).then(() => undefined, (e: unknown) => e);
      expect(err, "token must be refused").to.be.instanceOf(Error);
    };

    it("refuses alg none", async () => {
      const [, body] = good.split(".");
      await refused(`${b64({ alg: "none", typ: "at+jwt" })}.${body}.`);
    });

    it("refuses HS256 signed with the public key", async () => {
      const { keys } = await call(nc(), identity.keysList, {});
      const secret = JSON.stringify(keys[0]);
      const header = b64({ alg: "HS256", typ: "at+jwt", kid: keys[0].kid });
      const [, body] = good.split(".");
      const sig = createHmac("sha256", secret).update(`${header}.${body}`).digest("base64url");
      await refused(`${header}.${body}.${sig}`);
    });

    it("refuses a tampered payload", async () => {
      const [h, , s] = good.split(".");
      await refused(`${h}.${b64({ sub, roles: ["admin"], iss: "convene", aud: "convene-api", exp: 9_999_999_999 })}.${s}`);
    });

    it("refuses expired tokens and wrong iss, aud or typ", async () => {
      const row = await svc.dbs.get("identity")!("signing_keys").orderBy("created_at", "desc").first("kid", "private_jwk");
      const key = await importJWK(typeof row.private_jwk === "string" ? JSON.parse(row.private_jwk) : row.private_jwk, "ES256");
      const make = (o: { iss?: string; aud?: string; typ?: string; exp?: number }) =>
        new SignJWT({ roles: ["participant"] })
          .setProtectedHeader({ alg: "ES256", kid: row.kid, typ: o.typ ?? "at+jwt" })
          .setSubject(sub)
          .setIssuer(o.iss ?? "convene")
          .setAudience(o.aud ?? "convene-api")
          .setIssuedAt()
          .setExpirationTime(o.exp ?? Math.floor(Date.now() / 1000) + 600)
          .sign(key);
      // The control: the same key and claims verify.
      expect((await verify(await make({}))).payload.sub).to.equal(sub);
      await refused(await make({ exp: Math.floor(Date.now() / 1000) - 60 }));
      await refused(await make({ iss: "evil" }));
      await refused(await make({ aud: "other-api" }));
      await refused(await make({ typ: "JWT" }));
    });
  });

  describe("svc.identity.sessions.refresh", () => {
    const session = async () => {
      const email = newEmail();
      await call(nc(), identity.accountsRegister, { email, password, displayName: "Ada" });
      return call(nc(), identity.sessionsCreate, { email, password });
    };

    it("rotates the refresh token on every use", async () => {
      const first = await session();
      const second = await call(nc(), identity.sessionsRefresh, { refreshToken: first.refreshToken });
      expect(second.refreshToken).to.not.equal(first.refreshToken);
      const third = await call(nc(), identity.sessionsRefresh, { refreshToken: second.refreshToken });
      expect((await verify(third.accessToken)).payload.sub).to.equal(first.user.id);
    });

    it("revokes the whole family when a rotated token is replayed", async () => {
      const first = await session();
      const second = await call(nc(), identity.sessionsRefresh, { refreshToken: first.refreshToken });
      const replay = await fail(call(nc(), identity.sessionsRefresh, { refreshToken: first.refreshToken }));
      expect([replay.status, replay.message]).to.deep.equal([401, "refresh token reused: every session of this login is revoked"]);
      const after = await fail(call(nc(), identity.sessionsRefresh, { refreshToken: second.refreshToken }));
      expect(after.status, "the thief's successor token is dead too").to.equal(401);
    });

    it("lets exactly one of two concurrent refreshes of one token win, and treats the other as reuse", async () => {
      const first = await session();
      const results = await Promise.allSettled([
        call(nc(), identity.sessionsRefresh, { refreshToken: first.refreshToken }),
        call(nc(), identity.sessionsRefresh, { refreshToken: first.refreshToken }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).to.have.length(1);
      const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect((loser.reason as AppError).message).to.contain("reused");
      const winner = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ refreshToken: string }>).value;
      expect((await fail(call(nc(), identity.sessionsRefresh, { refreshToken: winner.refreshToken }))).status, "reuse revoked the family").to.equal(401);
    });

    it("ends a session on logout", async () => {
      const first = await session();
      await call(nc(), identity.sessionsDelete, { refreshToken: first.refreshToken });
      expect((await fail(call(nc(), identity.sessionsRefresh, { refreshToken: first.refreshToken }))).status).to.equal(401);
    });
  });

  describe("svc.identity.accounts.get", () => {
    it("returns the caller's own account and refuses an anonymous call", async () => {
      const email = newEmail();
      const account = await call(nc(), identity.accountsRegister, { email, password, displayName: "Ada", timeZone: "Asia/Tokyo" });
      const me = await call(nc(), identity.accountsGet, {}, { principal: { sub: account.id, roles: account.roles } });
      expect(me).to.deep.include({ id: account.id, email, timeZone: "Asia/Tokyo", emailVerified: false });
      expect((await fail(call(nc(), identity.accountsGet, {}))).status).to.equal(401);
    });
  });
});
