import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { getSales } from "../usecases/get-sales.ts";

export const salesGetEndpoint = (deps: Deps) => endpoint(bookings.salesGet, async (input, ctx) => getSales(deps, requireCaller(ctx), input));
