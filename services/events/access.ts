/**
 * Who may see and who may change an event. Seeing uses the projections (organization members,
 * invites, deactivated users); changing asks identity (svc.identity.orgs.can-act), the authority
 * on organization roles. A caller who may not see an event gets not_found, never forbidden, so
 * private and draft events do not leak their existence.
 */
import type { Knex } from "knex";
import { forbidden, notFound } from "../kit/errors.ts";
import { hasRole } from "../kit/caller.ts";
import type { Principal } from "../../subjects/principal.ts";
import type { Deps } from "./deps.ts";
import { type EventRow, isInactive, isInvited, isOrgMember } from "./store.ts";

export async function canEdit(deps: Deps, event: EventRow, p?: Principal): Promise<boolean> {
  if (!p) return false;
  if (event.organizer_id === p.sub) return true;
  if (!event.organization_id) return false;
  return deps.canActForOrg(p, event.organization_id);
}

/** Whether `p` may read the event (not its history: that is for editors). */
export async function canSee(deps: Deps, db: Knex, event: EventRow, p?: Principal): Promise<boolean> {
  if (event.deleted_at) return false;
  if (hasRole(p, "admin")) return true;
  if (p && event.organizer_id === p.sub) return true;
  if (event.status === "draft" || (await isInactive(db, event.organizer_id))) return canEdit(deps, event, p);
  if (event.visibility !== "private") return true;
  if (!p) return false;
  if (event.organization_id && (await isOrgMember(db, event.organization_id, p.sub))) return true;
  if (await isInvited(db, event.id, p.sub)) return true;
  return canEdit(deps, event, p);
}

/** Loads an event the caller may change: not_found if they may not see it, forbidden if they may only look. */
export async function editable(deps: Deps, db: Knex, event: EventRow | undefined, p: Principal): Promise<EventRow> {
  if (!event || event.deleted_at) throw notFound("event");
  if (await canEdit(deps, event, p)) return event;
  if (await canSee(deps, db, event, p)) throw forbidden("only the event's author or an admin of its organization may change it");
  throw notFound("event");
}
