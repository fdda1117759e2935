import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { changePassword } from "../usecases/change-password.ts";
import { activeCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const passwordChangeEndpoint = (deps: Deps) =>
  endpoint(identity.passwordChange, async (input, ctx) => changePassword(deps, await activeCaller(deps.db, ctx), input));
