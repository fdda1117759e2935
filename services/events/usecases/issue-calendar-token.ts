/** A new secret token for the caller's private calendar feed; issuing one revokes the old (only its SHA-256 is stored). */
import { randomBytes } from "node:crypto";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { tokenHash } from "../calendars.ts";
import { putCalendarToken } from "../store.ts";

export async function issueCalendarToken(deps: Deps, principal: Principal): Promise<{ token: string; createdAt: string }> {
  const token = `cal_${randomBytes(24).toString("base64url")}`;
  const now = deps.now();
  await putCalendarToken(deps.db, principal.sub, tokenHash(token), now);
  return { token, createdAt: now.toISOString() };
}
