import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalJWKSet, exportJWK, generateKeyPair, type JSONWebKeySet, jwtVerify } from "jose";
import { Secret, TOTP } from "otpauth";
import { call } from "../../kit/call.ts";
import { identity } from "../../../subjects/identity.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { fileKeyStore, signAccessToken } from "../keys.ts";
import { fail, type Harness, newEmail, password, startIdentity } from "./support.ts";
import { totpVault } from "../totp-vault.ts";
import { resealTotpSecrets } from "../usecases/reseal-totp.ts";

const code = (secret: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

describe("identity: two-factor sign-in and signing keys", function () {
  this.timeout(30_000);
  let h: Harness;
  const nc = () => h.svc.nats.nc;
  const adminEmail = newEmail("boss");
  const totpKey = randomBytes(32).toString("base64");

  before(async () => {
    h = await startIdentity({ REQUIRE_2FA_FOR_ADMINS: "true", TOTP_ENCRYPTION_KEYS: totpKey });
  });
  after(() => h.stop());

  /** Signs up, enrols TOTP and returns its secret and recovery codes. */
  async function enrolled() {
    const u = await h.signUp();
    const { otpauthUri, secret } = await call(nc(), identity.totpEnrol, { password }, { principal: u.principal });
    expect(otpauthUri).to.match(/^otpauth:\/\/totp\/Convene:.+secret=[A-Z2-7]+/);
    expect(otpauthUri).to.contain(encodeURIComponent(u.email));
    const { recoveryCodes } = await call(nc(), identity.totpVerify, { code: code(secret) }, { principal: u.principal });
    return { ...u, secret, recoveryCodes };
  }

  async function challengeOf(email: string): Promise<string> {
    const err = await fail(call(nc(), identity.sessionsCreate, { email, password }));
    expect([err.code, err.status]).to.deep.equal(["totp_required", 401]);
    return (err.details as { challenge: string }).challenge;
  }

  describe("svc.identity.totp.*", () => {
    it("enrols with an otpauth URI, then asks for a code at login and signs in with it", async () => {
      const u = await enrolled();
      expect(u.recoveryCodes).to.have.length(10);
      expect((await call(nc(), identity.accountsGet, {}, { principal: u.principal })).totpEnabled).to.equal(true);
      const challenge = await challengeOf(u.email);
      // The enrolment used this step's code; the next step's is valid (one step of drift) and unused.
      const tokens = await call(nc(), identity.totpLogin, { challenge, code: code(u.secret, 1) });
      expect(tokens.user.id).to.equal(u.id);
      // At rest the secret is sealed (TOTP_ENCRYPTION_KEYS), never the base32 the app scanned.
      const row = await h.db("users").where({ id: u.id }).first("totp_secret");
      expect(row.totp_secret).to.match(/^sealed:v1:/);
      expect(row.totp_secret).to.not.contain(u.secret);
    });

    it("seals a secret stored before keys were set the next time it signs in", async () => {
      const u = await enrolled();
      // As a row written by a replica without TOTP_ENCRYPTION_KEYS would be.
      await h.db("users").where({ id: u.id }).update({ totp_secret: u.secret });
      const tokens = await call(nc(), identity.totpLogin, { challenge: await challengeOf(u.email), code: code(u.secret, 1) });
      expect(tokens.user.id).to.equal(u.id);
      expect((await h.db("users").where({ id: u.id }).first("totp_secret")).totp_secret).to.match(/^sealed:v1:/);
    });

    it("reseals, in one sweep, secrets stored unsealed or under a key being retired", async () => {
      const oldKey = randomBytes(32).toString("base64");
      const unsealed = await enrolled();
      const underOld = await enrolled();
      await h.db("users").where({ id: unsealed.id }).update({ totp_secret: unsealed.secret });
      await h.db("users").where({ id: underOld.id }).update({ totp_secret: totpVault(oldKey).seal(underOld.id, underOld.secret) });
      // What a boot with TOTP_ENCRYPTION_KEYS="<current>,<old>" runs.
      expect(await resealTotpSecrets({ db: h.db, totpVault: totpVault(`${totpKey},${oldKey}`) })).to.be.at.least(2);
      const current = totpVault(totpKey);
      for (const u of [unsealed, underOld]) {
        const stored = (await h.db("users").where({ id: u.id }).first("totp_secret")).totp_secret as string;
        expect(current.current(stored), "sealed under the current key").to.equal(true);
        // The service, which knows only the current key, signs them in.
        expect((await call(nc(), identity.totpLogin, { challenge: await challengeOf(u.email), code: code(u.secret, 1) })).user.id).to.equal(u.id);
      }
    });

    it("refuses a wrong code, a replayed code and a used challenge", async () => {
      const u = await enrolled();
      const challenge = await challengeOf(u.email);
      expect((await fail(call(nc(), identity.totpLogin, { challenge, code: code(u.secret, 5) }))).status).to.equal(401);
      await call(nc(), identity.totpLogin, { challenge, code: code(u.secret, 1) });
      expect((await fail(call(nc(), identity.totpLogin, { challenge, code: code(u.secret, 1) }))).status, "the challenge is used").to.equal(401);
      const next = await challengeOf(u.email);
      expect((await fail(call(nc(), identity.totpLogin, { challenge: next, code: code(u.secret, 1) }))).message, "the code is used").to.contain("already used");
    });

    it("signs in with a recovery code exactly once", async () => {
      const u = await enrolled();
      const [recovery] = u.recoveryCodes;
      expect((await call(nc(), identity.totpLogin, { challenge: await challengeOf(u.email), code: recovery.toUpperCase() })).user.id).to.equal(u.id);
      expect((await fail(call(nc(), identity.totpLogin, { challenge: await challengeOf(u.email), code: recovery }))).status).to.equal(401);
      const stored = await h.db("recovery_codes").where({ user_id: u.id }).select("code_hash");
      expect(stored.map((r) => r.code_hash)).to.not.include(recovery);
    });

    it("refuses enrolment with a wrong code and leaves two-factor off", async () => {
      const u = await h.signUp();
      const { secret } = await call(nc(), identity.totpEnrol, { password }, { principal: u.principal });
      expect((await fail(call(nc(), identity.totpVerify, { code: code(secret, 5) }, { principal: u.principal }))).code).to.equal("invalid_code");
      expect((await call(nc(), identity.sessionsCreate, { email: u.email, password })).user.id, "no second factor asked").to.equal(u.id);
    });

    it("needs the password to enrol or turn two-factor off with a principal", async () => {
      const u = await h.signUp();
      expect((await fail(call(nc(), identity.totpEnrol, {}, { principal: u.principal }))).code).to.equal("reauthentication_required");
      expect((await fail(call(nc(), identity.totpEnrol, { password: "wrong password!" }, { principal: u.principal }))).code).to.equal(
        "reauthentication_required",
      );
      const e = await enrolled();
      expect((await fail(call(nc(), identity.totpDisable, { code: e.recoveryCodes[0], password: "wrong password!" }, { principal: e.principal }))).code).to
        .equal("reauthentication_required");
    });

    it("turns two-factor off with a code", async () => {
      const u = await enrolled();
      await call(nc(), identity.totpDisable, { code: u.recoveryCodes[0], password }, { principal: u.principal });
      expect((await call(nc(), identity.sessionsCreate, { email: u.email, password })).user.id).to.equal(u.id);
    });

    it("with REQUIRE_2FA_FOR_ADMINS refuses an admin without TOTP (totp_enrolment_required), lets them enrol by the challenge, then asks for codes", async () => {
      await h.registerAdmin(adminEmail);
      const refused = await fail(call(nc(), identity.sessionsCreate, { email: adminEmail, password }));
      expect([refused.code, refused.status]).to.deep.equal(["totp_enrolment_required", 403]);
      const { challenge } = refused.details as { challenge: string };
      const { secret } = await call(nc(), identity.totpEnrol, { challenge });
      await call(nc(), identity.totpVerify, { code: code(secret), challenge });
      const tokens = await call(nc(), identity.totpLogin, { challenge: await challengeOf(adminEmail), code: code(secret, 1) });
      expect(tokens.user.roles).to.include("admin");
      const principal: Principal = { sub: tokens.user.id, roles: tokens.user.roles };
      expect((await fail(call(nc(), identity.totpDisable, { code: code(secret, -1), password }, { principal }))).status, "admins keep it on").to.equal(403);
    });
  });

  describe("signing keys", () => {
    it("rotates without logging anyone out: old tokens still verify, new ones carry the new kid", async () => {
      const boss = await h.db("users").where({ email: adminEmail }).first("id", "roles");
      const user = await h.signUp();
      const before = await call(nc(), identity.keysList, {});
      const { kid } = await call(nc(), identity.keysRotate, {}, { principal: { sub: boss.id, roles: boss.roles } });
      const after = await call(nc(), identity.keysList, {});
      expect(after.keys.map((k) => k.kid)).to.include.members([kid, ...before.keys.map((k) => k.kid)]);
      const jwks = createLocalJWKSet(after as JSONWebKeySet);
      const verify = (t: string) => jwtVerify(t, jwks, { algorithms: ["ES256"], issuer: "convene", audience: "convene-api", typ: "at+jwt" });
      expect((await verify(user.accessToken)).payload.sub, "a token of the old key").to.equal(user.id);
      const fresh = await call(nc(), identity.sessionsCreate, { email: user.email, password });
      const { protectedHeader } = await verify(fresh.accessToken);
      expect(protectedHeader.kid).to.equal(kid);
      expect((await fail(call(nc(), identity.keysRotate, {}, { principal: user.principal }))).status, "admins only").to.equal(403);
    });

    it("signs with the last key of JWT_PRIVATE_KEYS_FILE and publishes them all without private parts", async () => {
      const dir = mkdtempSync(join(tmpdir(), "keys-"));
      try {
        const keys = [];
        for (const kid of ["2026-10-old", "2026-11-new"]) {
          keys.push({ ...(await exportJWK((await generateKeyPair("ES256", { extractable: true })).privateKey)), kid });
        }
        writeFileSync(join(dir, "keys.json"), JSON.stringify({ keys }));
        const store = await fileKeyStore(join(dir, "keys.json"));
        const published = await store.publicKeys();
        expect(published.map((k) => k.kid)).to.deep.equal(["2026-11-new", "2026-10-old"]);
        expect(published.every((k) => k.d === undefined)).to.equal(true);
        const token = await signAccessToken(await store.signer(), { issuer: "convene", audience: "convene-api", ttlSeconds: 900 }, {
          sub: "8d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f",
          roles: ["participant"],
        }, "sid");
        const { protectedHeader } = await jwtVerify(token, createLocalJWKSet({ keys: published }), {
          algorithms: ["ES256"],
          issuer: "convene",
          audience: "convene-api",
          typ: "at+jwt",
        });
        expect(protectedHeader.kid).to.equal("2026-11-new");
        writeFileSync(join(dir, "bad.json"), JSON.stringify({ keys: [{ kty: "EC", crv: "P-256", x: "x", y: "y", kid: "public-only" }] }));
        const err = await fileKeyStore(join(dir, "bad.json")).then(() => undefined, (e: Error) => e);
        expect(err?.message).to.contain("JWT_PRIVATE_KEYS_FILE");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
