import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { organizedEvent } from "../access.ts";
import { createTicketType } from "../usecases/manage-inventory.ts";

export const ticketTypesCreateEndpoint = (deps: Deps) =>
  endpoint(bookings.ticketTypesCreate, async (input, ctx) => (await organizedEvent(deps, input.eventId, requireCaller(ctx)), createTicketType(deps, input)));
