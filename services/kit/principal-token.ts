/**
 * Signed principals. Only the edge knows who a request is on behalf of (it verified the access
 * token), so only the edge mints the `convene-principal` header: a compact token
 * `<base64url(JSON {p, exp})>.<base64url(Ed25519 signature)>` with a short expiry. Services
 * verify it with the edge's public key and refuse a missing signature, a bad one or an expired
 * one with `unauthenticated`; a service calling another on behalf of the user forwards the header
 * it received, unchanged (`call` does it when given the principal the request carried).
 *
 * The token is not bound to a subject: a forwarded header travels to another subject by design.
 * What stops replay is who may publish on svc.> (per-service NATS permissions, deploy/nats-conf.ts)
 * and the expiry.
 *
 * Keys: PRINCIPAL_SIGNING_KEY (the edge's private key) and PRINCIPAL_VERIFY_KEYS (every
 * service). Outside production a process without them uses a key pair made at start, which
 * works when the edge and the services share the process (`make up` writes real ones into
 * ./.data/secrets.env instead); in production (NODE_ENV=production) the process refuses to start.
 */
import { Buffer } from "node:buffer";
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from "node:crypto";
import type { NatsConnection } from "@nats-io/nats-core";
import { AppError } from "./errors.ts";
import { ConfigError } from "./config.ts";
import { check } from "./validate.ts";
import { Principal } from "../../subjects/principal.ts";

export type PrincipalKeys = {
  /** The edge's private key (absent where the process does not mint). */
  signing?: KeyObject;
  /** Public keys a token may be signed with: the current one first, older ones during a rotation. */
  verifying: KeyObject[];
  /** True when the keys were made at start (development). */
  ephemeral: boolean;
};

/** How long a minted principal is valid. The edge reuses one for half of it. */
export const PRINCIPAL_TTL_MS = 60_000;
/** Clocks of two pods may disagree by this much. */
const SKEW_MS = 5_000;

let developmentKeys: PrincipalKeys | undefined;

/** A fresh Ed25519 pair as the two variables hold it (base64 DER: PKCS#8 private, SPKI public). */
export function generatePrincipalKeys(): { PRINCIPAL_SIGNING_KEY: string; PRINCIPAL_VERIFY_KEYS: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    PRINCIPAL_SIGNING_KEY: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
    PRINCIPAL_VERIFY_KEYS: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
  };
}

/**
 * The keys of this process from its environment. `mints`: the process runs the edge and needs the
 * private key. In production a missing key stops the boot; elsewhere the process-wide
 * development pair stands in.
 */
export function loadPrincipalKeys(env: Record<string, string | undefined>, opts: { mints: boolean }): PrincipalKeys {
  const production = env.NODE_ENV === "production";
  const signingText = env.PRINCIPAL_SIGNING_KEY?.trim();
  const verifyText = env.PRINCIPAL_VERIFY_KEYS?.trim();
  if (!signingText && !verifyText) {
    if (production) {
      throw new ConfigError(
        `invalid environment: PRINCIPAL_VERIFY_KEYS${opts.mints ? " and PRINCIPAL_SIGNING_KEY" : ""} must be set in production (NODE_ENV=production)`,
      );
    }
    if (!developmentKeys) {
      const { privateKey, publicKey } = generateKeyPairSync("ed25519");
      developmentKeys = { signing: privateKey, verifying: [publicKey], ephemeral: true };
    }
    return developmentKeys;
  }
  if (opts.mints && !signingText) {
    throw new ConfigError("invalid environment: PRINCIPAL_SIGNING_KEY must be set where the edge runs (it mints the principals services trust)");
  }
  let signing: KeyObject | undefined;
  try {
    if (signingText) signing = createPrivateKey({ key: Buffer.from(signingText, "base64"), format: "der", type: "pkcs8" });
  } catch {
    throw new ConfigError("invalid environment: PRINCIPAL_SIGNING_KEY is not a base64 PKCS#8 Ed25519 private key");
  }
  if (signing && signing.asymmetricKeyType !== "ed25519") throw new ConfigError("invalid environment: PRINCIPAL_SIGNING_KEY must be an Ed25519 key");
  const verifying: KeyObject[] = [];
  for (const text of (verifyText ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    let key: KeyObject;
    try {
      key = createPublicKey({ key: Buffer.from(text, "base64"), format: "der", type: "spki" });
    } catch {
      throw new ConfigError("invalid environment: PRINCIPAL_VERIFY_KEYS must be base64 SPKI Ed25519 public keys, comma separated");
    }
    if (key.asymmetricKeyType !== "ed25519") throw new ConfigError("invalid environment: PRINCIPAL_VERIFY_KEYS must be Ed25519 keys");
    verifying.push(key);
  }
  // The edge alone may omit the public key: it is derived from the private one.
  if (!verifying.length && signing) verifying.push(createPublicKey(signing));
  if (!verifying.length) throw new ConfigError("invalid environment: PRINCIPAL_VERIFY_KEYS must be set (the edge's public key)");
  return { signing, verifying, ephemeral: false };
}

/** Signs `principal` until `now + ttlMs`. */
export function mintPrincipal(key: KeyObject, principal: Principal, now = Date.now(), ttlMs = PRINCIPAL_TTL_MS): string {
  const payload = Buffer.from(JSON.stringify({ p: { sub: principal.sub, roles: principal.roles }, exp: now + ttlMs })).toString("base64url");
  return `${payload}.${sign(null, Buffer.from(payload), key).toString("base64url")}`;
}

/** The principal a token carries; `unauthenticated` when it is malformed, not signed by a key of `keys` or expired. */
export function verifyPrincipal(keys: KeyObject[], token: string, now = Date.now()): { principal: Principal; exp: number } {
  const { payload, data, signature } = partsOf(token);
  if (signature.length !== 64 || !keys.some((k) => verify(null, data, k, signature))) throw unsigned();
  return bodyOf(payload, now);
}

/**
 * verifyPrincipal with the signatures checked on libuv's thread pool: an Ed25519 check costs ≈ 85 µs,
 * and when a sale opens every buyer's first request brings a token new to the service — 500 of
 * them held the event loop ≈ 40 ms before the first batch could form (bench/flash-sale.ts).
 */
export async function verifyPrincipalOffThread(keys: KeyObject[], token: string, now = Date.now()): Promise<{ principal: Principal; exp: number }> {
  const { payload, data, signature } = partsOf(token);
  let signed = false;
  if (signature.length === 64) {
    for (const k of keys) {
      signed = await new Promise<boolean>((resolve) => verify(null, data, k, signature, (err, ok) => resolve(!err && ok)));
      if (signed) break;
    }
  }
  if (!signed) throw unsigned();
  return bodyOf(payload, now);
}

const unsigned = () => new AppError("unauthenticated", "principal header has no valid signature");

function partsOf(token: string): { payload: string; data: Buffer; signature: Buffer } {
  const dot = token.indexOf(".");
  if (dot <= 0 || dot !== token.lastIndexOf(".")) throw new AppError("unauthenticated", "principal header is not a signed principal");
  const payload = token.slice(0, dot);
  return { payload, data: Buffer.from(payload), signature: Buffer.from(token.slice(dot + 1), "base64url") };
}

function bodyOf(payload: string, now: number): { principal: Principal; exp: number } {
  let body: { p?: unknown; exp?: unknown };
  try {
    body = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { p?: unknown; exp?: unknown };
  } catch {
    throw new AppError("unauthenticated", "principal header is malformed");
  }
  if (typeof body.exp !== "number" || body.exp + SKEW_MS < now) throw new AppError("unauthenticated", "principal header has expired");
  try {
    return { principal: check(Principal, body.p, "invalid_principal"), exp: body.exp };
  } catch {
    throw new AppError("unauthenticated", "principal header is malformed");
  }
}

/**
 * Principals this process received with a valid signature, and the token each came with: a call
 * made on their behalf forwards that token unchanged.
 */
const received = new WeakMap<Principal, string>();
/** Connections allowed to mint (the edge's; the test harness's). */
const minters = new WeakMap<NatsConnection, Minter>();

type Minter = { key: KeyObject; cache: Map<string, { token: string; exp: number }> };
const CACHE_MAX = 10_000;

/** Lets `call` on `nc` mint principals with `key` (the edge's connection, and test harnesses only). */
export function mintPrincipalsOn(nc: NatsConnection, key: KeyObject): void {
  minters.set(nc, { key, cache: new Map() });
}

/**
 * A verifier for incoming headers, caching what it verified until the token expires (the edge
 * reuses a token for half its life, so a busy user costs one signature check per 30 s per
 * service, not one per request). A token met before answers at once; a new one is checked off
 * the event loop (verifyPrincipalOffThread), once however many requests bring it meanwhile.
 */
export function principalVerifier(keys: KeyObject[]): (token: string) => Principal | Promise<Principal> {
  const cache = new Map<string, { principal: Principal; exp: number }>();
  const checking = new Map<string, Promise<Principal>>();
  return (token) => {
    const now = Date.now();
    const hit = cache.get(token);
    if (hit && hit.exp + SKEW_MS >= now) return hit.principal;
    const pending = checking.get(token);
    if (pending) return pending;
    const checked = verifyPrincipalOffThread(keys, token, now).then(
      ({ principal, exp }) => {
        checking.delete(token);
        if (cache.size >= CACHE_MAX) cache.clear();
        cache.set(token, { principal, exp });
        received.set(principal, token);
        return principal;
      },
      (err: unknown) => {
        checking.delete(token);
        throw err;
      },
    );
    checking.set(token, checked);
    return checked;
  };
}

/** The header to send for `principal` on `nc`: the token it came with, else one minted here, else an error (a service cannot speak for a user by itself). */
export function principalHeaderFor(nc: NatsConnection, principal: Principal, subject: string): string {
  const forwarded = received.get(principal);
  if (forwarded) return forwarded;
  const minter = minters.get(nc);
  if (!minter) {
    throw new AppError("internal", `cannot call ${subject} on behalf of a principal this service did not receive signed (only the edge mints principals)`);
  }
  const key = `${principal.sub} ${principal.roles.join(",")}`;
  const now = Date.now();
  const hit = minter.cache.get(key);
  if (hit && hit.exp - now > PRINCIPAL_TTL_MS / 2) return hit.token;
  const token = mintPrincipal(minter.key, principal, now);
  if (minter.cache.size >= CACHE_MAX) minter.cache.clear();
  minter.cache.set(key, { token, exp: now + PRINCIPAL_TTL_MS });
  return token;
}
