import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { organizedEvent } from "../access.ts";
import { updateTicketType } from "../usecases/manage-inventory.ts";

export const ticketTypesUpdateEndpoint = (deps: Deps) =>
  endpoint(bookings.ticketTypesUpdate, async (input, ctx) => (await organizedEvent(deps, input.eventId, requireCaller(ctx)), updateTicketType(deps, input)));
