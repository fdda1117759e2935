/** An order's tickets with their codes (and QR images unless `qr: false`), to whoever may read the order. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../../kit/errors.ts";
import { orderById, ticketsOfOrder } from "../store/tickets.ts";
import { codeOf, viewOf } from "../tickets.ts";
import { assertCanRead } from "../access.ts";
import { qrPng, qrSvg } from "../ticket-codes.ts";

export async function getOrderTickets(deps: Deps, caller: Principal | undefined, input: RequestOf<typeof bookings.ticketsForOrder>) {
  const withQr = input.qr ?? true;
  const o = await orderById(deps.db, input.orderId);
  if (!o) throw notFound("order");
  await assertCanRead(deps, o, caller);
  const tickets = [];
  for (const t of await ticketsOfOrder(deps.db, o.id)) {
    const code = codeOf(deps, t);
    tickets.push({ ticket: viewOf(t), code, qrPngBase64: withQr ? (await qrPng(code)).toString("base64") : null, qrSvg: withQr ? await qrSvg(code) : null });
  }
  return { orderId: o.id, eventId: o.event_id, userId: o.user_id, status: o.status, tickets };
}
