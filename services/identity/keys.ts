/**
 * The ES256 keys access tokens are signed with. The newest key signs; older public keys stay in
 * the JWKS until every token they signed has expired, so adding a key (rotation) logs nobody out.
 * Keys come from JWT_PRIVATE_KEYS_FILE (a JWK set of private keys; the last one signs) or, when
 * that is unset, from the identity schema, where the first boot makes one so `make up` needs no setup.
 */
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import type { Db } from "../kit/db.ts";
import { conflict } from "../kit/errors.ts";
import type { Principal } from "../../subjects/principal.ts";
import { ensureFirstKey, insertKey, newestKey, publicKeysNewestFirst } from "./store/keys.ts";

export type TokenSettings = { issuer: string; audience: string; ttlSeconds: number };
export type Signer = { kid: string; key: CryptoKey | Uint8Array };

export type KeyStore = {
  /** The key that signs now. */
  signer(): Promise<Signer>;
  /** Public keys that still verify live tokens (newest first). */
  publicKeys(): Promise<JWK[]>;
  /** Adds a key that signs from now on; returns its kid. */
  rotate(): Promise<string>;
};

/** Tokens carry exp; a key retired longer than their lifetime plus this slack verifies nothing alive. */
const CLOCK_SKEW_MS = 60_000;
/** How long a replica keeps signing with the key it loaded before looking for a newer one. */
const SIGNER_CACHE_MS = 5_000;

const toPublic = (jwk: JWK): JWK => ({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid: jwk.kid, alg: "ES256", use: "sig" });
const parse = (v: unknown) => (typeof v === "string" ? (JSON.parse(v) as JWK) : (v as JWK));

async function newKey(): Promise<{ kid: string; priv: JWK; pub: JWK }> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = `${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString("hex")}`;
  const priv = { ...(await exportJWK(privateKey)), kid, alg: "ES256" };
  return { kid, priv, pub: toPublic(priv) };
}

export async function openKeyStore(db: Db, opts: { file?: string; ttlSeconds: number }): Promise<KeyStore> {
  return opts.file ? fileKeyStore(opts.file) : dbKeyStore(db, opts.ttlSeconds);
}

/** Keys from a file the operator manages (e.g. a Kubernetes Secret): append a key to rotate, drop the old one 15 minutes later. */
export async function fileKeyStore(file: string): Promise<KeyStore> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`JWT_PRIVATE_KEYS_FILE: cannot read a JSON JWK set from ${file}: ${(err as Error).message}`);
  }
  const keys = (Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown }).keys) as JWK[] | undefined;
  if (!Array.isArray(keys) || keys.length === 0) throw new Error(`JWT_PRIVATE_KEYS_FILE: ${file} holds no keys ({"keys": [...]})`);
  for (const k of keys) {
    if (k.kty !== "EC" || k.crv !== "P-256" || !k.d || !k.kid) {
      throw new Error(`JWT_PRIVATE_KEYS_FILE: every key must be an EC P-256 private JWK with a kid (${k.kid ?? "no kid"})`);
    }
  }
  const newest = keys[keys.length - 1];
  const signer: Signer = { kid: newest.kid!, key: await importJWK({ ...newest, alg: "ES256" }, "ES256") };
  const published = keys.map(toPublic).reverse();
  return {
    signer: async () => signer,
    publicKeys: async () => published,
    rotate: async () => {
      throw conflict("signing keys come from JWT_PRIVATE_KEYS_FILE: add a key to the file instead");
    },
  };
}

export async function dbKeyStore(db: Db, ttlSeconds: number): Promise<KeyStore> {
  // Two replicas booting at once: the table lock lets one create the first key, the other sees it.
  await db.transaction(async (trx) => {
    await ensureFirstKey(trx, async () => {
      const k = await newKey();
      return { kid: k.kid, private_jwk: JSON.stringify(k.priv), public_jwk: JSON.stringify(k.pub) };
    });
  });
  const imported = new Map<string, Signer>();
  let cached: { signer: Signer; until: number } | undefined;

  return {
    async signer() {
      if (cached && cached.until > Date.now()) return cached.signer;
      const row = await newestKey(db);
      if (!row) throw new Error("no signing key");
      let signer = imported.get(row.kid);
      if (!signer) {
        signer = { kid: row.kid, key: await importJWK(parse(row.private_jwk), "ES256") };
        imported.set(row.kid, signer);
      }
      cached = { signer, until: Date.now() + SIGNER_CACHE_MS };
      return signer;
    },
    async publicKeys() {
      const rows = await publicKeysNewestFirst(db);
      // A key stopped signing when the next one was made (plus the signer cache of other replicas).
      const horizon = Date.now() - ttlSeconds * 1000 - CLOCK_SKEW_MS - SIGNER_CACHE_MS;
      return rows.filter((_, i) => i === 0 || new Date(rows[i - 1].created_at).getTime() > horizon).map((r) => parse(r.public_jwk));
    },
    async rotate() {
      const k = await newKey();
      await insertKey(db, { kid: k.kid, private_jwk: JSON.stringify(k.priv), public_jwk: JSON.stringify(k.pub) });
      cached = undefined;
      return k.kid;
    },
  };
}

export async function signAccessToken(signer: Signer, settings: TokenSettings, principal: Principal, sid: string): Promise<string> {
  return new SignJWT({ roles: principal.roles, sid })
    .setProtectedHeader({ alg: "ES256", kid: signer.kid, typ: "at+jwt" })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(principal.sub)
    .setIssuedAt()
    .setExpirationTime(`${settings.ttlSeconds}s`)
    .sign(signer.key);
}
