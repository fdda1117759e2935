import { createHash } from "node:crypto";
import type { Deps } from "../deps.ts";
import { newSecret, sha256 } from "../secrets.ts";
import { insertState } from "../store/oidc.ts";

const OIDC_STATE_TTL_MS = 10 * 60_000;

/** Starts a sign-in with a provider: a state, a nonce and a PKCE verifier kept for the callback, and a verifier the starting client keeps. */
export async function oidcStart(deps: Pick<Deps, "db" | "oidc" | "now">, input: { provider: string }) {
  const provider = deps.oidc.provider(input.provider);
  const state = newSecret();
  const nonce = newSecret();
  const codeVerifier = newSecret();
  const codeChallenge = createHash("sha256").update(codeVerifier).digest("base64url");
  // Binds the state to the client that started the sign-in (login CSRF, leaked callback URLs).
  const verifier = newSecret();
  const authorizationUrl = await deps.oidc.authorizationUrl(provider, { state, nonce, codeChallenge });
  const now = deps.now().getTime();
  await insertState(deps.db, {
    state,
    provider: provider.id,
    code_verifier: codeVerifier,
    nonce,
    verifier_hash: sha256(verifier),
    expires_at: new Date(now + OIDC_STATE_TTL_MS),
  }, new Date(now - OIDC_STATE_TTL_MS));
  return { authorizationUrl, state, verifier };
}
