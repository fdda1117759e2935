import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { verifyEmail } from "../usecases/verify-email.ts";
import type { Deps } from "../deps.ts";

export const accountsVerifyEmailEndpoint = (deps: Deps) => endpoint(identity.accountsVerifyEmail, async (input) => await verifyEmail(deps, input));
