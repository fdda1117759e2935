/** An organizer sets their event's booking rules; what the input leaves out keeps its current value. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { organizedEvent } from "../access.ts";
import { settingsOf, type SettingsRow } from "../store.ts";
import { upsertSettings } from "../store/ticket-types.ts";
import { settingsView } from "../ticket-types.ts";

export async function putSettings(deps: Deps, caller: Principal, input: RequestOf<typeof bookings.settingsPut>) {
  await organizedEvent(deps, input.eventId, caller);
  const cur = await settingsOf(deps.db, input.eventId);
  const next: SettingsRow = {
    event_id: input.eventId,
    hold_minutes: input.holdMinutes ?? cur.hold_minutes,
    cancel_deadline_hours: input.cancelDeadlineHours ?? cur.cancel_deadline_hours,
    refund_percent: input.refundPercent ?? cur.refund_percent,
    waitlist_enabled: input.waitlistEnabled ?? cur.waitlist_enabled,
    waitlist_offer_minutes: input.waitlistOfferMinutes ?? cur.waitlist_offer_minutes,
  };
  await upsertSettings(deps.db, next);
  return settingsView(next);
}
