/**
 * The SMS queries of the notifications service: phones (verified number, suppression, a pending
 * number with its code's HMAC) and the messages handed to the provider (receipts, rate limit).
 */
import { randomUUID } from "node:crypto";
import type { Knex } from "knex";
import type { Db } from "../../kit/db.ts";

type Q = Db | Knex.Transaction;

export type Phone = {
  userId: string;
  number: string | null;
  verifiedAt: Date | null;
  suppressedAt: Date | null;
  pendingNumber: string | null;
  codeHash: string | null;
  codeExpiresAt: Date | null;
  codeAttempts: number;
};

const toPhone = (r: Record<string, unknown>): Phone => ({
  userId: r.user_id as string,
  number: (r.number as string | null) ?? null,
  verifiedAt: r.verified_at ? new Date(r.verified_at as string) : null,
  suppressedAt: r.suppressed_at ? new Date(r.suppressed_at as string) : null,
  pendingNumber: (r.pending_number as string | null) ?? null,
  codeHash: (r.code_hash as string | null) ?? null,
  codeExpiresAt: r.code_expires_at ? new Date(r.code_expires_at as string) : null,
  codeAttempts: Number(r.code_attempts ?? 0),
});

export async function phoneOf(q: Q, userId: string, opts: { forUpdate?: boolean } = {}): Promise<Phone | undefined> {
  const query = q("phones").where({ user_id: userId }).first();
  if (opts.forUpdate) query.forUpdate();
  const r = await query;
  return r ? toPhone(r) : undefined;
}

/** A new code for `number`, replacing any pending one (the verified number is kept). */
export async function setPending(q: Q, userId: string, number: string, codeHash: string, expiresAt: Date): Promise<void> {
  await q.raw(
    `insert into phones (user_id, pending_number, code_hash, code_expires_at, code_attempts) values (?, ?, ?, ?, 0)
     on conflict (user_id) do update set pending_number = excluded.pending_number, code_hash = excluded.code_hash,
       code_expires_at = excluded.code_expires_at, code_attempts = 0, updated_at = now()`,
    [userId, number, codeHash, expiresAt.toISOString()],
  );
}

/** Drops the pending code if it is still this one (a refused send). */
export async function clearPending(q: Q, userId: string, codeHash?: string): Promise<void> {
  const query = q("phones").where({ user_id: userId });
  if (codeHash) query.andWhere({ code_hash: codeHash });
  await query.update({ pending_number: null, code_hash: null, code_expires_at: null, code_attempts: 0, updated_at: q.fn.now() });
}

export async function countWrongCode(q: Q, userId: string): Promise<void> {
  await q("phones").where({ user_id: userId }).increment("code_attempts", 1);
}

/** The pending number becomes the verified one; a suppression of the old number goes with it. */
export async function verifyPending(q: Q, userId: string, at: Date): Promise<void> {
  await q("phones").where({ user_id: userId }).update({
    number: q.raw("pending_number"),
    verified_at: at.toISOString(),
    suppressed_at: null,
    suppressed_reason: null,
    pending_number: null,
    code_hash: null,
    code_expires_at: null,
    code_attempts: 0,
    updated_at: q.fn.now(),
  });
}

export async function removePhone(q: Q, userId: string): Promise<void> {
  await q("phones").where({ user_id: userId }).delete();
}

/** No more SMS to this user's number (while it is still theirs and verified). */
export async function suppressPhone(q: Q, userId: string, number: string, reason: string): Promise<boolean> {
  const n = await q("phones").where({ user_id: userId, number }).whereNull("suppressed_at").update({
    suppressed_at: q.fn.now(),
    suppressed_reason: reason.slice(0, 300),
    updated_at: q.fn.now(),
  });
  return n > 0;
}

// ---- messages handed to the provider ------------------------------------------------------

export type Purpose = "code" | "notice";

/**
 * Reserves one SMS to `number` under the per-number limit (`limit` in the last `windowS`
 * seconds), serialised per number by an advisory lock so concurrent senders cannot both take
 * the last slot. Returns the message row's id, or when a slot frees up.
 */
export async function reserveSms(
  db: Db,
  m: { number: string; userId: string; purpose: Purpose; sourceId?: string; limit: number; windowS: number; at: Date },
): Promise<{ id: string } | { retryAt: Date }> {
  return db.transaction(async (trx) => {
    await trx.raw(`select pg_advisory_xact_lock(hashtext('sms:' || ?))`, [m.number]);
    const { rows } = await trx.raw(
      `select count(*)::int as n, min(created_at) as oldest from sms_messages where number = ? and created_at > ?`,
      [m.number, new Date(m.at.getTime() - m.windowS * 1_000)],
    );
    const r = (rows as Array<{ n: number; oldest: Date | string | null }>)[0];
    if (Number(r.n) >= m.limit) return { retryAt: new Date(new Date(r.oldest!).getTime() + m.windowS * 1_000) };
    const id = randomUUID();
    await trx("sms_messages").insert({
      id,
      number: m.number,
      user_id: m.userId,
      purpose: m.purpose,
      source_id: m.sourceId ?? null,
      status: "reserved",
      created_at: m.at,
    });
    return { id };
  });
}

/** Codes sent to this user after `since` (any number). */
export async function codesSentTo(q: Q, userId: string, since: Date): Promise<number> {
  const { rows } = await q.raw(`select count(*)::int as n from sms_messages where user_id = ? and purpose = 'code' and created_at > ?`, [userId, since]);
  return Number((rows as Array<{ n: number }>)[0].n);
}

export async function smsAccepted(q: Q, id: string, sid: string): Promise<void> {
  // A receipt may have come first (it finds no row then and is answered 200); "queued" never
  // overwrites a later status.
  await q("sms_messages").where({ id }).update({ sid, status: q.raw(`case when status = 'reserved' then 'queued' else status end`), updated_at: q.fn.now() });
}

export async function smsRefused(q: Q, id: string, code: string): Promise<void> {
  await q("sms_messages").where({ id }).update({ status: "refused", error_code: code || null, updated_at: q.fn.now() });
}

/** Progress of a message, in the order Twilio reports it; a late receipt never moves it back. */
const RANK = `case status when 'reserved' then 0 when 'accepted' then 1 when 'queued' then 1 when 'sending' then 2 when 'sent' then 3 else 4 end`;
const rankOf = (s: string) => (s === "accepted" || s === "queued" ? 1 : s === "sending" ? 2 : s === "sent" ? 3 : 4);

export type SmsRow = { id: string; number: string; userId: string; purpose: Purpose; sourceId: string | null; status: string; errorCode: string | null };

/** Applies a receipt; the message as it now stands, or undefined when its sid is unknown. */
export async function recordReceipt(q: Q, sid: string, status: string, errorCode: string | null): Promise<{ row: SmsRow; changed: boolean } | undefined> {
  const { rows } = await q.raw(
    `update sms_messages set status = ?, error_code = coalesce(?, error_code), updated_at = now() where sid = ? and ${RANK} < ? returning *`,
    [status, errorCode, sid, rankOf(status)],
  );
  let r = (rows as Array<Record<string, unknown>>)[0];
  const changed = Boolean(r);
  r ??= await q("sms_messages").where({ sid }).first();
  if (!r) return undefined;
  return {
    changed,
    row: {
      id: r.id as string,
      number: r.number as string,
      userId: r.user_id as string,
      purpose: r.purpose as Purpose,
      sourceId: (r.source_id as string | null) ?? null,
      status: r.status as string,
      errorCode: (r.error_code as string | null) ?? null,
    },
  };
}

/**
 * Forgets messages older than `olderThanS` seconds: only the rate window and late receipts need
 * them. Returns how many went.
 */
export async function pruneSmsMessages(q: Q, olderThanS: number): Promise<number> {
  return q("sms_messages").where("created_at", "<", q.raw("now() - ? * interval '1 second'", [olderThanS])).delete();
}
