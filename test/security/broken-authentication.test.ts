/**
 * OWASP API2:2023 Broken Authentication, through the edge: every forged or stale access token is
 * refused, refresh tokens are single-use, and two-factor sign-in works end to end (and cannot be
 * brute-forced).
 */
import { expect } from "chai";
import { createHmac, randomUUID } from "node:crypto";
import { identityService } from "../../services/identity/index.ts";
import { edgeService } from "../../services/edge/index.ts";
import { newTotp } from "../../services/identity/totp.ts";
import { openSse } from "../../services/edge/test/sse-client.ts";
import { type Account, newIp, PASSWORD, type Platform, problemOf, startPlatform } from "./platform.ts";

const b64url = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");

describe("security: broken authentication (API2)", function () {
  this.timeout(30_000);
  let p: Platform;
  let alice: Account;

  before(async function () {
    this.timeout(30_000);
    p = await startPlatform([identityService, edgeService], { SSE_HEARTBEAT_MS: "1000" });
    alice = await p.signUp();
  });
  after(async function () {
    this.timeout(20_000);
    await p?.stop();
  });

  const me = (token: string) => p.fetch("/v1/me", { token });

  it("accepts a token signed like identity's (the control row)", async () => {
    expect((await me(await p.sign({ sub: alice.id, sid: alice.sid }))).status).to.equal(200);
    expect((await me(alice.accessToken)).status).to.equal(200);
  });

  describe("refuses forged and stale access tokens with 401", () => {
    const now = () => Math.floor(Date.now() / 1000);
    const rows: Array<[string, () => Promise<string>]> = [
      [
        "alg none",
        async () =>
          `${b64url({ alg: "none", typ: "at+jwt", kid: p.kid })}.${
            b64url({ sub: alice.id, roles: ["admin"], iss: "convene", aud: "convene-api", exp: now() + 300 })
          }.`,
      ],
      [
        "HS256 keyed with the public key",
        async () => {
          const head = b64url({ alg: "HS256", typ: "at+jwt", kid: p.kid });
          const body = b64url({ sub: alice.id, roles: ["admin"], iss: "convene", aud: "convene-api", exp: now() + 300 });
          const sig = createHmac("sha256", JSON.stringify(p.publicJwk)).update(`${head}.${body}`).digest("base64url");
          return `${head}.${body}.${sig}`;
        },
      ],
      ["expired", () => p.sign({ sub: alice.id, sid: alice.sid }, {}, { exp: now() - 120 })],
      ["not yet valid (nbf in the future)", () => p.sign({ sub: alice.id, sid: alice.sid, nbf: now() + 600 })],
      ["wrong issuer", () => p.sign({ sub: alice.id, sid: alice.sid, iss: "someone-else" })],
      ["wrong audience", () => p.sign({ sub: alice.id, sid: alice.sid, aud: "another-api" })],
      ["wrong typ (an ID token)", () => p.sign({ sub: alice.id, sid: alice.sid }, { typ: "JWT" })],
      ["no typ", () => p.sign({ sub: alice.id, sid: alice.sid }, { typ: undefined })],
      ["unknown kid", () => p.sign({ sub: alice.id, sid: alice.sid }, { kid: "not-a-key" })],
      [
        "tampered payload (roles raised, signature kept)",
        async () => {
          const [h, , s] = alice.accessToken.split(".");
          const claims = JSON.parse(Buffer.from(alice.accessToken.split(".")[1], "base64url").toString()) as Record<string, unknown>;
          return `${h}.${b64url({ ...claims, roles: ["admin"] })}.${s}`;
        },
      ],
      [
        "tampered signature",
        async () => {
          const t = alice.accessToken;
          const last = t.at(-2) === "A" ? "B" : "A";
          return `${t.slice(0, -2)}${last}${t.at(-1)}`;
        },
      ],
      ["no subject", () => p.sign({ sub: undefined, sid: alice.sid })],
      ["no session id", () => p.sign({ sub: alice.id, sid: undefined })],
      ["a session that does not exist", () => p.sign({ sub: alice.id, sid: randomUUID() })],
      ["another user's session id", async () => p.sign({ sub: randomUUID(), sid: alice.sid })],
      ["garbage", async () => "not.a.jwt"],
    ];
    for (const [name, make] of rows) {
      it(name, async () => {
        const res = await me(await make());
        expect(res.status).to.equal(401);
        const problem = await problemOf(res);
        expect(problem.code).to.equal("unauthenticated");
      });
    }
  });

  it("tells a forger nothing about which check failed (finding 16: koa-jwt debug off)", async () => {
    const now = Math.floor(Date.now() / 1000);
    const tokens = [
      await p.sign({ sub: alice.id, sid: alice.sid }, {}, { exp: now - 120 }),
      await p.sign({ sub: alice.id, sid: alice.sid, aud: "another-api" }),
      await p.sign({ sub: alice.id, sid: alice.sid, iss: "someone-else" }),
      await p.sign({ sub: alice.id, sid: alice.sid }, { kid: "not-a-key" }),
      "not.a.jwt",
    ];
    const details = new Set<string>();
    for (const t of tokens) details.add((await problemOf(await me(t))).detail);
    expect([...details]).to.have.length(1);
    expect([...details][0]).to.not.match(/expired|audience|issuer|kid|malformed|signature/i);
  });

  it("revokes the whole family when a rotated refresh token is replayed", async () => {
    const a = await p.signUp();
    const first = await p.fetch("/v1/auth/refresh", { method: "POST", json: { refreshToken: a.refreshToken } });
    expect(first.status).to.equal(200);
    const { refreshToken: next } = (await first.json()) as { refreshToken: string };
    const reuse = await p.fetch("/v1/auth/refresh", { method: "POST", json: { refreshToken: a.refreshToken } });
    expect(reuse.status).to.equal(401);
    const afterReuse = await p.fetch("/v1/auth/refresh", { method: "POST", json: { refreshToken: next } });
    expect(afterReuse.status, "the descendant of a replayed token is revoked too").to.equal(401);
  });

  describe("revocation (finding 13)", () => {
    it("ends the access tokens of every session on logout-all", async () => {
      const a = await p.signUp();
      const other = await p.fetch("/v1/auth/login", { method: "POST", ip: a.ip, json: { email: a.email, password: PASSWORD } });
      const second = ((await other.json()) as { accessToken: string }).accessToken;
      expect((await me(second)).status).to.equal(200);
      expect((await p.fetch("/v1/auth/logout-all", { method: "POST", token: a.accessToken })).status).to.equal(200);
      expect((await me(a.accessToken)).status, "the caller's token").to.equal(401);
      expect((await me(second)).status, "another device's token").to.equal(401);
    });

    it("ends the access token of a logged-out session and of a replayed refresh family", async () => {
      const a = await p.signUp();
      expect((await p.fetch("/v1/auth/logout", { method: "POST", json: { refreshToken: a.refreshToken } })).status).to.equal(200);
      expect((await me(a.accessToken)).status).to.equal(401);
      const b = await p.signUp();
      const rotated = (await (await p.fetch("/v1/auth/refresh", { method: "POST", json: { refreshToken: b.refreshToken } })).json()) as { accessToken: string };
      expect((await me(rotated.accessToken)).status).to.equal(200);
      await p.fetch("/v1/auth/refresh", { method: "POST", json: { refreshToken: b.refreshToken } });
      expect((await me(rotated.accessToken)).status, "replay revokes the family's live token").to.equal(401);
    });

    it("refuses to refresh a sign-in older than the absolute lifetime however recently it was refreshed", async () => {
      const a = await p.signUp();
      const rotated = (await (await p.fetch("/v1/auth/refresh", { method: "POST", json: { refreshToken: a.refreshToken } })).json()) as {
        refreshToken: string;
      };
      // The sign-in began 91 days ago; its latest token is fresh.
      await p.running.dbs.get("identity")!("sessions").where({ id: a.sid }).update({ created_at: new Date(Date.now() - 91 * 86_400_000) });
      const res = await p.fetch("/v1/auth/refresh", { method: "POST", json: { refreshToken: rotated.refreshToken } });
      expect(res.status).to.equal(401);
    });

    it("closes a live stream when its session ends", async () => {
      const a = await p.signUp();
      const stream = await openSse(`${p.base}/v1/me/notifications/stream`, { Authorization: `Bearer ${a.accessToken}`, "X-Forwarded-For": newIp() });
      expect(stream.status).to.equal(200);
      expect((await p.fetch("/v1/auth/logout-all", { method: "POST", token: a.accessToken })).status).to.equal(200);
      await stream.closed;
    });
  });

  describe("two-factor sign-in through the edge (finding 0)", () => {
    /** A code of the step after the last one used (each step works once). */
    const code = (secret: string, stepsAhead: number) => newTotp("x", "x", secret).generate({ timestamp: Date.now() + stepsAhead * 30_000 });

    async function enrolled(): Promise<Account & { secret: string; recoveryCodes: string[] }> {
      const a = await p.signUp();
      const enrol = await p.fetch("/v1/auth/totp/enrol", { method: "POST", token: a.accessToken, json: { password: PASSWORD } });
      expect(enrol.status, await enrol.clone().text()).to.equal(200);
      const { secret } = (await enrol.json()) as { secret: string };
      const verify = await p.fetch("/v1/me/totp/verify", { method: "POST", token: a.accessToken, json: { code: code(secret, 0) } });
      expect(verify.status, await verify.clone().text()).to.equal(200);
      const { recoveryCodes } = (await verify.json()) as { recoveryCodes: string[] };
      return { ...a, secret, recoveryCodes };
    }

    it("enrols, then login answers totp_required with a challenge, and the code completes it", async () => {
      const a = await enrolled();
      const login = await p.fetch("/v1/auth/login", { method: "POST", ip: a.ip, json: { email: a.email, password: PASSWORD } });
      expect(login.status).to.equal(401);
      const problem = await problemOf(login);
      expect(problem.code).to.equal("totp_required");
      const challenge = problem.details?.challenge;
      expect(challenge, "the challenge reaches the client").to.be.a("string");
      const done = await p.fetch("/v1/auth/login/totp", { method: "POST", ip: a.ip, json: { challenge, code: code(a.secret, 1) } });
      expect(done.status, await done.clone().text()).to.equal(200);
      const tokens = (await done.json()) as { accessToken: string };
      expect((await me(tokens.accessToken)).status).to.equal(200);
    });

    it("completes a sign-in with a recovery code, once", async () => {
      const a = await enrolled();
      const start = async () =>
        (await problemOf(await p.fetch("/v1/auth/login", { method: "POST", ip: a.ip, json: { email: a.email, password: PASSWORD } }))).details?.challenge;
      const ok = await p.fetch("/v1/auth/login/totp", { method: "POST", ip: a.ip, json: { challenge: await start(), code: a.recoveryCodes[0] } });
      expect(ok.status).to.equal(200);
      const again = await p.fetch("/v1/auth/login/totp", { method: "POST", ip: a.ip, json: { challenge: await start(), code: a.recoveryCodes[0] } });
      expect(again.status).to.equal(401);
    });

    it("locks the second factor after 10 wrong codes although the password keeps being right (finding 1)", async () => {
      const a = await enrolled();
      let locked = false;
      // Each round: a correct password (which clears the password counter) then wrong codes from fresh IPs.
      for (let round = 0; round < 4 && !locked; round++) {
        const login = await p.fetch("/v1/auth/login", { method: "POST", ip: newIp(), json: { email: a.email, password: PASSWORD } });
        if (login.status === 429) {
          locked = true;
          break;
        }
        const challenge = (await problemOf(login)).details?.challenge;
        for (let i = 0; i < 4; i++) {
          const res = await p.fetch("/v1/auth/login/totp", { method: "POST", ip: newIp(), json: { challenge, code: "000000" } });
          if (res.status === 429) {
            locked = true;
            break;
          }
          expect(res.status).to.equal(401);
        }
      }
      expect(locked, "the 11th wrong code is refused with 429 whatever the password did").to.equal(true);
      // Even the right code waits out the lock.
      const login = await p.fetch("/v1/auth/login", { method: "POST", ip: newIp(), json: { email: a.email, password: PASSWORD } });
      if (login.status === 401) {
        const challenge = (await problemOf(login)).details?.challenge;
        const right = await p.fetch("/v1/auth/login/totp", { method: "POST", ip: newIp(), json: { challenge, code: code(a.secret, 1) } });
        expect(right.status).to.equal(429);
      } else expect(login.status).to.equal(429);
    });

    it("needs the password to enrol or disable two-factor with only an access token (finding 10)", async () => {
      const a = await p.signUp();
      const noPassword = await p.fetch("/v1/auth/totp/enrol", { method: "POST", token: a.accessToken, json: {} });
      expect(noPassword.status).to.be.oneOf([400, 401, 403]);
      const wrong = await p.fetch("/v1/auth/totp/enrol", { method: "POST", token: a.accessToken, json: { password: "not the password at all" } });
      expect(wrong.status).to.be.oneOf([401, 403]);
      const e = await enrolled();
      const disableNoPassword = await p.fetch("/v1/me/totp", { method: "DELETE", token: e.accessToken, json: { code: code(e.secret, 1) } });
      expect(disableNoPassword.status).to.be.oneOf([400, 401, 403]);
      const disable = await p.fetch("/v1/me/totp", { method: "DELETE", token: e.accessToken, json: { code: code(e.secret, 1), password: PASSWORD } });
      expect(disable.status, await disable.clone().text()).to.equal(200);
    });
  });

  it("answers the same for an unknown account and a wrong password", async () => {
    const unknown = await p.fetch("/v1/auth/login", { method: "POST", json: { email: `nobody-${randomUUID()}@example.org`, password: PASSWORD } });
    const wrong = await p.fetch("/v1/auth/login", { method: "POST", json: { email: alice.email, password: "wrong password here" } });
    expect(unknown.status).to.equal(401);
    expect(wrong.status).to.equal(401);
    expect((await problemOf(unknown)).detail).to.equal((await problemOf(wrong)).detail);
  });
});
