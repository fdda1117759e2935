import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { listMethods } from "../usecases/list-methods.ts";

export const methodsListEndpoint = (deps: Deps) => endpoint(payments.methods, async (_input, ctx) => listMethods(deps, requireCaller(ctx)));
