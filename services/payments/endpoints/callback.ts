import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { handleCallback } from "../usecases/handle-callback.ts";

/** The provider's result callback, relayed by the edge's public route; no principal: the signature is the authentication. */
export const callbackEndpoint = (deps: Deps) => endpoint(payments.callback, async (input) => ({ xml: (await handleCallback(deps, input)).xml }));
