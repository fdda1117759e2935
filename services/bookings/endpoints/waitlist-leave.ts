import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { leaveWaitlist } from "../usecases/leave-waitlist.ts";

export const waitlistLeaveEndpoint = (deps: Deps) => endpoint(bookings.waitlistLeave, async (input, ctx) => leaveWaitlist(deps, requireCaller(ctx), input));
