/** Organizers manage ticket types, quotas and the event's booking rules. */
import { randomUUID } from "node:crypto";
import { badRequest, notFound } from "../../kit/errors.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings, TicketTypeView } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { lockInventory, type QuotaRow, quotasOf, settingsOf, type SettingsRow, type TicketTypeRow, typesOf } from "../store.ts";

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

type TypeInput = Omit<RequestOf<typeof bookings.ticketTypesUpdate>, "eventId" | "ticketTypeId">;

function columns(input: TypeInput, quotas: QuotaRow[]): Partial<TicketTypeRow> {
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

export async function createTicketType(deps: Deps, input: RequestOf<typeof bookings.ticketTypesCreate>): Promise<TicketTypeView> {
  if ((input.priceMinor ?? 0) > 0 && !input.currency) {
    throw badRequest("a paid ticket type needs a currency", [{ field: "currency", message: "required when priceMinor > 0" }]);
  }
  return deps.db.transaction(async (trx) => {
    const cap = await lockInventory(trx, input.eventId);
    if (!cap) throw notFound("event");
    const quotas = await quotasOf(trx, input.eventId);
    // The organizer's first own ticket type replaces the free "General admission" made when the
    // event was first seen, as long as nobody holds one of its seats: otherwise an event sold at
    // €12.50 would also offer free seats. It becomes the type that seat-only bookings and the
    // waitlist use; the old one is hidden (not on sale), not deleted.
    const types = await typesOf(trx, input.eventId);
    const auto = types.length === 1 && types[0].is_default && types[0].taken === 0 ? types[0] : undefined;
    if (auto) await trx<TicketTypeRow>("ticket_types").where({ id: auto.id }).update({ is_default: false, visibility: "hidden" });
    const row = { id: randomUUID(), event_id: input.eventId, quota_ids: [cap.id], is_default: Boolean(auto), ...columns(input, quotas) };
    const [t] = await trx<TicketTypeRow>("ticket_types").insert(row).returning("*");
    return typeView(t, quotas);
  });
}

export async function updateTicketType(deps: Deps, input: RequestOf<typeof bookings.ticketTypesUpdate>): Promise<TicketTypeView> {
  return deps.db.transaction(async (trx) => {
    await lockInventory(trx, input.eventId);
    const quotas = await quotasOf(trx, input.eventId);
    const { eventId, ticketTypeId, ...rest } = input;
    const patch = columns(rest, quotas);
    const q = trx<TicketTypeRow>("ticket_types").where({ id: ticketTypeId, event_id: eventId });
    const [t] = Object.keys(patch).length ? await q.update(patch).returning("*") : await q.select("*");
    if (!t) throw notFound("ticket type");
    if (t.price_minor > 0 && !t.currency) {
      throw badRequest("a paid ticket type needs a currency", [{ field: "currency", message: "required when priceMinor > 0" }]);
    }
    return typeView(t, quotas);
  });
}

export async function createQuota(deps: Deps, input: RequestOf<typeof bookings.quotasCreate>) {
  return deps.db.transaction(async (trx) => {
    if (!(await lockInventory(trx, input.eventId))) throw notFound("event");
    const [q] = await trx<QuotaRow>("quotas").insert({
      id: randomUUID(),
      event_id: input.eventId,
      name: input.name,
      size: input.size,
      taken: 0,
      is_capacity: false,
    }).returning("*");
    return quotaView(q);
  });
}

export async function listTypes(deps: Deps, eventId: string, organizer: boolean) {
  const [types, quotas] = await Promise.all([typesOf(deps.db, eventId), quotasOf(deps.db, eventId)]);
  return { items: types.filter((t) => organizer || t.visibility === "public").map((t) => typeView(t, quotas)), quotas: organizer ? quotas.map(quotaView) : [] };
}

export const settingsView = (s: SettingsRow) => ({
  eventId: s.event_id,
  holdMinutes: s.hold_minutes,
  cancelDeadlineHours: s.cancel_deadline_hours,
  refundPercent: s.refund_percent,
  waitlistEnabled: s.waitlist_enabled,
  waitlistOfferMinutes: s.waitlist_offer_minutes,
});

export async function putSettings(deps: Deps, input: RequestOf<typeof bookings.settingsPut>) {
  const cur = await settingsOf(deps.db, input.eventId);
  const next: SettingsRow = {
    event_id: input.eventId,
    hold_minutes: input.holdMinutes ?? cur.hold_minutes,
    cancel_deadline_hours: input.cancelDeadlineHours ?? cur.cancel_deadline_hours,
    refund_percent: input.refundPercent ?? cur.refund_percent,
    waitlist_enabled: input.waitlistEnabled ?? cur.waitlist_enabled,
    waitlist_offer_minutes: input.waitlistOfferMinutes ?? cur.waitlist_offer_minutes,
  };
  await deps.db("event_settings").insert(next).onConflict("event_id").merge();
  return settingsView(next);
}
