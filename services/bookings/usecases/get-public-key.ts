/** The key that verifies ticket codes, for door apps checking tickets offline; public. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";

export async function getPublicKey(deps: Deps, _caller: Principal | undefined, _input: RequestOf<typeof bookings.publicKey>) {
  return { kid: deps.signer.kid, alg: "EdDSA" as const, jwk: deps.signer.publicJwk };
}
