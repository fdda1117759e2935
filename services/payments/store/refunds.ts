/** Refund rows: reserving, retrying and recording a refund's outcome. */
import type { Knex } from "knex";
import { refundOf, type RefundRow } from "../store.ts";

/** The refund a message already asked for (its source key), if any. */
export async function refundBySourceKey(trx: Knex.Transaction, sourceKey: string): Promise<RefundRow | undefined> {
  const r = await trx("refunds").where({ source_key: sourceKey }).first();
  return r ? refundOf(r) : undefined;
}

/** What a payment's pending and succeeded refunds take together (minor units). */
export async function reservedMinorOf(trx: Knex.Transaction, paymentId: string): Promise<number> {
  const [{ reserved }] = await trx("refunds").where({ payment_id: paymentId }).whereIn("status", ["pending", "succeeded"]).sum({ reserved: "amount_minor" });
  return Number(reserved ?? 0);
}

/** What a payment's succeeded refunds took (minor units). */
export async function refundedMinorOf(db: Knex, paymentId: string): Promise<number> {
  const [{ done }] = await db("refunds").where({ payment_id: paymentId, status: "succeeded" }).sum({ done: "amount_minor" });
  return Number(done ?? 0);
}

export async function insertRefunds(trx: Knex.Transaction, rows: Array<Record<string, unknown>>): Promise<void> {
  if (rows.length) await trx("refunds").insert(rows);
}

export async function refundById(db: Knex, id: string): Promise<RefundRow> {
  return refundOf(await db("refunds").where({ id }).first());
}

export async function lockRefund(trx: Knex.Transaction, id: string): Promise<RefundRow> {
  return refundOf(await trx("refunds").where({ id }).forUpdate().first());
}

/** A pending refund the provider could not be reached for: asked again at `retryAt`. */
export async function deferRefund(db: Knex, id: string, retryAt: Date, now: Date): Promise<void> {
  await db("refunds").where({ id, status: "pending" }).update({ retry_at: retryAt, updated_at: now });
}

export async function failRefund(trx: Knex.Transaction, id: string, failure: string, now: Date): Promise<void> {
  await trx("refunds").where({ id }).update({ status: "failed", failure, retry_at: null, updated_at: now });
}

export async function succeedRefund(trx: Knex.Transaction, id: string, now: Date): Promise<void> {
  await trx("refunds").where({ id }).update({ status: "succeeded", retry_at: null, updated_at: now });
}

/** Pending refunds due for another try, oldest due first. */
export async function dueRefundIds(db: Knex, now: Date, limit: number): Promise<string[]> {
  return (await db("refunds").where({ status: "pending" }).where("retry_at", "<=", now).orderBy("retry_at").limit(limit).select("id")).map((
    r: { id: string },
  ) => r.id);
}
