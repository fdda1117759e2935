/** How ticket types, quotas and settings are shown and written: shared by the use cases that manage an event's inventory. */
import { badRequest } from "../kit/errors.ts";
import type { RequestOf } from "../../subjects/contract.ts";
import type { bookings, TicketTypeView } from "../../subjects/bookings.ts";
import type { QuotaRow, SettingsRow, TicketTypeRow } from "./store.ts";

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function typeView(t: TicketTypeRow, quotas: QuotaRow[]): TicketTypeView {
  let remaining: number | null = t.quantity === null ? null : t.quantity - t.taken;
  for (const q of quotas) if (t.quota_ids.includes(q.id) && q.size !== null) remaining = Math.min(remaining ?? Infinity, q.size - q.taken);
  return {
    id: t.id,
    eventId: t.event_id,
    name: t.name,
    priceMinor: t.price_minor,
    currency: t.price_minor > 0 ? t.currency : null,
    quantity: t.quantity,
    salesStart: iso(t.sales_start),
    salesEnd: iso(t.sales_end),
    maxPerOrder: t.max_per_order,
    visibility: t.visibility,
    quotaIds: t.quota_ids,
    remaining: remaining === null ? null : Math.max(0, remaining),
    isDefault: t.is_default,
  };
}

export const quotaView = (q: QuotaRow) => ({ id: q.id, eventId: q.event_id, name: q.name, size: q.size, taken: q.taken, isCapacity: q.is_capacity });

export const settingsView = (s: SettingsRow) => ({
  eventId: s.event_id,
  holdMinutes: s.hold_minutes,
  cancelDeadlineHours: s.cancel_deadline_hours,
  refundPercent: s.refund_percent,
  waitlistEnabled: s.waitlist_enabled,
  waitlistOfferMinutes: s.waitlist_offer_minutes,
});

export type TypeInput = Omit<RequestOf<typeof bookings.ticketTypesUpdate>, "eventId" | "ticketTypeId">;

/** The columns a create or update sets; a quota the event does not have is a 400. */
export function typeColumns(input: TypeInput, quotas: QuotaRow[]): Partial<TicketTypeRow> {
  const out: Partial<TicketTypeRow> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.priceMinor !== undefined) out.price_minor = input.priceMinor;
  if (input.currency !== undefined) out.currency = input.currency;
  if (input.quantity !== undefined) out.quantity = input.quantity;
  if (input.salesStart !== undefined) out.sales_start = input.salesStart ? new Date(input.salesStart) : null;
  if (input.salesEnd !== undefined) out.sales_end = input.salesEnd ? new Date(input.salesEnd) : null;
  if (input.maxPerOrder !== undefined) out.max_per_order = input.maxPerOrder;
  if (input.visibility !== undefined) out.visibility = input.visibility;
  if (input.quotaIds !== undefined) {
    for (const id of input.quotaIds) {
      if (!quotas.some((q) => q.id === id)) throw badRequest("unknown quota", [{ field: "quotaIds", message: `${id} is not a quota of this event` }]);
    }
    out.quota_ids = input.quotaIds;
  }
  return out;
}

export const paidNeedsCurrency = () => badRequest("a paid ticket type needs a currency", [{ field: "currency", message: "required when priceMinor > 0" }]);
