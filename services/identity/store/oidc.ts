/** identity's queries on OpenID Connect sign-ins: pending states and the links of provider subjects to accounts. */
import type { Q } from "../store.ts";

export type OidcStateRow = { state: string; provider: string; code_verifier: string; nonce: string; verifier_hash: string; expires_at: Date };

/** Keeps a new state and drops the ones expired for longer than `staleBefore`. */
export async function insertState(q: Q, row: OidcStateRow, staleBefore: Date): Promise<void> {
  await q("oidc_states").insert(row);
  await q("oidc_states").where("expires_at", "<", staleBefore).delete();
}

/** Uses up a state live at `now` bound to this verifier; the state, or undefined. */
export async function useState(q: Q, state: string, verifierHash: string, now: Date): Promise<OidcStateRow | undefined> {
  const [pending]: OidcStateRow[] = await q("oidc_states").where({ state, verifier_hash: verifierHash }).whereNull("used_at").andWhere("expires_at", ">", now)
    .update({ used_at: q.fn.now() }).returning("*");
  return pending;
}

/** The account linked to a provider's subject. */
export async function linkedUserId(trx: Q, provider: string, subject: string): Promise<string | undefined> {
  const link = await trx("oidc_links").where({ provider, subject }).first("user_id");
  return link?.user_id;
}

export async function insertLink(trx: Q, row: { provider: string; subject: string; user_id: string; email: string }): Promise<void> {
  await trx("oidc_links").insert(row);
}
