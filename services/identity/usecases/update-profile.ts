import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { type identity, identityEvents } from "../../../subjects/identity.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import { contact, myAccount, type UserRow } from "../store.ts";
import { lockUser, updateProfile as writeProfile } from "../store/users.ts";
import { assertTimeZone } from "../registration.ts";

/** Changes the caller's profile; evt.user.profile_updated when what notifications keep (name, locale, zone) changed. */
export async function updateProfile(deps: Pick<Deps, "db">, user: UserRow, input: RequestOf<typeof identity.profilesUpdate>) {
  if (input.timeZone !== undefined) assertTimeZone(input.timeZone);
  const patch: Record<string, unknown> = {};
  if (input.displayName !== undefined) patch.display_name = input.displayName;
  if (input.bio !== undefined) patch.bio = input.bio;
  if (input.avatarUrl !== undefined) patch.avatar_url = input.avatarUrl;
  if (input.locale !== undefined) patch.locale = input.locale;
  if (input.timeZone !== undefined) patch.time_zone = input.timeZone;
  return deps.db.transaction(async (trx) => {
    const before = (await lockUser(trx, user.id)) as UserRow;
    const after = await writeProfile(trx, user.id, patch);
    const contactChanged = before.display_name !== after.display_name || before.locale !== after.locale || before.time_zone !== after.time_zone;
    if (contactChanged) await enqueue(trx, identityEvents.profileUpdated, contact(after), { source: "identity" });
    return myAccount(after);
  });
}
