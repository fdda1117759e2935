import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { getTicketQr } from "../usecases/get-ticket-qr.ts";

export const ticketsQrEndpoint = (deps: Deps) => endpoint(bookings.ticketsQr, async (input, ctx) => getTicketQr(deps, ctx.principal, input));
