import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { optionalCaller } from "../../kit/caller.ts";
import { getSettings } from "../usecases/get-settings.ts";

export const settingsGetEndpoint = (deps: Deps) => endpoint(bookings.settingsGet, async (input, ctx) => getSettings(deps, optionalCaller(ctx), input));
