import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { verifyTotp } from "../usecases/totp-verify.ts";
import { totpUser } from "./support.ts";
import type { Deps } from "../deps.ts";

export const totpVerifyEndpoint = (deps: Deps) =>
  endpoint(identity.totpVerify, async (input, ctx) => verifyTotp(deps, await totpUser(deps, ctx, input.challenge), input));
