import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { acceptOffer } from "../usecases/waitlist.ts";

export const waitlistAcceptEndpoint = (deps: Deps) =>
  endpoint(bookings.waitlistAccept, async (input, ctx) => acceptOffer(deps, requireCaller(ctx), input.entryId));
