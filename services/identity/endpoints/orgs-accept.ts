import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { acceptInvitation } from "../usecases/accept-invitation.ts";
import { activeCaller } from "../authz.ts";
import { done } from "./support.ts";
import type { Deps } from "../deps.ts";

export const orgsAcceptEndpoint = (deps: Deps) => endpoint(identity.orgsAccept, async (input, ctx) => done(deps, await acceptInvitation(deps, await activeCaller(deps.db, ctx), input)));
