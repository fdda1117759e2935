import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { eventOrNotFound, organizes } from "../access.ts";
import { listTypes } from "../usecases/manage-inventory.ts";

export const ticketTypesListEndpoint = (deps: Deps) =>
  endpoint(
    bookings.ticketTypesList,
    async (input, ctx) => listTypes(deps, input.eventId, await organizes(deps, await eventOrNotFound(deps, input.eventId), ctx.principal)),
  );
