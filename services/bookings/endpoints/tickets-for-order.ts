import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { ticketsForOrder } from "../usecases/tickets.ts";

export const ticketsForOrderEndpoint = (deps: Deps) => endpoint(bookings.ticketsForOrder, async (input, ctx) => ticketsForOrder(deps, ctx.principal, input.orderId, input.qr ?? true));
