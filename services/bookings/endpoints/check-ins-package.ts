import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { getCheckInPackage } from "../usecases/get-check-in-package.ts";

export const checkInsPackageEndpoint = (deps: Deps) =>
  endpoint(bookings.checkInsPackage, async (input, ctx) => getCheckInPackage(deps, requireCaller(ctx), input));
