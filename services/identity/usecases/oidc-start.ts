import { createHash } from "node:crypto";
import type { Db } from "../../kit/db.ts";
import type { OidcClient } from "../oidc.ts";
import { newSecret, sha256 } from "../secrets.ts";

export const OIDC_STATE_TTL_MS = 10 * 60_000;

/** Starts a sign-in with a provider: a state, a nonce and a PKCE verifier kept for the callback, and a verifier the starting client keeps. */
export async function oidcStart(deps: { db: Db; oidc: OidcClient }, input: { provider: string }) {
  const provider = deps.oidc.provider(input.provider);
  const state = newSecret();
  const nonce = newSecret();
  const codeVerifier = newSecret();
  const codeChallenge = createHash("sha256").update(codeVerifier).digest("base64url");
  // Binds the state to the client that started the sign-in (login CSRF, leaked callback URLs).
  const verifier = newSecret();
  const authorizationUrl = await deps.oidc.authorizationUrl(provider, { state, nonce, codeChallenge });
  await deps.db("oidc_states").insert({ state, provider: provider.id, code_verifier: codeVerifier, nonce, verifier_hash: sha256(verifier), expires_at: new Date(Date.now() + OIDC_STATE_TTL_MS) });
  await deps.db("oidc_states").where("expires_at", "<", new Date(Date.now() - OIDC_STATE_TTL_MS)).delete();
  return { authorizationUrl, state, verifier };
}
