import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { getOrderTickets } from "../usecases/get-order-tickets.ts";

export const ticketsForOrderEndpoint = (deps: Deps) => endpoint(bookings.ticketsForOrder, async (input, ctx) => getOrderTickets(deps, ctx.principal, input));
