import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { listCheckIns } from "../usecases/list-check-ins.ts";

export const checkInsListEndpoint = (deps: Deps) => endpoint(bookings.checkInsList, async (input, ctx) => listCheckIns(deps, requireCaller(ctx), input));
