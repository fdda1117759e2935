/** Seats left and what is on sale, for anyone (the public event page). */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../../kit/errors.ts";
import { eventById, quotasOf, settingsOf, typesOf } from "../store.ts";

/** Seats left, from the inventory's own counters (kept by every reservation and release). */
export async function getAvailability(deps: Deps, _caller: Principal | undefined, input: RequestOf<typeof bookings.availability>) {
  const { eventId } = input;
  const event = await eventById(deps.db, eventId);
  if (!event || event.deleted) throw notFound("event");
  const [quotas, types, settings] = await Promise.all([quotasOf(deps.db, eventId), typesOf(deps.db, eventId), settingsOf(deps.db, eventId)]);
  const byId = new Map(quotas.map((q) => [q.id, q]));
  const cap = quotas.find((q) => q.is_capacity);
  const now = deps.now();
  const ticketTypes = types
    .filter((t) => t.visibility === "public")
    .map((t) => {
      let remaining: number | null = t.quantity === null ? null : t.quantity - t.taken;
      for (const id of t.quota_ids) {
        const q = byId.get(id);
        if (q && q.size !== null) remaining = Math.min(remaining ?? Infinity, q.size - q.taken);
      }
      const closes = t.sales_end ? new Date(t.sales_end) : new Date(event.starts_at);
      const onSale = event.status === "published" && (!t.sales_start || new Date(t.sales_start) <= now) && closes > now;
      return {
        id: t.id,
        name: t.name,
        priceMinor: t.price_minor,
        currency: t.price_minor > 0 ? t.currency : null,
        remaining: remaining === null ? null : Math.max(0, remaining),
        onSale,
      };
    });
  const remaining = cap && cap.size !== null ? Math.max(0, cap.size - cap.taken) : null;
  const soldOut = remaining === 0 || (ticketTypes.length > 0 && ticketTypes.every((t) => t.remaining === 0));
  const open = event.status === "published" && new Date(event.starts_at) > now;
  return { eventId, capacity: cap?.size ?? null, remaining, soldOut, waitlistOpen: soldOut && open && settings.waitlist_enabled, ticketTypes };
}
