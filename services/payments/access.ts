/**
 * Who sees a payment: its payer, the event's organizer (or an admin of the event's organization)
 * and platform admins. Anyone else gets not_found, never forbidden, so ids do not leak (BOLA).
 */
import { hasRole } from "../kit/caller.ts";
import { notFound } from "../kit/errors.ts";
import type { Principal } from "../../subjects/principal.ts";
import type { Deps } from "./deps.ts";
import { eventOwnerOf, type PaymentRow } from "./store.ts";

/** The event's organizer side: its author, or an admin of its organization. */
export async function isOrganizer(deps: Deps, p: Principal, owner: { organizer_id: string; organization_id: string | null }): Promise<boolean> {
  if (owner.organizer_id === p.sub) return true;
  return owner.organization_id ? deps.canActForOrg(p, owner.organization_id) : false;
}

export type Role = "admin" | "organizer" | "payer";

/** The caller's role toward a payment, or not_found. */
export async function roleOf(deps: Deps, p: Principal, payment: PaymentRow | undefined): Promise<Role> {
  if (!payment) throw notFound("payment");
  if (hasRole(p, "admin")) return "admin";
  if (payment.user_id === p.sub) return "payer";
  if (await isOrganizer(deps, p, payment)) return "organizer";
  throw notFound("payment");
}

/** Whether the caller administers the event's money (its organizer side, or an admin). */
export async function mayManageEvent(deps: Deps, p: Principal, eventId: string): Promise<boolean> {
  if (hasRole(p, "admin")) return true;
  const owner = await eventOwnerOf(deps.db, eventId);
  return owner ? isOrganizer(deps, p, { organizer_id: owner.organizerId, organization_id: owner.organizationId }) : false;
}
