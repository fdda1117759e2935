/**
 * TOTP secrets at rest. Unlike tokens they cannot be hashed — the server computes codes from
 * them — so they are sealed with AES-256-GCM under TOTP_ENCRYPTION_KEYS, with the user id as
 * associated data: a sealed secret copied onto another account does not open. The first key
 * seals, every key opens, and a secret sealed under an older key is sealed again the next time
 * it signs someone in: rotate by putting a new key first, drop the old one later.
 * Without keys (development) secrets are stored as they are, and the service warns at boot;
 * rows stored that way keep working once keys are set.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export type TotpVault = {
  readonly sealing: boolean;
  seal(userId: string, secret: string): string;
  open(userId: string, stored: string): string;
  /** False when `stored` should be sealed again (plaintext, or an older key). */
  current(stored: string): boolean;
};

const PREFIX = "sealed:v1:";

/** `keys`: comma-separated base64 (or base64url) keys of 32 bytes, the sealing one first. */
export function totpVault(keys: string | undefined): TotpVault {
  const list = (keys ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k, i) => {
      const bytes = Buffer.from(k.replace(/-/g, "+").replace(/_/g, "/"), "base64");
      if (bytes.length !== 32) throw new Error(`TOTP_ENCRYPTION_KEYS: key ${i + 1} is not 32 bytes of base64 (openssl rand -base64 32)`);
      return { id: createHash("sha256").update(bytes).digest("base64url").slice(0, 8), bytes };
    });
  const byId = new Map(list.map((k) => [k.id, k.bytes]));
  const sealer = list[0];
  return {
    sealing: Boolean(sealer),
    seal(userId, secret) {
      if (!sealer) return secret;
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", sealer.bytes, iv);
      cipher.setAAD(Buffer.from(userId));
      const body = Buffer.concat([iv, cipher.update(secret, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}${sealer.id}:${body.toString("base64url")}`;
    },
    open(userId, stored) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [id, data] = stored.slice(PREFIX.length).split(":");
      const key = byId.get(id);
      if (!key) throw new Error(`a TOTP secret is sealed with key ${id}, which is not in TOTP_ENCRYPTION_KEYS`);
      const body = Buffer.from(data, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", key, body.subarray(0, 12));
      decipher.setAAD(Buffer.from(userId));
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]).toString("utf8");
    },
    current(stored) {
      return sealer ? stored.startsWith(`${PREFIX}${sealer.id}:`) : !stored.startsWith(PREFIX);
    },
  };
}
