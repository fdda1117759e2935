import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { updateTicketType } from "../usecases/update-ticket-type.ts";

export const ticketTypesUpdateEndpoint = (deps: Deps) =>
  endpoint(bookings.ticketTypesUpdate, async (input, ctx) => updateTicketType(deps, requireCaller(ctx), input));
