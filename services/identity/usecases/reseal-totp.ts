/**
 * Seals every TOTP secret not yet under the current key (stored before keys were set, or under
 * an older key). Run at boot, so an old key can be dropped once a boot has run and no row is
 * left under it — without waiting for every user to sign in again with a code.
 */
import type { Knex } from "knex";
import type { TotpVault } from "../totp-vault.ts";

const SLICE = 500;

export async function resealTotpSecrets(db: Knex, vault: TotpVault): Promise<number> {
  if (!vault.sealing) return 0;
  let resealed = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows: Array<{ id: string; totp_secret: string | null; totp_pending_secret: string | null }> = await db("users")
      .where("id", ">", after)
      .andWhere((q) => q.whereNotNull("totp_secret").orWhereNotNull("totp_pending_secret"))
      .orderBy("id")
      .limit(SLICE)
      .select("id", "totp_secret", "totp_pending_secret");
    for (const r of rows) {
      const patch: Record<string, string> = {};
      if (r.totp_secret && !vault.current(r.totp_secret)) patch.totp_secret = vault.seal(r.id, vault.open(r.id, r.totp_secret));
      if (r.totp_pending_secret && !vault.current(r.totp_pending_secret)) patch.totp_pending_secret = vault.seal(r.id, vault.open(r.id, r.totp_pending_secret));
      if (!Object.keys(patch).length) continue;
      // Compare-and-set: a sign-in that resealed (or a new enrolment) meanwhile wins.
      const updated = await db("users").where({ id: r.id, totp_secret: r.totp_secret, totp_pending_secret: r.totp_pending_secret }).update(patch);
      resealed += updated;
    }
    if (rows.length < SLICE) return resealed;
    after = rows[rows.length - 1].id;
  }
}
