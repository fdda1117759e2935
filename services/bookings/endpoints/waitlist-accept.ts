import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { acceptWaitlistOffer } from "../usecases/accept-waitlist-offer.ts";

export const waitlistAcceptEndpoint = (deps: Deps) =>
  endpoint(bookings.waitlistAccept, async (input, ctx) => acceptWaitlistOffer(deps, requireCaller(ctx), input));
