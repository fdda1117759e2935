import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { resendVerification } from "../usecases/resend-verification.ts";
import { activeCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const accountsResendVerificationEndpoint = (deps: Deps) =>
  endpoint(identity.accountsResendVerification, async (_input, ctx) => await resendVerification(deps, await activeCaller(deps.db, ctx)));
