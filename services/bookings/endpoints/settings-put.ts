import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { putSettings } from "../usecases/put-settings.ts";

export const settingsPutEndpoint = (deps: Deps) => endpoint(bookings.settingsPut, async (input, ctx) => putSettings(deps, requireCaller(ctx), input));
