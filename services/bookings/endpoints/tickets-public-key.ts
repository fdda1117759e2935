import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { optionalCaller } from "../../kit/caller.ts";
import { getPublicKey } from "../usecases/get-public-key.ts";

export const ticketsPublicKeyEndpoint = (deps: Deps) => endpoint(bookings.publicKey, async (input, ctx) => getPublicKey(deps, optionalCaller(ctx), input));
