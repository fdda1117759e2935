import type { KeyStore } from "../keys.ts";

/** Adds a signing key; older public keys stay published until their tokens expire. */
export async function rotateKey(deps: { keys: KeyStore }) {
  return { kid: await deps.keys.rotate() };
}
