/**
 * Who may do what. Organizers of an event are its author and the admins of its organization
 * (identity's svc.identity.orgs.can-act is the authority, as for the events service); platform
 * admins may act on any event. A call without a principal comes from another service (payments,
 * notifications): only the edge and services may publish on svc.> (NATS permissions).
 */
import type { Knex } from "knex";
import { hasRole } from "../kit/caller.ts";
import { forbidden, notFound } from "../kit/errors.ts";
import type { Principal } from "../../subjects/principal.ts";
import type { Deps } from "./deps.ts";
import type { EventRow, OrderRow } from "./store.ts";
import { eventById } from "./store.ts";
import { orderById } from "./store/tickets.ts";

export async function isOrganizer(deps: Deps, event: EventRow, p: Principal): Promise<boolean> {
  if (hasRole(p, "admin") || event.organizer_id === p.sub) return true;
  if (!event.organization_id) return false;
  return deps.canActForOrg(p, event.organization_id);
}

/** The event, if the caller organizes it (or the call comes from a service). */
export async function organizedEvent(deps: Deps, eventId: string, p: Principal | undefined): Promise<EventRow> {
  const event = await eventById(deps.db, eventId);
  if (!event || event.deleted) throw notFound("event");
  if (!p) return event;
  if (!(await isOrganizer(deps, event, p))) throw forbidden("only the event's author or an admin of its organization may do this");
  return event;
}

export async function eventOrNotFound(deps: Deps, eventId: string): Promise<EventRow> {
  const event = await eventById(deps.db, eventId);
  if (!event || event.deleted) throw notFound("event");
  return event;
}

/** Whether the caller organizes the event (false when anonymous). */
export async function organizes(deps: Deps, event: EventRow, p: Principal | undefined): Promise<boolean> {
  return p ? isOrganizer(deps, event, p) : false;
}

/** The order; `notFound` when there is none. */
export async function orderOrNotFound(db: Knex, orderId: string): Promise<OrderRow> {
  const o = await orderById(db, orderId);
  if (!o) throw notFound("order");
  return o;
}

/** Its booker, the event's organizers and services may read an order; anyone else is told it does not exist. */
export async function assertCanRead(deps: Deps, o: OrderRow, p: Principal | undefined): Promise<void> {
  if (!p || o.user_id === p.sub) return;
  const event = await eventById(deps.db, o.event_id);
  if (event && (await isOrganizer(deps, event, p))) return;
  throw notFound("order");
}
