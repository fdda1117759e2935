import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { forgotPassword } from "../usecases/forgot-password.ts";
import type { Deps } from "../deps.ts";

export const passwordForgotEndpoint = (deps: Deps) => endpoint(identity.passwordForgot, async (input) => await forgotPassword(deps, input));
