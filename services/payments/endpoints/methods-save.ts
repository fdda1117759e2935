import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { saveMethod } from "../usecases/save-method.ts";

export const methodsSaveEndpoint = (deps: Deps) => endpoint(payments.saveMethod, async (input, ctx) => saveMethod(deps, requireCaller(ctx), input));
