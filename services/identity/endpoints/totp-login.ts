import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { totpLogin } from "../usecases/totp-login.ts";
import type { Deps } from "../deps.ts";

export const totpLoginEndpoint = (deps: Deps) => endpoint(identity.totpLogin, (input) => totpLogin(deps, input));
