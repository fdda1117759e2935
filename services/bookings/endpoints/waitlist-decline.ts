import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { declineWaitlistOffer } from "../usecases/decline-waitlist-offer.ts";

export const waitlistDeclineEndpoint = (deps: Deps) =>
  endpoint(bookings.waitlistDecline, async (input, ctx) => declineWaitlistOffer(deps, requireCaller(ctx), input));
