import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { listRegistrations } from "../usecases/list-registrations.ts";

export const registrationsListEndpoint = (deps: Deps) =>
  endpoint(bookings.registrations, async (input, ctx) => listRegistrations(deps, requireCaller(ctx), input));
