import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { changeEmail } from "../usecases/change-email.ts";
import { activeCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const emailChangeEndpoint = (deps: Deps) =>
  endpoint(identity.emailChange, async (input, ctx) => await changeEmail(deps, await activeCaller(deps.db, ctx), input));
