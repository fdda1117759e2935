import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { enrolTotp } from "../usecases/totp-enrol.ts";
import { totpUser } from "./support.ts";
import { provePassword } from "../reauth.ts";
import type { Deps } from "../deps.ts";

export const totpEnrolEndpoint = (deps: Deps) =>
  endpoint(identity.totpEnrol, async (input, ctx) => {
    const user = await totpUser(deps, ctx, input.challenge);
    // The enrolment challenge was just earned with the password; a principal must prove it now.
    if (ctx.principal) await provePassword(deps.db, user, input.password, undefined, deps.now());
    return enrolTotp(deps, user);
  });
