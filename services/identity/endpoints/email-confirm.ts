import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { confirmEmailChange } from "../usecases/confirm-email-change.ts";
import type { Deps } from "../deps.ts";

export const emailConfirmEndpoint = (deps: Deps) => endpoint(identity.emailConfirm, async (input) => await confirmEmailChange(deps, input));
