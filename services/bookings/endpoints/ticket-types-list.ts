import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { optionalCaller } from "../../kit/caller.ts";
import { listTicketTypes } from "../usecases/list-ticket-types.ts";

export const ticketTypesListEndpoint = (deps: Deps) =>
  endpoint(bookings.ticketTypesList, async (input, ctx) => listTicketTypes(deps, optionalCaller(ctx), input));
