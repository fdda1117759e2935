import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { callerOf } from "../access.ts";
import { listMethods } from "../usecases/methods.ts";

export const methodsListEndpoint = (deps: Deps) => endpoint(payments.methods, async (_input, ctx) => listMethods(deps, callerOf(ctx)));
