import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { enrolTotp } from "../usecases/totp-enrol.ts";
import { totpUser } from "./support.ts";
import type { Deps } from "../deps.ts";

export const totpEnrolEndpoint = (deps: Deps) =>
  endpoint(
    identity.totpEnrol,
    async (input, ctx) =>
      enrolTotp(deps, await totpUser(deps, ctx, input.challenge), {
        password: input.password,
        sessionId: input.sessionId,
        reauthenticate: Boolean(ctx.principal),
      }),
  );
