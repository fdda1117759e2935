import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { callerOf } from "../access.ts";
import { saveMethod } from "../usecases/methods.ts";

export const methodsSaveEndpoint = (deps: Deps) => endpoint(payments.saveMethod, async (input, ctx) => saveMethod(deps, callerOf(ctx), input));
