/**
 * Seals every TOTP secret not yet under the current key (stored before keys were set, or under
 * an older key). Run at boot, so an old key can be dropped once a boot has run and no row is
 * left under it — without waiting for every user to sign in again with a code.
 */
import type { Deps } from "../deps.ts";
import { resealSecrets, secretsAfter } from "../store/totp.ts";

const SLICE = 500;

export async function resealTotpSecrets(deps: Pick<Deps, "db" | "totpVault">): Promise<number> {
  const vault = deps.totpVault;
  if (!vault.sealing) return 0;
  let resealed = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await secretsAfter(deps.db, after, SLICE);
    for (const r of rows) {
      const patch: Record<string, string> = {};
      if (r.totp_secret && !vault.current(r.totp_secret)) patch.totp_secret = vault.seal(r.id, vault.open(r.id, r.totp_secret));
      if (r.totp_pending_secret && !vault.current(r.totp_pending_secret)) patch.totp_pending_secret = vault.seal(r.id, vault.open(r.id, r.totp_pending_secret));
      if (!Object.keys(patch).length) continue;
      resealed += await resealSecrets(deps.db, r, patch);
    }
    if (rows.length < SLICE) return resealed;
    after = rows[rows.length - 1].id;
  }
}
