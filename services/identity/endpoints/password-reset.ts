import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { resetPassword } from "../usecases/reset-password.ts";
import type { Deps } from "../deps.ts";

export const passwordResetEndpoint = (deps: Deps) => endpoint(identity.passwordReset, async (input) => await resetPassword(deps, input));
