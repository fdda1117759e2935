import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { createTicketType } from "../usecases/create-ticket-type.ts";

export const ticketTypesCreateEndpoint = (deps: Deps) =>
  endpoint(bookings.ticketTypesCreate, async (input, ctx) => createTicketType(deps, requireCaller(ctx), input));
