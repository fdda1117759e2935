import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { getMyWaitlistEntry } from "../usecases/get-my-waitlist-entry.ts";

export const waitlistMineEndpoint = (deps: Deps) => endpoint(bookings.waitlistMine, async (input, ctx) => getMyWaitlistEntry(deps, requireCaller(ctx), input));
