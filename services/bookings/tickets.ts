/**
 * A ticket as its holder and the event's organizers see it, with its signed code: shared by the
 * ticket use cases and check-in.
 */
import { notFound } from "../kit/errors.ts";
import type { TicketView } from "../../subjects/bookings.ts";
import type { Principal } from "../../subjects/principal.ts";
import type { Deps } from "./deps.ts";
import { type OrderRow, type TicketRow, ticketView } from "./store.ts";
import { type JoinedTicket, orderById, ticketById } from "./store/tickets.ts";
import { assertCanRead } from "./access.ts";

export const viewOf = (t: JoinedTicket): TicketView => ticketView(t, t.type_name, t.order_status);
export const codeOf = (deps: Pick<Deps, "signer">, t: TicketRow) => deps.signer.sign({ t: t.id, e: t.event_id, n: t.attendee_name });

/** The ticket and its code, for whoever may read its order (its booker, the event's organizers, a service); else not_found. */
export async function readableTicket(deps: Deps, p: Principal | undefined, ticketId: string): Promise<{ ticket: TicketView; code: string }> {
  const t = await ticketById(deps.db, ticketId);
  if (!t) throw notFound("ticket");
  await assertCanRead(deps, (await orderById(deps.db, t.order_id)) as OrderRow, p);
  return { ticket: viewOf(t), code: codeOf(deps, t) };
}
