/** Tickets with their signed codes and QR images, and check-in (online scans and offline uploads). */
import { decodeKeyCursor, encodeKeyCursor } from "../../kit/cursor.ts";
import type { Knex } from "knex";
import { enqueue } from "../../kit/outbox.ts";
import { notFound } from "../../kit/errors.ts";
import { ticketEvents, type TicketView } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { SOURCE, type Deps } from "../deps.ts";
import { ACTIVE, ticketView, type OrderRow, type TicketRow } from "../store.ts";
import { assertCanRead } from "./transitions.ts";
import { qrPng, qrSvg } from "./ticket-codes.ts";

type Joined = TicketRow & { order_status: OrderRow["status"]; user_id: string; type_name: string };

async function joined(db: Knex, where: (q: Knex.QueryBuilder) => void): Promise<Joined[]> {
  const q = db("tickets as t")
    .join("orders as o", "o.id", "t.order_id")
    .join("ticket_types as tt", "tt.id", "t.ticket_type_id")
    .select("t.*", "o.status as order_status", "o.user_id", "tt.name as type_name");
  where(q);
  return q;
}

const viewOf = (t: Joined): TicketView => ticketView(t, t.type_name, t.order_status);
export const codeOf = (deps: Deps, t: TicketRow) => deps.signer.sign({ t: t.id, e: t.event_id, n: t.attendee_name });

export async function getTicket(deps: Deps, p: Principal | undefined, ticketId: string): Promise<{ ticket: TicketView; code: string }> {
  const [t] = await joined(deps.db, (q) => q.where("t.id", ticketId));
  if (!t) throw notFound("ticket");
  await assertCanRead(deps, (await deps.db<OrderRow>("orders").where({ id: t.order_id }).first()) as OrderRow, p);
  return { ticket: viewOf(t), code: codeOf(deps, t) };
}

export async function ticketQr(deps: Deps, p: Principal | undefined, ticketId: string, format: "png" | "svg") {
  const { code } = await getTicket(deps, p, ticketId);
  if (format === "png") return { contentType: "image/png" as const, dataBase64: (await qrPng(code)).toString("base64") };
  return { contentType: "image/svg+xml" as const, dataBase64: Buffer.from(await qrSvg(code)).toString("base64") };
}

export async function ticketsForOrder(deps: Deps, p: Principal | undefined, orderId: string, withQr: boolean) {
  const o = await deps.db<OrderRow>("orders").where({ id: orderId }).first();
  if (!o) throw notFound("order");
  await assertCanRead(deps, o, p);
  const ts = await joined(deps.db, (q) => q.where("t.order_id", orderId).orderBy("t.seq"));
  const tickets = [];
  for (const t of ts) {
    const code = codeOf(deps, t);
    tickets.push({ ticket: viewOf(t), code, qrPngBase64: withQr ? (await qrPng(code)).toString("base64") : null, qrSvg: withQr ? await qrSvg(code) : null });
  }
  return { orderId, eventId: o.event_id, userId: o.user_id, status: o.status, tickets };
}

type Outcome = { result: "valid" | "already_checked_in" | "other_event" | "cancelled" | "forged"; ticket: TicketView | null; checkedInAt: string | null; checkedInBy: string | null };

/**
 * One scan. The first scan wins: the check-in is a guarded UPDATE (`checked_in_at is null`, or for
 * an offline scan, later than this one), so two doors scanning the same code at once admit once.
 */
export async function scan(deps: Deps, staff: Principal, eventId: string, code: string, at: Date, offline: boolean): Promise<Outcome> {
  const claims = deps.signer.verify(code);
  if (!claims) return { result: "forged", ticket: null, checkedInAt: null, checkedInBy: null };
  if (claims.e !== eventId) return { result: "other_event", ticket: null, checkedInAt: null, checkedInBy: null };
  const [t] = await joined(deps.db, (q) => q.where("t.id", claims.t));
  if (!t || t.event_id !== eventId) return { result: "forged", ticket: null, checkedInAt: null, checkedInBy: null };
  if (!ACTIVE.includes(t.order_status) || t.order_status !== "confirmed") return { result: "cancelled", ticket: viewOf(t), checkedInAt: null, checkedInBy: null };
  const now = deps.now();
  const won = await deps.db.transaction(async (trx) => {
    const q = trx<TicketRow>("tickets").where({ id: t.id });
    if (offline) q.where((w) => w.whereNull("checked_in_at").orWhere("checked_in_at", ">", at));
    else q.whereNull("checked_in_at");
    const [row] = await q.update({ checked_in_at: at, checked_in_by: staff.sub, checked_in_offline: offline }).returning("*");
    if (row && t.checked_in_at === null) {
      await enqueue(trx, ticketEvents.checkedIn, { ticketId: t.id, orderId: t.order_id, eventId, userId: t.user_id, checkedInAt: at.toISOString(), checkedInBy: staff.sub, offline, occurredAt: now.toISOString() }, { source: SOURCE, occurredAt: now });
    }
    return row;
  });
  deps.flushOutbox();
  const [after] = await joined(deps.db, (q) => q.where("t.id", t.id));
  const first = { checkedInAt: after.checked_in_at ? new Date(after.checked_in_at).toISOString() : null, checkedInBy: after.checked_in_by };
  if (won) return { result: "valid", ticket: viewOf(after), ...first };
  return { result: "already_checked_in", ticket: viewOf(after), ...first };
}

/** What a scanner needs offline: the key, the revoked tickets, the valid ones. */
export async function offlinePackage(deps: Deps, eventId: string) {
  const ts = await joined(deps.db, (q) => q.where("t.event_id", eventId).orderBy("t.attendee_name"));
  return {
    eventId,
    publicKey: { kid: deps.signer.kid, alg: "EdDSA" as const, jwk: deps.signer.publicJwk },
    revoked: ts.filter((t) => t.order_status !== "confirmed").map((t) => t.id),
    tickets: ts.filter((t) => t.order_status === "confirmed").map((t) => ({ id: t.id, attendeeName: t.attendee_name, ticketTypeName: t.type_name, checkedInAt: t.checked_in_at ? new Date(t.checked_in_at).toISOString() : null })),
    generatedAt: deps.now().toISOString(),
  };
}

export async function checkInList(deps: Deps, eventId: string, opts: { ticketTypeId?: string; checkedIn?: boolean; cursor?: string; limit: number }) {
  const base = (q: Knex.QueryBuilder) => {
    q.where("t.event_id", eventId).where("o.status", "confirmed");
    if (opts.ticketTypeId) q.where("t.ticket_type_id", opts.ticketTypeId);
  };
  const after = decodeKeyCursor(opts.cursor, "uuid");
  const rows = await joined(deps.db, (q) => {
    base(q);
    if (opts.checkedIn === true) q.whereNotNull("t.checked_in_at");
    if (opts.checkedIn === false) q.whereNull("t.checked_in_at");
    if (after) q.where("t.id", ">", after);
    q.orderBy("t.id").limit(opts.limit + 1);
  });
  const counts = await deps.db("tickets as t").join("orders as o", "o.id", "t.order_id").modify(base).select(deps.db.raw("count(*)::int as total"), deps.db.raw("count(t.checked_in_at)::int as checked_in")).first();
  const page = rows.slice(0, opts.limit);
  return {
    items: page.map(viewOf),
    nextCursor: rows.length > opts.limit ? encodeKeyCursor(page[page.length - 1].id) : null,
    total: Number(counts?.total ?? 0),
    checkedIn: Number(counts?.checked_in ?? 0),
  };
}
