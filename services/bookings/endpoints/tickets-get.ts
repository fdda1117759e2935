import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { getTicket } from "../usecases/get-ticket.ts";

export const ticketsGetEndpoint = (deps: Deps) => endpoint(bookings.ticketsGet, async (input, ctx) => getTicket(deps, ctx.principal, input));
