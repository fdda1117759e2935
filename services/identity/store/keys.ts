/** identity's queries on signing_keys: the ES256 key pairs access tokens are signed with (when no key file is set). */
import type { Q } from "../store.ts";

export type KeyRow = { kid: string; private_jwk: unknown; public_jwk: unknown; created_at: Date };

/**
 * Inserts the first key unless one exists, under a table lock: two replicas booting at once do
 * not both create one. `make` is called only when the table is empty.
 */
export async function ensureFirstKey(trx: Q, make: () => Promise<{ kid: string; private_jwk: string; public_jwk: string }>): Promise<void> {
  await trx.raw("lock table signing_keys in share row exclusive mode");
  if (await trx("signing_keys").first("kid")) return;
  await trx("signing_keys").insert(await make());
}

export async function insertKey(q: Q, row: { kid: string; private_jwk: string; public_jwk: string }): Promise<void> {
  await q("signing_keys").insert(row);
}

/** The newest key (the one that signs). */
export const newestKey = (q: Q): Promise<Pick<KeyRow, "kid" | "private_jwk"> | undefined> =>
  q("signing_keys").orderBy("created_at", "desc").orderBy("kid", "desc").first("kid", "private_jwk");

/** Every key's public half, newest first, with when it was made. */
export const publicKeysNewestFirst = (q: Q): Promise<Array<Pick<KeyRow, "public_jwk" | "created_at">>> =>
  q("signing_keys").orderBy("created_at", "desc").orderBy("kid", "desc").select("public_jwk", "created_at");
