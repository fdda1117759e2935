import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { callerAccount } from "./support.ts";
import { myAccount } from "../store.ts";
import type { Deps } from "../deps.ts";

export const accountsGetEndpoint = (deps: Deps) => endpoint(identity.accountsGet, async (_input, ctx) => myAccount(await callerAccount(deps, ctx)));
