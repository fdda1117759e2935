/** An event's booking rules (hold time, cancellation, refunds, waitlist); public. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { eventOrNotFound } from "../access.ts";
import { settingsOf } from "../store.ts";
import { settingsView } from "../ticket-types.ts";

export async function getSettings(deps: Deps, _caller: Principal | undefined, input: RequestOf<typeof bookings.settingsGet>) {
  return settingsView(await settingsOf(deps.db, (await eventOrNotFound(deps, input.eventId)).event_id));
}
