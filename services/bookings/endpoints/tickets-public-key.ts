import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";

export const ticketsPublicKeyEndpoint = (deps: Deps) =>
  endpoint(bookings.publicKey, async () => ({ kid: deps.signer.kid, alg: "EdDSA" as const, jwk: deps.signer.publicJwk }));
