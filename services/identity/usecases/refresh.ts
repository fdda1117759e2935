/**
 * Refresh-token rotation (RFC 9700 §4.14.2). A rotated token presented again means it leaked,
 * or two clients raced with one token: either way the whole family (every token descending from
 * that sign-in) is revoked. Two concurrent refreshes of one token are serialised by a row lock:
 * the first wins, the second sees the token rotated and is treated as reuse.
 */
import { AppError } from "../../kit/errors.ts";
import { FAMILY_MAX_DAYS, openSession, type SessionDeps } from "../sessions.ts";
import { sha256 } from "../secrets.ts";
import type { UserRow } from "../store.ts";

export async function refresh(deps: Pick<SessionDeps, "db" | "tokens" | "keys">, input: { refreshToken: string }) {
  const signer = await deps.keys.signer();
  const result = await deps.db.transaction(async (trx) => {
    const session = await trx("sessions").where({ refresh_hash: sha256(input.refreshToken) }).forUpdate().first();
    if (!session || session.revoked_at) return { error: "invalid refresh token" } as const;
    if (session.rotated_at) {
      await trx("sessions").where({ family_id: session.family_id }).whereNull("revoked_at").update({ revoked_at: trx.fn.now() });
      return { error: "refresh token reused: every session of this login is revoked" } as const;
    }
    if (new Date(session.expires_at).getTime() < Date.now()) return { error: "refresh token expired" } as const;
    // Refreshing slides the 30 days, never past the absolute lifetime of the sign-in.
    const started = await trx("sessions").where({ family_id: session.family_id }).min({ at: "created_at" }).first();
    if (started?.at && new Date(started.at).getTime() + FAMILY_MAX_DAYS * 86_400_000 < Date.now()) return { error: "this sign-in is too old to refresh; sign in again" } as const;
    const user: UserRow | undefined = await trx("users").where({ id: session.user_id }).first();
    if (!user || user.status !== "active") return { error: "account is deactivated" } as const;
    await trx("sessions").where({ id: session.id }).update({ rotated_at: trx.fn.now() });
    return { tokens: await openSession(trx, deps, signer, user, session.family_id) };
  });
  // Thrown outside the transaction so the family's revocation commits.
  if ("error" in result) throw new AppError("unauthenticated", result.error!);
  return result.tokens;
}
