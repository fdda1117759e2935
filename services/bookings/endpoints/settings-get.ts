import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { settingsOf } from "../store.ts";
import { eventOrNotFound } from "../access.ts";
import { settingsView } from "../usecases/manage-inventory.ts";

export const settingsGetEndpoint = (deps: Deps) =>
  endpoint(bookings.settingsGet, async (input) => settingsView(await settingsOf(deps.db, (await eventOrNotFound(deps, input.eventId)).event_id)));
