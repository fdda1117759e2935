import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { optionalCaller } from "../../kit/caller.ts";
import { getAvailability } from "../usecases/get-availability.ts";

export const availabilityGetEndpoint = (deps: Deps) => endpoint(bookings.availability, async (input, ctx) => getAvailability(deps, optionalCaller(ctx), input));
