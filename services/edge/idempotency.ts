/**
 * Idempotency-Key for POSTs that create something (draft-ietf-httpapi-idempotency-key-header).
 * The first request with a key claims it in NATS KV (create = compare-and-set on "absent"), runs,
 * and stores its response; the same key with the same body replays that response, a request
 * while the first is still running gets 409, the same key with another body 422. The bucket's
 * max_age (24 h) expires keys: nats-server 2.9 has no per-key TTL.
 *
 * The fingerprint is an HMAC under a key the bucket never holds (IDEMPOTENCY_HMAC_KEY), over the
 * body without its secrets (passwords, codes, tokens): a plain hash of a sign-up's body kept 24 h
 * would let whoever reads the bucket test password guesses offline.
 */
import { createHmac, createSecretKey, type KeyObject } from "node:crypto";
import type { KV } from "@nats-io/kv";
import { AppError } from "../kit/errors.ts";

export const IDEMPOTENCY_BUCKET = "EDGE_IDEMPOTENCY";
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** A response as sent (and replayed); `encoding: "base64"` marks a binary body (e.g. a PDF) kept as text. */
export type StoredResponse = { status: number; type: string; body: string; headers: Record<string, string>; encoding?: "base64" };
type Entry = { state: "pending"; fingerprint: string; startedAt: number } | ({ state: "done"; fingerprint: string } & StoredResponse);

export type Claim = { kind: "claimed"; kvKey: string; revision: number } | { kind: "replay"; response: StoredResponse };

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Body fields never fingerprinted (at any depth): a replay does not depend on them, and they never rest in the bucket. */
export const SECRET_FIELDS = new Set([
  "password",
  "currentPassword",
  "newPassword",
  "code",
  "token",
  "refreshToken",
  "challenge",
  "secret",
  "cardNumber",
  "cvc",
]);

export class IdempotencyStore {
  readonly #kv: KV;
  readonly #pendingStaleMs: number;
  readonly #hmacKey: KeyObject;

  constructor(kv: KV, opts: { hmacKey: Buffer; pendingStaleMs?: number }) {
    this.#kv = kv;
    // A KeyObject made once: createHmac with raw key bytes imports them again on every call
    // (≈ 50 µs here against ≈ 9 µs), and a POST macs three times (key, fingerprint twice).
    this.#hmacKey = createSecretKey(opts.hmacKey);
    // A claim whose process died mid-request would block its key for 24 h; after this it is taken over.
    this.#pendingStaleMs = opts.pendingStaleMs ?? 60_000;
  }

  /** Claims `key` for this request, or returns the response to replay; throws 409/422. */
  async claim(scope: string, key: string, body: unknown): Promise<Claim> {
    if (!KEY_PATTERN.test(key)) {
      throw new AppError("invalid_request", "Idempotency-Key: must be 1-255 visible ASCII characters", {
        details: [{ field: "Idempotency-Key", message: "must be 1-255 visible ASCII characters" }],
      });
    }
    const kvKey = this.#mac(`${scope}\n${key}`);
    const fingerprint = this.fingerprint(body);
    const pending: Entry = { state: "pending", fingerprint, startedAt: Date.now() };
    try {
      return { kind: "claimed", kvKey, revision: await this.#kv.create(kvKey, JSON.stringify(pending)) };
    } catch (err) {
      if (!isWrongLastSequence(err)) throw err;
    }
    const current = await this.#kv.get(kvKey);
    if (!current || current.operation !== "PUT") {
      // Deleted between our create and get (an abandoned claim): try once more.
      return { kind: "claimed", kvKey, revision: await this.#kv.create(kvKey, JSON.stringify(pending)) };
    }
    const entry = current.json<Entry>();
    if (entry.fingerprint !== fingerprint) {
      throw new AppError("idempotency_key_reused", "this Idempotency-Key was used with a different request body", { status: 422 });
    }
    if (entry.state === "done") return { kind: "replay", response: { status: entry.status, type: entry.type, body: entry.body, headers: entry.headers } };
    if (Date.now() - entry.startedAt > this.#pendingStaleMs) {
      // compare-and-set on the revision we read: of two takers, one wins.
      return {
        kind: "claimed",
        kvKey,
        revision: await this.#kv.update(kvKey, JSON.stringify(pending), current.revision).catch(() => {
          throw inFlight();
        }),
      };
    }
    throw inFlight();
  }

  /**
   * Stores the response to replay. Its write is on the connection when this returns (nothing is
   * awaited before it), so the edge sends the response without waiting for the ack.
   */
  async complete(claim: Extract<Claim, { kind: "claimed" }>, fingerprintOf: unknown, response: StoredResponse): Promise<void> {
    const done: Entry = { state: "done", fingerprint: this.fingerprint(fingerprintOf), ...response };
    await this.#kv.update(claim.kvKey, JSON.stringify(done), claim.revision).catch(() => undefined);
  }

  /** The keyed fingerprint of a body without its secret fields. */
  fingerprint(body: unknown): string {
    return this.#mac(JSON.stringify(withoutSecrets(body ?? null)));
  }

  #mac(s: string): string {
    return createHmac("sha256", this.#hmacKey).update(s).digest("hex");
  }

  /** Frees the key after a failure that may succeed on retry (5xx, timeouts). */
  async release(claim: Extract<Claim, { kind: "claimed" }>): Promise<void> {
    await this.#kv.delete(claim.kvKey, { previousSeq: claim.revision }).catch(() => undefined);
  }
}

function inFlight(): AppError {
  return new AppError("idempotency_in_flight", "a request with this Idempotency-Key is still being processed; retry later", { status: 409 });
}

function isWrongLastSequence(err: unknown): boolean {
  return /wrong last sequence|key exists/i.test(String((err as Error)?.message ?? err));
}

function withoutSecrets(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutSecrets);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).filter(([k]) => !SECRET_FIELDS.has(k)).map(([k, x]) => [k, withoutSecrets(x)]));
  return v;
}
