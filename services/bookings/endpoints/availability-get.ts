import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { availability } from "../usecases/read-orders.ts";

export const availabilityGetEndpoint = (deps: Deps) => endpoint(bookings.availability, async (input) => availability(deps, input.eventId));
