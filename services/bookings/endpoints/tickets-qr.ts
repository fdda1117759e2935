import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { ticketQr } from "../usecases/tickets.ts";

export const ticketsQrEndpoint = (deps: Deps) => endpoint(bookings.ticketsQr, async (input, ctx) => ticketQr(deps, ctx.principal, input.ticketId, input.format));
