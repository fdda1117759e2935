/**
 * No usable credential rests where it need not (OWASP API8:2023 Security Misconfiguration):
 * Idempotency-Key fingerprints are keyed and never cover a password (finding 11).
 */
import { expect } from "chai";
import { createHash, randomUUID } from "node:crypto";
import { Kvm } from "@nats-io/kv";
import { identityService } from "../../services/identity/index.ts";
import { edgeService } from "../../services/edge/index.ts";
import { IDEMPOTENCY_BUCKET } from "../../services/edge/idempotency.ts";
import { newEmail, newIp, type Platform, startPlatform } from "./platform.ts";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

describe("security: secrets at rest (API8)", function () {
  this.timeout(30_000);
  let p: Platform;

  before(async function () {
    this.timeout(30_000);
    p = await startPlatform([identityService, edgeService], { IDEMPOTENCY_HMAC_KEY: Buffer.from(randomUUID().repeat(2)).toString("base64") });
  });
  after(async function () {
    this.timeout(20_000);
    await p?.stop();
  });

  describe("Idempotency-Key fingerprints (finding 11)", () => {
    it("keeps neither a plain hash of the body nor anything of the password in the bucket", async () => {
      const password = `pw-${randomUUID()}`;
      const body = { email: newEmail(), password, displayName: "Idem" };
      const ip = newIp();
      const key = randomUUID();
      const res = await p.fetch("/v1/auth/register", { method: "POST", ip, headers: { "Idempotency-Key": key }, json: body });
      expect(res.status).to.equal(201);
      const kv = await new Kvm(p.running.nats.js).open(IDEMPOTENCY_BUCKET);
      const stored: string[] = [];
      for await (const k of await kv.keys()) {
        const e = await kv.get(k);
        if (e?.operation === "PUT") stored.push(`${k} ${e.string()}`);
      }
      const all = stored.join("\n");
      expect(all).to.not.contain(password);
      expect(all).to.not.contain(sha256(JSON.stringify(body)));
      expect(all).to.not.contain(sha256(password));
      const { password: _omit, ...rest } = body;
      expect(all, "the fingerprint is keyed, not a plain hash").to.not.contain(sha256(JSON.stringify(rest)));
      // The same request again replays; the password was not part of what is compared.
      const again = await p.fetch("/v1/auth/register", { method: "POST", ip, headers: { "Idempotency-Key": key }, json: body });
      expect(again.status).to.equal(201);
      expect(again.headers.get("idempotent-replayed")).to.equal("true");
    });

    it("gives anonymous callers from different addresses separate keys", async () => {
      const key = randomUUID();
      const body = { email: newEmail(), password: "correct horse battery staple", displayName: "Idem" };
      const first = await p.fetch("/v1/auth/register", { method: "POST", ip: newIp(), headers: { "Idempotency-Key": key }, json: body });
      expect(first.status).to.equal(201);
      const other = await p.fetch("/v1/auth/register", { method: "POST", ip: newIp(), headers: { "Idempotency-Key": key }, json: body });
      expect(other.headers.get("idempotent-replayed"), "another client does not get the first one's answer").to.equal(null);
      expect(other.status).to.equal(409);
    });
  });
});
