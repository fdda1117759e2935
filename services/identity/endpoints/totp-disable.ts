import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { disableTotp } from "../usecases/totp-disable.ts";
import { activeCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const totpDisableEndpoint = (deps: Deps) =>
  endpoint(identity.totpDisable, async (input, ctx) => disableTotp(deps, await activeCaller(deps.db, ctx), input));
