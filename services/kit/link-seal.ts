/**
 * Single-use link tokens (email verification, password reset, email change, invitation) on their
 * way from identity, which mints them and keeps only their hash, to the notifications mail sender,
 * which puts them in a link. What carries one (a domain event kept for days in EVENTS, identity's
 * outbox, a dead letter, notifications' messages row until it is sent) holds it sealed: AES-256-GCM
 * under LINK_SEALING_KEYS, which only identity and notifications hold, with
 * - the purpose and the address it may be mailed to as associated data: a sealed token copied
 *   into another event (another user, another address, another kind of link) does not open;
 * - an expiry inside the seal, at most LINK_SEAL_TTL_SECONDS after it was made: a mail that
 *   could not go out by then is not sent at all (the user asks for a new link), so a seal is
 *   worth something only while the mail is on its way.
 * The first key seals, every key opens: rotate by putting a new key first, drop the old one once
 * no seal made with it can still be unexpired (LINK_SEAL_TTL_SECONDS later).
 *
 * Lives in the kit because two services must agree on the format; it holds no rule of either.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { ConfigError } from "./config.ts";

/** What a sealed token is for; the link it goes into follows from it. */
export type LinkPurpose = "verify_email" | "password_reset" | "email_change" | "org_invitation";

/**
 * Known to everyone who read this file: a development stand-in. Production refuses it (each
 * service lists it in `devSecrets`); `make up` writes a random key into ./.data/secrets.env.
 */
export const DEV_LINK_SEALING_KEYS = createHash("sha256").update("convene development link-sealing key; never use in production").digest("base64");

/** Whether `keys` holds the development key (anywhere in the list: it would still open seals). */
export const usesDevLinkKey = (keys: string) => keys.split(",").some((k) => k.trim() === DEV_LINK_SEALING_KEYS);

export type Opened = { ok: true; token: string; expiresAt: Date } | { ok: false; reason: "expired" | "unreadable" };

export type LinkSeal = {
  /** Seals `token` for mailing to `address` as a `purpose` link until `expiresAt`. */
  seal(purpose: LinkPurpose, address: string, token: string, expiresAt: Date): string;
  /**
   * Opens a seal for `purpose` and `address`: the token while its seal lasts; `expired` after;
   * `unreadable` when it was sealed for another purpose or address, tampered with, or under a key
   * no longer in the list.
   */
  open(purpose: LinkPurpose, address: string, sealed: string, now: Date): Opened;
  /** When a seal stops opening, without opening it (unknown for an unreadable one). */
  expiresAt(sealed: string): Date | undefined;
};

const PREFIX = "ls1";

const aad = (purpose: LinkPurpose, address: string) => Buffer.from(`${PREFIX}\n${purpose}\n${address.trim().toLowerCase()}`);

/** `keys`: comma-separated base64 (or base64url) keys of 32 bytes, the sealing one first. */
export function linkSeal(keys: string, name = "LINK_SEALING_KEYS"): LinkSeal {
  const list = keys
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k, i) => {
      const bytes = Buffer.from(k.replace(/-/g, "+").replace(/_/g, "/"), "base64");
      if (bytes.length !== 32) throw new ConfigError(`invalid environment: ${name} key ${i + 1} is not 32 bytes of base64 (openssl rand -base64 32)`);
      return { id: createHash("sha256").update(bytes).digest("base64url").slice(0, 8), bytes };
    });
  if (!list.length) throw new ConfigError(`invalid environment: ${name} holds no key`);
  const byId = new Map(list.map((k) => [k.id, k.bytes]));
  const sealer = list[0];
  return {
    seal(purpose, address, token, expiresAt) {
      // The expiry is at the front in the clear (so a sweeper can drop what expired without the
      // key), and inside the associated data (so nobody can move it).
      const exp = String(expiresAt.getTime());
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", sealer.bytes, iv);
      cipher.setAAD(Buffer.concat([aad(purpose, address), Buffer.from(`\n${exp}`)]));
      const body = Buffer.concat([iv, cipher.update(token, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}.${sealer.id}.${exp}.${body.toString("base64url")}`;
    },
    open(purpose, address, sealed, now) {
      const [prefix, id, exp, data] = sealed.split(".");
      const key = byId.get(id ?? "");
      const expiresAt = new Date(Number(exp));
      if (prefix !== PREFIX || !key || !data || Number.isNaN(expiresAt.getTime())) return { ok: false, reason: "unreadable" };
      try {
        const body = Buffer.from(data, "base64url");
        const decipher = createDecipheriv("aes-256-gcm", key, body.subarray(0, 12));
        decipher.setAAD(Buffer.concat([aad(purpose, address), Buffer.from(`\n${exp}`)]));
        decipher.setAuthTag(body.subarray(body.length - 16));
        const token = Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]).toString("utf8");
        // Checked after the tag: an expiry that was moved is unreadable, not merely expired.
        if (expiresAt <= now) return { ok: false, reason: "expired" };
        return { ok: true, token, expiresAt };
      } catch {
        return { ok: false, reason: "unreadable" };
      }
    },
    expiresAt(sealed) {
      const [prefix, , exp] = sealed.split(".");
      const at = new Date(Number(exp));
      return prefix === PREFIX && !Number.isNaN(at.getTime()) ? at : undefined;
    },
  };
}
