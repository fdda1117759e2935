import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { organizedEvent } from "../access.ts";
import { putSettings } from "../usecases/manage-inventory.ts";

export const settingsPutEndpoint = (deps: Deps) =>
  endpoint(bookings.settingsPut, async (input, ctx) => (await organizedEvent(deps, input.eventId, requireCaller(ctx)), putSettings(deps, input)));
