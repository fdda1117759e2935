/**
 * Settling verified payment results (callbacks through the result mailbox, and reconciliation).
 * Concurrent results are decided together: under the
 * payments' row locks, the provider's payment id, amount and currency must be the ones we
 * created; a (payment, provider id, result) decided before gets the same answer again; otherwise a
 * success settles the booking — confirmed → succeeded with one ledger charge and a receipt; gone
 * (the hold ran out and the seats were released) → `rejected` when the provider allows it, else
 * accepted and refunded in full at once — and a failure fails the payment (bookings releases the
 * seats). Every decision of a batch commits in one transaction, so a crash mid-way changes nothing
 * and the provider's retries decide again.
 */
import { randomUUID } from "node:crypto";
import type { Knex } from "knex";
import { paymentEvents } from "../../subjects/payments.ts";
import { type Deps, SOURCE } from "./deps.ts";
import type { CallbackAnswer, ResultNotice } from "./providers/provider.ts";
import { paymentOf, type PaymentRow } from "./store.ts";
import type { CallbackRow } from "./store/callbacks.ts";
import { callbacksOfSql, countRepeatsSql, insertRefundsSql, lockPaymentsSql, receiptsSql, writeBatchSql } from "./store/batch.ts";
import { chargeRows } from "./store/ledger.ts";
import { counterMoves, numberReceipts } from "./store/receipts.ts";
import { type OutboxRow, outboxRows } from "../kit/outbox.ts";
import { inHeldTransaction, type SendStatements } from "../kit/db.ts";
import { facts } from "./facts.ts";
import { processRefund } from "./refunding.ts";
import { cancelTimersSql } from "../kit/timers.ts";
import { RECONCILE_TIMER } from "./reconciliation.ts";

/** What was decided for one result: refused (nothing changed), or an answer and whether it changed anything. */
export type Decided = { refused: string } | { answer: Omit<CallbackAnswer, "salt">; changed: boolean; refundId?: string };

/** What the callback use case is given: the replica's result mailbox decides a verified result (built once in the endpoint file). */
export type CallbackDeps = Deps & { decide(n: ResultNotice): Promise<Decided> };

/** Why a verified result does not belong to the payment it names (refused, nothing changes), or undefined when it does. */
export function refusalOf(p: PaymentRow | undefined, n: ResultNotice): string | undefined {
  if (!p) return "unknown pg_order_id";
  if (p.provider_payment_id && p.provider_payment_id !== n.providerPaymentId) return "pg_payment_id does not belong to this order";
  if (n.amountMinor !== p.amount_minor || n.currency !== p.currency) return "amount or currency does not match the payment";
  return undefined;
}

/** The provider's fee is what it kept: the amount less pg_net_amount (nothing recorded when it does not say). */
export function feeOf(n: ResultNotice): number {
  return n.netAmountMinor === undefined ? 0 : n.amountMinor - n.netAmountMinor;
}

/**
 * Statements run one by one in the caller's knex transaction (reconciliation), where the callback
 * batch sends them all in one round trip on a held connection (kit/db.ts inHeldTransaction).
 */
function sendIn(trx: Knex.Transaction): SendStatements {
  return async (statements) => {
    const out: Array<Array<Record<string, unknown>>> = [];
    for (const sql of statements) out.push(((await trx.raw(sql)) as { rows: Array<Record<string, unknown>> }).rows);
    return out;
  };
}

/**
 * Applies one verified result in the caller's transaction (reconciliation's timer, with what
 * get_status3 said). A refund it plans (accepted after the hold expired) is not committed yet
 * when this returns: the refund retry pass takes it.
 */
export async function applyResult(deps: Deps, n: ResultNotice, trx: Knex.Transaction): Promise<Decided> {
  const send = sendIn(trx);
  const { decided, tail } = await applyResults(deps, send, [n]);
  await send(tail);
  return decided[0];
}

/**
 * Commits a batch of results in one transaction and answers each. A result accepted after its
 * hold expired carries the refund planned (`refundId`): the caller asks for it (`refundLate`)
 * before answering that result, outside the batch, so a slow provider holds up only its own.
 * Three round trips on a held connection (kit/db.ts inHeldTransaction) and one bookings settle:
 * `begin` with the lock and the dedupe read, the writes, the receipts and events with `commit`.
 */
export async function commitResults(deps: Deps, ns: ResultNotice[]): Promise<Decided[]> {
  const events: OutboxRow[] = [];
  const decided = await inHeldTransaction(deps.db, async (send) => {
    const { decided, tail } = await applyResults(deps, send, ns, events);
    return { result: decided, end: tail };
  });
  if (decided.some((d) => "changed" in d && d.changed)) deps.flushOutbox(events);
  return decided;
}

/** Accepted after the seats were gone and the provider would not take it back: refund now (the retry pass takes a failure). */
export async function refundLate(deps: Deps, refundId: string): Promise<void> {
  await processRefund(deps, refundId).catch((err: unknown) =>
    deps.log.error({ err, refundId }, "refund of a late payment failed; the retry pass will try again")
  );
}

type Change = { p: PaymentRow; event: "succeeded" | "failed"; reason?: string; feeMinor?: number; refund?: boolean };

/**
 * The decisions of many results of distinct payments, in one transaction (`send`), in a fixed
 * number of statements whatever their number: lock the payments (in id order, so concurrent
 * batches and replicas never deadlock) and read what was decided before, one bookings settle for
 * all the successes to decide, then the writes. The same (payment, provider id, result) is
 * decided once: a repeat gets the stored answer. Answers the decisions and `tail`, the last
 * statements (the receipts and the events), for the caller to send with its commit; the outbox
 * rows are added to `written` (for flushOutbox once the caller committed).
 */
export async function applyResults(
  deps: Deps,
  send: SendStatements,
  ns: ResultNotice[],
  written?: OutboxRow[],
): Promise<{ decided: Decided[]; tail: string[] }> {
  const ids = ns.map((n) => n.orderId);
  if (new Set(ids).size !== ids.length) throw new Error("applyResults: one result per payment per batch");
  const now = deps.now();
  const [locked, before] = await send([lockPaymentsSql(ids), callbacksOfSql(ids)]);
  const rows = new Map<string, PaymentRow>(locked.map((r) => paymentOf(r)).map((p) => [p.id, p]));
  const out: Decided[] = new Array(ns.length);
  const keyOf = (paymentId: string, providerPaymentId: string, result: number) => `${paymentId} ${providerPaymentId} ${Number(result)}`;
  const valid: number[] = [];
  ns.forEach((n, i) => {
    const refused = refusalOf(rows.get(n.orderId), n);
    if (refused) out[i] = { refused };
    else valid.push(i);
  });
  if (valid.length === 0) return { decided: out, tail: [] };

  const seen = new Map<string, { answer_status: CallbackAnswer["status"]; answer_description: string }>();
  for (const c of before as CallbackRow[]) seen.set(keyOf(c.payment_id, c.provider_payment_id, c.result), c);
  const repeats: number[] = [];
  const fresh: number[] = [];
  for (const i of valid) {
    const n = ns[i];
    const before = seen.get(keyOf(n.orderId, n.providerPaymentId, n.succeeded ? 1 : 0));
    if (before) {
      out[i] = { answer: { status: before.answer_status, description: before.answer_description }, changed: false };
      repeats.push(i);
    } else fresh.push(i);
  }

  // Decide: failures and payments already settled need nobody; successes to settle ask bookings, all at once.
  const changes = new Map<number, Change>();
  const toSettle: number[] = [];
  for (const i of fresh) {
    const n = ns[i];
    const p = rows.get(n.orderId)!;
    const done = p.status === "succeeded" || p.status === "partially_refunded" || p.status === "refunded";
    if (done) out[i] = { answer: { status: "ok", description: "already paid" }, changed: true };
    else if (!n.succeeded) {
      if (p.status === "failed" || p.status === "cancelled") out[i] = { answer: { status: "ok", description: "recorded" }, changed: true };
      else {
        const reason = (n.failureDescription ?? n.failureCode ?? "declined").slice(0, 500);
        changes.set(i, {
          p: { ...p, status: "failed", failure: reason, provider_payment_id: n.providerPaymentId, reconcile_at: null, updated_at: now },
          event: "failed",
          reason,
        });
        out[i] = { answer: { status: "ok", description: "payment failure recorded" }, changed: true };
      }
    } else toSettle.push(i);
  }
  if (toSettle.length) {
    const { results } = await deps.bookings.settleMany(toSettle.map((i) => ({ orderId: rows.get(ns[i].orderId)!.order_id, paymentId: ns[i].orderId })));
    toSettle.forEach((i, k) => {
      const n = ns[i];
      const p = rows.get(n.orderId)!;
      const outcome = results[k]?.orderId === p.order_id ? results[k].outcome : "gone";
      if (outcome === "gone" && n.canReject) {
        changes.set(i, {
          p: {
            ...p,
            status: "failed",
            failure: "paid after the booking's hold expired; rejected",
            provider_payment_id: n.providerPaymentId,
            reconcile_at: null,
            updated_at: now,
          },
          event: "failed",
          reason: "hold_expired",
        });
        out[i] = {
          answer: { status: "rejected", description: "The reservation has expired and the seats were released; the payment is reversed." },
          changed: true,
        };
        return;
      }
      const feeMinor = feeOf(n);
      changes.set(i, {
        p: {
          ...p,
          status: "succeeded",
          failure: null,
          card_pan: n.cardPan ?? null,
          provider_payment_id: n.providerPaymentId,
          reconcile_at: null,
          updated_at: now,
        },
        event: "succeeded",
        feeMinor,
        refund: outcome === "gone",
      });
      out[i] = outcome === "confirmed" ? { answer: { status: "ok", description: "payment accepted" }, changed: true } : {
        answer: { status: "ok", description: "payment accepted after the reservation expired; it is refunded in full" },
        changed: true,
        refundId: randomUUID(),
      };
    });
  }

  // Refunds planned and repeats counted only when there are any; then one statement writes the
  // payments, their charges, the decision rows, cancels their timers and, last, moves the
  // organizers' receipt counters (one row each, a hot row for a busy organizer), which are then
  // held for as little as possible: that statement, the receipts with the events, the commit.
  const refunds = fresh.flatMap((i) => {
    const d = out[i];
    return "refundId" in d && d.refundId
      ? [{
        id: d.refundId,
        payment_id: ns[i].orderId,
        amount_minor: rows.get(ns[i].orderId)!.amount_minor,
        status: "pending",
        reason: "hold_expired",
        requested_by: null,
        retry_at: new Date(now.getTime() + 30_000),
      }]
      : [];
  });
  const paid = [...changes.values()].filter((c) => c.event === "succeeded");
  const batch = {
    payments: [...changes.values()].map((c) => c.p),
    ledger: chargeRows(paid.map((c) => ({ payment: c.p, feeMinor: c.feeMinor ?? 0 }))),
    callbacks: fresh.map((i) => {
      const d = out[i] as Extract<Decided, { answer: unknown }>;
      return {
        payment_id: ns[i].orderId,
        provider_payment_id: ns[i].providerPaymentId,
        result: ns[i].succeeded ? 1 : 0,
        answer_status: d.answer.status,
        answer_description: d.answer.description,
      };
    }),
    timers: fresh.length ? cancelTimersSql(RECONCILE_TIMER, fresh.map((i) => ns[i].orderId))[0] : undefined,
    counters: counterMoves(paid.map((c) => c.p)),
  };
  const writes = [
    ...insertRefundsSql(refunds),
    ...countRepeatsSql(repeats.map((i) => ({ paymentId: ns[i].orderId, providerPaymentId: ns[i].providerPaymentId, result: ns[i].succeeded ? 1 : 0 }))),
    ...(batch.callbacks.length || batch.payments.length ? [writeBatchSql(batch, now)] : []),
  ];
  const results = writes.length ? await send(writes) : [];
  const counters = batch.callbacks.length || batch.payments.length ? results[results.length - 1] as Array<{ organizer_id: string; last: number }> : [];
  const receipts = numberReceipts(paid.map((c) => c.p), counters);
  const numbers = new Map(receipts.map((r) => [r.payment_id, r.number]));
  const events = [...changes.values()].map((c) =>
    c.event === "succeeded"
      ? { contract: paymentEvents.succeeded, data: { ...facts(c.p, now), receiptNumber: numbers.get(c.p.id)! } }
      : { contract: paymentEvents.failed, data: { ...facts(c.p, now), reason: c.reason ?? "declined" } }
  );
  const outbox = outboxRows(events as never, { source: SOURCE, at: now });
  written?.push(...outbox);
  return { decided: out, tail: receiptsSql(receipts, outbox) };
}
