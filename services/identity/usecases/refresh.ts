/**
 * Refresh-token rotation (RFC 9700 §4.14.2). A rotated token presented again means it leaked,
 * or two clients raced with one token: either way the whole family (every token descending from
 * that sign-in) is revoked. Two concurrent refreshes of one token are serialised by a row lock:
 * the first wins, the second sees the token rotated and is treated as reuse.
 */
import { AppError } from "../../kit/errors.ts";
import type { Deps } from "../deps.ts";
import { openSession, refreshRefusal } from "../sessions.ts";
import { sha256 } from "../secrets.ts";
import { familyStartedAt, lockSessionByRefreshHash, markRotated, revokeFamily } from "../store/sessions.ts";
import { userById } from "../store/users.ts";

export async function refresh(deps: Pick<Deps, "db" | "tokens" | "keys" | "now">, input: { refreshToken: string }) {
  const signer = await deps.keys.signer();
  const now = deps.now();
  const result = await deps.db.transaction(async (trx) => {
    const session = await lockSessionByRefreshHash(trx, sha256(input.refreshToken));
    if (!session || session.revoked_at) return { error: "invalid refresh token" } as const;
    if (session.rotated_at) {
      await revokeFamily(trx, session.family_id);
      return { error: "refresh token reused: every session of this login is revoked" } as const;
    }
    const refused = refreshRefusal(session, await familyStartedAt(trx, session.family_id), now);
    if (refused) return { error: refused } as const;
    const user = await userById(trx, session.user_id);
    if (!user || user.status !== "active") return { error: "account is deactivated" } as const;
    await markRotated(trx, session.id);
    return { tokens: await openSession(trx, deps, signer, user, session.family_id) };
  });
  // Thrown outside the transaction so the family's revocation commits.
  if ("error" in result) throw new AppError("unauthenticated", result.error!);
  return result.tokens;
}
