/**
 * Replaces a user's preferences. SMS is opt-in and narrow: a switch `sms: true` is only taken for
 * reminders and changes of events (event_reminder, event_updated, event_cancelled), and turning
 * one on needs a verified number (svc.notifications.phone.*). A switch already on stays accepted
 * when the number goes, so a client that sends back what it read is not refused; no SMS goes out
 * without a verified, unsuppressed number anyway.
 *
 * A change of the digest or quiet hours re-plans the emails held for the digest and its timer:
 * to the next digest time under the new preferences, or, with the digest turned off, to now (what
 * was held goes out as one digest rather than waiting for a morning the user no longer wants).
 */
import type { Preferences } from "../../../subjects/notifications.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { badRequest, conflict } from "../../kit/errors.ts";
import type { Deps } from "../deps.ts";
import * as store from "../store.ts";
import * as smsStore from "../store/sms.ts";
import { nextDigestAt, SMS_KINDS } from "../preferences.ts";
import { replanDigest } from "../digests.ts";

export async function setPreferences(deps: Deps, caller: Principal, input: Preferences): Promise<Preferences> {
  const userId = caller.sub;
  const on = Object.entries(input.kinds).filter(([, s]) => s?.sms === true).map(([kind]) => kind);
  const wrongKind = on.find((k) => !(SMS_KINDS as readonly string[]).includes(k));
  if (wrongKind) {
    throw badRequest(`kinds.${wrongKind}.sms: SMS carries only event reminders and changes`, [{
      field: `kinds.${wrongKind}.sms`,
      message: "SMS carries only event_reminder, event_updated and event_cancelled",
    }]);
  }
  if (on.length) {
    const before = await store.preferencesOf(deps.db, userId);
    const newlyOn = on.find((k) => (before.kinds as Record<string, { sms?: boolean } | undefined>)[k]?.sms !== true);
    if (newlyOn) {
      const phone = await smsStore.phoneOf(deps.db, userId);
      if (!phone?.number || !phone.verifiedAt) {
        throw conflict(`kinds.${newlyOn}.sms: verify a phone number first`, [{
          field: `kinds.${newlyOn}.sms`,
          message: "needs a verified phone number (POST /v1/me/phone, then /v1/me/phone/confirm)",
        }]);
      }
    }
  }
  await deps.db.transaction(async (trx) => {
    const before = await store.preferencesOf(trx, userId);
    await store.savePreferences(trx, userId, input);
    if (before.digest === input.digest && JSON.stringify(before.quietHours) === JSON.stringify(input.quietHours)) return;
    const now = deps.now();
    const timeZone = (await store.contactOf(trx, userId))?.timeZone ?? "UTC";
    const at = input.digest ? nextDigestAt(input, timeZone, deps.config.digestLocalTime, now) : now;
    if (await store.reholdAt(trx, userId, at)) await replanDigest(trx, userId);
  });
  return input;
}
