/**
 * The secret token of a user's private calendar feed: only its SHA-256 is stored, and issuing a
 * new one revokes the old.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { deleteCalendarToken, putCalendarToken } from "../store.ts";

export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueCalendarToken(deps: Deps, principal: Principal): Promise<{ token: string; createdAt: string }> {
  const token = `cal_${randomBytes(24).toString("base64url")}`;
  const now = deps.now();
  await putCalendarToken(deps.db, principal.sub, tokenHash(token), now);
  return { token, createdAt: now.toISOString() };
}

export async function revokeCalendarToken(deps: Deps, principal: Principal): Promise<boolean> {
  return deleteCalendarToken(deps.db, principal.sub);
}
