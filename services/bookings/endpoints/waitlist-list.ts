import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { listWaitlist } from "../usecases/list-waitlist.ts";

export const waitlistListEndpoint = (deps: Deps) => endpoint(bookings.waitlistList, async (input, ctx) => listWaitlist(deps, requireCaller(ctx), input));
