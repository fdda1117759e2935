import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { acceptInvitation } from "../usecases/accept-invitation.ts";
import { activeCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const orgsAcceptEndpoint = (deps: Deps) =>
  endpoint(identity.orgsAccept, async (input, ctx) => await acceptInvitation(deps, await activeCaller(deps.db, ctx), input));
