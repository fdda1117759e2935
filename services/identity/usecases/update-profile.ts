import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents, type identity } from "../../../subjects/identity.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import { contact, myAccount, type UserRow } from "../store.ts";
import { assertTimeZone } from "../registration.ts";

/** Changes the caller's profile; evt.user.profile_updated when what notifications keep (name, locale, zone) changed. */
export async function updateProfile(deps: { db: Db }, user: UserRow, input: RequestOf<typeof identity.profilesUpdate>) {
  if (input.timeZone !== undefined) assertTimeZone(input.timeZone);
  const patch: Record<string, unknown> = {};
  if (input.displayName !== undefined) patch.display_name = input.displayName;
  if (input.bio !== undefined) patch.bio = input.bio;
  if (input.avatarUrl !== undefined) patch.avatar_url = input.avatarUrl;
  if (input.locale !== undefined) patch.locale = input.locale;
  if (input.timeZone !== undefined) patch.time_zone = input.timeZone;
  return deps.db.transaction(async (trx) => {
    const before: UserRow = await trx("users").where({ id: user.id }).forUpdate().first();
    const [after]: UserRow[] = await trx("users").where({ id: user.id }).update(patch).returning("*");
    const contactChanged = before.display_name !== after.display_name || before.locale !== after.locale || before.time_zone !== after.time_zone;
    if (contactChanged) await enqueue(trx, identityEvents.profileUpdated, contact(after), { source: "identity" });
    return myAccount(after);
  });
}
