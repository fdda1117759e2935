import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { myEntry } from "../usecases/waitlist.ts";

export const waitlistMineEndpoint = (deps: Deps) => endpoint(bookings.waitlistMine, async (input, ctx) => myEntry(deps, requireCaller(ctx), input.eventId));
