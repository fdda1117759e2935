import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { joinWaitlist } from "../usecases/join-waitlist.ts";

export const waitlistJoinEndpoint = (deps: Deps) => endpoint(bookings.waitlistJoin, async (input, ctx) => joinWaitlist(deps, requireCaller(ctx), input));
