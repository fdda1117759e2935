import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { scanTicket } from "../usecases/scan-ticket.ts";

export const checkInsScanEndpoint = (deps: Deps) => endpoint(bookings.checkInsScan, async (input, ctx) => scanTicket(deps, requireCaller(ctx), input));
