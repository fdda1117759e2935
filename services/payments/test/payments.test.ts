import { expect } from "chai";
import { type Harness, SECRET, startPayments, user } from "./support.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { type Fields, flat } from "../providers/fields.ts";
import { withSignature } from "../providers/signature.ts";
import { parseXml } from "../providers/xml.ts";

describe("payments through the edge, against the FreedomPay sandbox", function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await startPayments();
  });
  after(async () => h?.stop());

  const organizer = user(["organizer"]);
  const payer = user();
  const admin = user(["admin"]);

  /** A held order of `payer` and its payment started through POST /v1/payments. */
  async function started(totalMinor = 1_500_000, holdMs?: number) {
    const eventId = await h.event(organizer);
    const order = h.order(payer, eventId, totalMinor, holdMs);
    const res = await h.api("/v1/payments", { body: { bookingId: order.id }, as: payer });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const providerId = h.sandbox.byOrder(res.body.paymentId)!.id;
    return { eventId, order, paymentId: res.body.paymentId as string, redirectUrl: res.body.redirectUrl as string, providerId };
  }
  const payment = async (id: string, as = payer) => (await h.api(`/v1/payments/${id}`, { as })).body;
  const statusOf = async (id: string) => (await h.db()("payments").where({ id }).first()).status as string;
  const charges = async (paymentId: string) =>
    Number((await h.db()("ledger_transactions").where({ payment_id: paymentId, kind: "charge" }).count({ n: "*" }))[0].n);
  const answerOf = (xml: string) => flat(parseXml(xml).fields);

  it("pays on the provider's page: the callback confirms the booking, books one charge and issues a receipt", async () => {
    const p = await started();
    expect(p.redirectUrl).to.match(/\/pay\/\d+$/);
    expect((await payment(p.paymentId)).status).to.equal("pending");
    const page = await fetch(p.redirectUrl, { method: "POST", body: new URLSearchParams({ action: "pay" }), redirect: "manual" });
    expect(page.status).to.equal(200);
    await eventually("payment succeeded", async () => (await statusOf(p.paymentId)) === "succeeded");
    const view = await payment(p.paymentId);
    expect(view).to.include({ status: "succeeded", amountMinor: 1_500_000, currency: "KZT", providerPaymentId: p.providerId, redirectUrl: null });
    expect(view.receiptNumber).to.match(/^R-[0-9A-F]{8}-000001$/);
    expect(h.orders.get(p.order.id)!.status).to.equal("confirmed");
    expect(await charges(p.paymentId)).to.equal(1);
    await h.sandbox.idle();
    const answers = h.sandbox.payments.get(p.providerId)!.answers;
    expect(answers).to.have.length(1);
    expect(answers[0]).to.include({ httpStatus: 200, status: "ok", signatureOk: true });
    const pdf = await h.api(`/v1/payments/${p.paymentId}/receipt.pdf`, { as: payer });
    expect(pdf.status).to.equal(200);
    expect(pdf.headers.get("content-type")).to.equal("application/pdf");
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).to.equal("%PDF-");
  });

  it("answers the live payment again for the same booking, and the Idempotency-Key replays", async () => {
    const eventId = await h.event(organizer);
    const order = h.order(payer, eventId);
    const a = await h.api("/v1/payments", { body: { bookingId: order.id }, as: payer, headers: { "idempotency-key": `k-${order.id}` } });
    const b = await h.api("/v1/payments", { body: { bookingId: order.id }, as: payer });
    const c = await h.api("/v1/payments", { body: { bookingId: order.id }, as: payer, headers: { "idempotency-key": `k-${order.id}` } });
    expect(b.body.paymentId).to.equal(a.body.paymentId);
    expect(c.headers.get("idempotent-replayed")).to.equal("true");
    const other = await h.api("/v1/payments", { body: { bookingId: order.id }, as: user() });
    expect(other.status).to.equal(404);
  });

  it("refuses a booking whose hold is shorter than the provider's minimum page lifetime", async () => {
    const eventId = await h.event(organizer);
    const order = h.order(payer, eventId, 1000, 60_000);
    const res = await h.api("/v1/payments", { body: { bookingId: order.id }, as: payer });
    expect(res.status).to.equal(409);
    expect(res.body.code).to.equal("hold_too_short");
  });

  it("records a decline and a bank timeout as failed (bookings hears evt.payment.failed)", async () => {
    const a = await started();
    await fetch(a.redirectUrl, { method: "POST", body: new URLSearchParams({ action: "decline" }) });
    const b = await started();
    await fetch(b.redirectUrl, { method: "POST", body: new URLSearchParams({ action: "timeout" }) });
    await eventually("both payments failed", async () => (await statusOf(a.paymentId)) === "failed" && (await statusOf(b.paymentId)) === "failed");
    expect((await payment(a.paymentId)).failure).to.equal("Declined by the issuer");
    expect((await payment(b.paymentId)).failure).to.equal("The bank did not answer in time");
    expect(await charges(a.paymentId)).to.equal(0);
    const outbox = await h.db()("outbox").whereRaw("envelope::jsonb->'data'->>'paymentId' = ?", [a.paymentId]).select("subject");
    expect(outbox.map((r: { subject: string }) => r.subject)).to.include("evt.payment.failed");
  });

  it("confirms once for a callback repeated 5 times and 5 at once, with identical signed answers", async () => {
    const p = await started();
    await h.sandbox.pay(p.providerId, { deliver: false });
    const fields = h.sandbox.callbackFields(p.providerId);
    const serial: string[] = [];
    for (let i = 0; i < 5; i++) serial.push((await h.callback(fields)).text);
    const parallel = await Promise.all(Array.from({ length: 5 }, () => h.callback(fields)));
    const all = [...serial, ...parallel.map((r) => r.text)];
    expect(new Set(all).size).to.equal(1);
    expect(answerOf(all[0])).to.include({ pg_status: "ok" });
    expect(h.settles.get(p.order.id)).to.equal(1);
    expect(await charges(p.paymentId)).to.equal(1);
    const row = await h.db()("callbacks").where({ payment_id: p.paymentId }).first();
    expect(row.received).to.equal(10);
    const succeeded = await h.db()("outbox").where({ subject: "evt.payment.succeeded" }).whereRaw("envelope::jsonb->'data'->>'paymentId' = ?", [p.paymentId])
      .count({ n: "*" });
    expect(Number(succeeded[0].n)).to.equal(1);
  });

  it("rejects a payment made after the hold expired when the provider allows it", async () => {
    const p = await started();
    h.orders.get(p.order.id)!.status = "expired";
    await h.sandbox.pay(p.providerId);
    await h.sandbox.idle();
    const sp = h.sandbox.payments.get(p.providerId)!;
    expect(sp.answers[0]).to.include({ status: "rejected", signatureOk: true });
    expect(sp.status).to.equal("revoked");
    expect(await statusOf(p.paymentId)).to.equal("failed");
    expect(await charges(p.paymentId)).to.equal(0);
  });

  it("accepts and refunds at once a payment made after the hold expired when it cannot be rejected", async () => {
    const p = await started();
    h.orders.get(p.order.id)!.status = "expired";
    await h.sandbox.pay(p.providerId, { deliver: false });
    const res = await h.callback(h.sandbox.callbackFields(p.providerId, { canReject: false }));
    expect(answerOf(res.text)).to.include({ pg_status: "ok" });
    const view = await payment(p.paymentId);
    expect(view.status).to.equal("refunded");
    expect(view.refunds).to.have.length(1);
    expect(view.refunds[0]).to.include({ reason: "hold_expired", status: "succeeded", amountMinor: 1_500_000 });
    expect(h.sandbox.payments.get(p.providerId)!.refundedMinor).to.equal(1_500_000);
    const kinds = (await h.db()("ledger_transactions").where({ payment_id: p.paymentId }).orderBy("created_at")).map((t: { kind: string }) => t.kind);
    expect(kinds).to.deep.equal(["charge", "refund"]);
  });

  it("records the provider's fee, read from pg_net_amount, as its own balanced transaction", async () => {
    const p = await started();
    await h.sandbox.pay(p.providerId, { feeMinor: 42_500 });
    await h.sandbox.idle();
    expect(await statusOf(p.paymentId)).to.equal("succeeded");
    const rows = await h.db()("ledger_transactions").where({ payment_id: p.paymentId }).orderBy("kind");
    expect(rows.map((t: { kind: string; amount_minor: string }) => [t.kind, Number(t.amount_minor)])).to.deep.equal([["charge", 1_500_000], ["fee", 42_500]]);
    const fee = rows.find((t: { kind: string }) => t.kind === "fee");
    const entries = await h.db()("ledger_entries").where({ transaction_id: fee.id }).orderBy("account");
    expect(
      entries.map((
        e: { account: string; debit_minor: string; credit_minor: string },
      ) => [e.account.split(":")[0], Number(e.debit_minor), Number(e.credit_minor)]),
    ).to.deep.equal([
      ["organizer", 42_500, 0],
      ["provider_fees", 0, 42_500],
    ]);
  });

  it("confirms a payment whose callback was lost, by asking get_status3", async () => {
    const p = await started();
    await h.sandbox.pay(p.providerId, { deliver: false });
    await eventually("reconciliation", async () => (await statusOf(p.paymentId)) === "succeeded", 15_000);
    expect(h.orders.get(p.order.id)!.status).to.equal("confirmed");
    expect(await charges(p.paymentId)).to.equal(1);
  });

  it("refuses a tampered field, a wrong signature, a callback replayed for another payment, a wrong amount or currency: nothing changes", async () => {
    const p = await started();
    const q = await started();
    await h.sandbox.pay(p.providerId, { deliver: false });
    const good = h.sandbox.callbackFields(p.providerId);
    const set = (fs: Fields, k: string, v: string): Fields => fs.map(([n, x]) => (n === k ? [n, v] : [n, x]));
    const resign = (fs: Fields) => withSignature("result", fs, SECRET);
    const bad: Array<[string, Fields]> = [
      ["tampered amount", set(good, "pg_amount", "1")],
      ["tampered description", set(good, "pg_description", "x")],
      ["tampered card", set(good, "pg_card_pan", "5555-55XX-XXXX-4444")],
      ["wrong signature", set(good, "pg_sig", "0".repeat(32))],
      ["signed with another secret", withSignature("result", good, "another-secret")],
      ["signed for another script", withSignature("check", good, SECRET)],
      ["replayed for another payment", resign(set(good, "pg_order_id", q.paymentId))],
      ["wrong amount", resign(set(good, "pg_amount", "14999"))],
      ["wrong currency", resign(set(good, "pg_currency", "USD"))],
      ["no signature", good.filter(([k]) => k !== "pg_sig")],
    ];
    for (const [what, fields] of bad) {
      const res = await h.callback(fields);
      expect(res.status, what).to.equal(200);
      expect(answerOf(res.text).pg_status, what).to.equal("error");
    }
    expect(await statusOf(p.paymentId)).to.equal("pending");
    expect(await statusOf(q.paymentId)).to.equal("pending");
    expect(await h.db()("callbacks").whereIn("payment_id", [p.paymentId, q.paymentId]).count({ n: "*" }).then((r) => Number(r[0].n))).to.equal(0);
    expect(h.settles.get(p.order.id) ?? 0).to.equal(0);
    // The genuine one still works afterwards.
    expect(answerOf((await h.callback(good)).text).pg_status).to.equal("ok");
  });

  it("refunds partially up to the paid total, refuses more, and concurrent requests never exceed it", async () => {
    const p = await started(10_000);
    await h.sandbox.pay(p.providerId);
    await eventually("payment succeeded", async () => (await statusOf(p.paymentId)) === "succeeded");
    const refund = (amountMinor?: number, as = organizer) =>
      h.api(`/v1/payments/${p.paymentId}/refund`, { body: amountMinor === undefined ? {} : { amountMinor }, as });
    const first = await refund(3_000);
    expect(first.status, JSON.stringify(first.body)).to.equal(201);
    expect(first.body).to.include({ status: "succeeded", amountMinor: 3_000, reason: "requested" });
    expect((await payment(p.paymentId)).status).to.equal("partially_refunded");
    const over = await refund(7_001);
    expect(over.status).to.equal(409);
    expect(over.body.code).to.equal("refund_exceeds_paid");
    const racing = await Promise.all(Array.from({ length: 6 }, () => refund(2_000, admin)));
    const ok = racing.filter((r) => r.status === 201);
    expect(ok).to.have.length(3);
    expect(racing.filter((r) => r.status === 409)).to.have.length(3);
    const view = await payment(p.paymentId);
    expect(view).to.include({ status: "partially_refunded", refundedMinor: 9_000 });
    const rest = await refund(undefined);
    expect(rest.body.amountMinor).to.equal(1_000);
    expect((await payment(p.paymentId)).status).to.equal("refunded");
    expect(h.sandbox.payments.get(p.providerId)!.refundedMinor).to.equal(10_000);
    const payerAsks = await refund(1, payer);
    expect(payerAsks.status).to.equal(403);
  });

  it("refunds what a cancelled booking is due (evt.booking.cancelled), once per message", async () => {
    const p = await started(8_000);
    await h.sandbox.pay(p.providerId);
    await eventually("payment succeeded", async () => (await statusOf(p.paymentId)) === "succeeded");
    const { bookingEvents } = await import("../../../subjects/bookings.ts");
    const envelope = {
      id: crypto.randomUUID(),
      type: bookingEvents.cancelled.subject,
      version: 1,
      source: "bookings",
      occurredAt: new Date().toISOString(),
      data: {
        orderId: p.order.id,
        eventId: p.eventId,
        userId: payer.sub,
        status: "cancelled",
        totalMinor: 8_000,
        currency: "KZT",
        seats: 2,
        occurredAt: new Date().toISOString(),
        reason: "attendee",
        refundDueMinor: 4_000,
        paymentId: p.paymentId,
      },
    };
    await h.nats.js.publish(envelope.type, JSON.stringify(envelope), { msgID: envelope.id });
    await h.nats.js.publish(envelope.type, JSON.stringify(envelope)); // a redelivery in effect: same envelope id
    await eventually("payment partially_refunded", async () => (await statusOf(p.paymentId)) === "partially_refunded");
    const view = await payment(p.paymentId);
    expect(view.refunds.map((r: { amountMinor: number; reason: string }) => [r.amountMinor, r.reason])).to.deep.equal([[4_000, "booking_cancelled"]]);
  });

  it("shows a payment only to its payer, the event's organizers and admins", async () => {
    const orgId = crypto.randomUUID();
    const orgAdmin = user(["organizer"]);
    h.orgAdmins.add(`${orgId}:${orgAdmin.sub}`);
    const eventId = await h.event(organizer, orgId);
    const order = h.order(payer, eventId);
    const created = await h.api("/v1/payments", { body: { bookingId: order.id }, as: payer });
    const id = created.body.paymentId;
    expect((await h.api(`/v1/payments/${id}`, { as: payer })).status).to.equal(200);
    expect((await h.api(`/v1/payments/${id}`, { as: organizer })).status).to.equal(200);
    expect((await h.api(`/v1/payments/${id}`, { as: orgAdmin })).status).to.equal(200);
    expect((await h.api(`/v1/payments/${id}`, { as: admin })).status).to.equal(200);
    expect((await h.api(`/v1/payments/${id}`, { as: user() })).status).to.equal(404);
    expect((await h.api(`/v1/payments/${id}`, { as: user(["organizer"]) })).status).to.equal(404);
    expect((await h.api(`/v1/payments/${id}`)).status).to.equal(401);
    expect((await h.api(`/v1/payments/${id}/receipt.pdf`, { as: user() })).status).to.equal(404);
    const stranger = await h.api(`/v1/payments?eventId=${eventId}`, { as: user() });
    expect(stranger.body.items).to.deep.equal([]);
    const org = await h.api(`/v1/payments?eventId=${eventId}`, { as: organizer });
    expect(org.body.items.map((p: { id: string }) => p.id)).to.deep.equal([id]);
    expect((await h.api(`/v1/transactions?eventId=${eventId}`, { as: user(["organizer"]) })).status).to.equal(403);
    expect((await h.api(`/v1/payments?all=true`, { as: payer })).status).to.equal(403);
  });

  it("keeps a balanced, append-only ledger whose balances are sums", async () => {
    const tx = await h.api("/v1/transactions?limit=100", { as: organizer });
    expect(tx.status).to.equal(200);
    for (const t of tx.body.items) {
      const debit = t.entries.reduce((s: number, e: { debitMinor: number }) => s + e.debitMinor, 0);
      const credit = t.entries.reduce((s: number, e: { creditMinor: number }) => s + e.creditMinor, 0);
      expect(debit).to.equal(credit);
    }
    const mine = tx.body.balances.find((b: { account: string }) => b.account === `organizer:${organizer.sub}`);
    const [{ charged }] = await h.db()("ledger_transactions").where({ organizer_id: organizer.sub, kind: "charge" }).sum({ charged: "amount_minor" });
    const [{ refunded }] = await h.db()("ledger_transactions").where({ organizer_id: organizer.sub, kind: "refund" }).sum({ refunded: "amount_minor" });
    const [{ fees }] = await h.db()("ledger_transactions").where({ organizer_id: organizer.sub, kind: "fee" }).sum({ fees: "amount_minor" });
    expect(mine.balanceMinor).to.equal(Number(charged) - Number(refunded) - Number(fees ?? 0));
    const err = await h.db().raw("update ledger_entries set credit_minor = credit_minor + 1").catch((e: Error) => e);
    expect(String(err)).to.contain("append-only");
    const unbalanced = await h
      .db()
      .transaction(async (trx) => {
        const t = await trx("ledger_transactions").first("id");
        await trx("ledger_entries").insert({ transaction_id: t.id, account: "x", currency: "KZT", debit_minor: 1 });
      })
      .catch((e: Error) => e);
    expect(String(unbalanced)).to.contain("not balanced");
  });

  it("pages a payer's payments without skipping or repeating those created within one millisecond", async () => {
    const buyer = user();
    const eventId = await h.event(organizer);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await h.api("/v1/payments", { body: { bookingId: h.order(buyer, eventId).id }, as: buyer });
      ids.push(res.body.paymentId);
    }
    // Microseconds apart in one millisecond: a cursor rounded through a JS Date would skip the rest.
    for (const [i, id] of ids.entries()) await h.db()("payments").where({ id }).update({ created_at: `2026-12-05T10:00:00.1234${i}1Z` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await h.api(
        `/v1/payments?limit=1${cursor ? `&cursor=${cursor}` : ""}`,
        { as: buyer },
      );
      expect(res.status).to.equal(200);
      seen.push(...res.body.items.map((p) => p.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).to.deep.equal([...ids].reverse());
  });

  it("lists the provider's methods and saves only a token", async () => {
    const saved = await h.api("/v1/payment-methods", { body: { token: "card_tok_12345678", name: "Visa •••• 6150", last4: "6150" }, as: payer });
    expect(saved.status).to.equal(201);
    const list = await h.api("/v1/payment-methods", { as: payer });
    expect(list.body.items.map((m: { id: string }) => m.id)).to.include.members(["card", saved.body.id]);
    const cardData = await h.api("/v1/payment-methods", { body: { token: "4405 6450 0000 6150", name: "card" }, as: payer });
    expect(cardData.status).to.equal(400);
  });
});

describe("payments: a storm of callbacks for one event", function () {
  this.timeout(60_000);
  let h: Harness;
  // No reconciliation during the storm: this is about batching, and a reconcile pass deciding
  // some payments first (the main suite's is 1.5 s) would be a different test.
  before(async () => {
    h = await startPayments({ PAYMENTS_RECONCILE_AFTER_MS: "3600000" });
  });
  after(async () => h?.stop());
  const answerOf = (xml: string) => flat(parseXml(xml).fields);

  it("decides many concurrent callbacks of one event's payments in batches: each confirmed once, identical answers to repeats, receipts without gaps, a balanced ledger", async () => {
    const N = 40;
    const payer = user();
    const eventOrganizer = user(["organizer"]);
    const eventId = await h.event(eventOrganizer);
    const paid = await Promise.all(
      Array.from({ length: N }, async () => {
        const order = h.order(payer, eventId, 2_500);
        const res = await h.api("/v1/payments", { body: { bookingId: order.id }, as: payer });
        expect(res.status, JSON.stringify(res.body)).to.equal(201);
        const providerId = h.sandbox.byOrder(res.body.paymentId)!.id;
        await h.sandbox.pay(providerId, { deliver: false, feeMinor: 100 });
        return { order, paymentId: res.body.paymentId as string, fields: h.sandbox.callbackFields(providerId) };
      }),
    );
    // Every callback twice, all at once.
    const answers = await Promise.all(paid.flatMap((p) => [h.callback(p.fields), h.callback(p.fields)]));
    for (let i = 0; i < N; i++) {
      const [a, b] = [answers[2 * i], answers[2 * i + 1]];
      expect(a.status, a.text).to.equal(200);
      expect(b.text).to.equal(a.text);
      expect(answerOf(a.text)).to.include({ pg_status: "ok", pg_description: "payment accepted" });
    }
    const ids = paid.map((p) => p.paymentId);
    for (const p of paid) {
      expect(h.orders.get(p.order.id)!.status).to.equal("confirmed");
      expect(h.settles.get(p.order.id)).to.equal(1);
    }
    const statuses = await h.db()("payments").whereIn("id", ids).pluck("status");
    expect(statuses.every((s: string) => s === "succeeded")).to.equal(true);
    const kinds: Array<{ kind: string; n: string | number }> = await h.db()("ledger_transactions").whereIn("payment_id", ids).groupBy("kind").select("kind")
      .count({ n: "*" });
    expect(Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]))).to.deep.equal({ charge: N, fee: N });
    const [{ d, c }] = await h.db()("ledger_entries").join("ledger_transactions", "ledger_transactions.id", "ledger_entries.transaction_id").whereIn(
      "payment_id",
      ids,
    ).sum({ d: "debit_minor", c: "credit_minor" });
    expect(Number(d)).to.equal(N * 2_600);
    expect(Number(c)).to.equal(Number(d));
    const seqs = await h.db()("receipts").where({ organizer_id: eventOrganizer.sub }).orderBy("seq").pluck("seq");
    expect(seqs).to.deep.equal(Array.from({ length: N }, (_, i) => i + 1));
    const succeeded = await h.db()("outbox").where({ subject: "evt.payment.succeeded" }).whereRaw("(envelope::jsonb->'data'->>'paymentId')::uuid = any(?)", [
      ids,
    ]).count({ n: "*" });
    expect(Number(succeeded[0].n)).to.equal(N);
    const received = await h.db()("callbacks").whereIn("payment_id", ids).pluck("received");
    expect(received).to.have.length(N);
    expect(received.every((n: number) => n === 2)).to.equal(true);
    // They were decided together: a batch's rows share its transaction's start time.
    const batches = await h.db()("callbacks").whereIn("payment_id", ids).countDistinct({ n: "created_at" });
    expect(Number(batches[0].n)).to.be.below(N);
  });
});
