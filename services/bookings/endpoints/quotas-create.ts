import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { createQuota } from "../usecases/create-quota.ts";

export const quotasCreateEndpoint = (deps: Deps) => endpoint(bookings.quotasCreate, async (input, ctx) => createQuota(deps, requireCaller(ctx), input));
