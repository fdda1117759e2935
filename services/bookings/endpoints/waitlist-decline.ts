import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { declineOffer } from "../usecases/waitlist.ts";

export const waitlistDeclineEndpoint = (deps: Deps) =>
  endpoint(bookings.waitlistDecline, async (input, ctx) => declineOffer(deps, requireCaller(ctx), input.entryId));
