/**
 * Replaces a user's preferences. SMS is opt-in and narrow: a switch `sms: true` is only taken for
 * reminders and changes of events (event_reminder, event_updated, event_cancelled), and turning
 * one on needs a verified number (svc.notifications.phone.*). A switch already on stays accepted
 * when the number goes, so a client that sends back what it read is not refused; no SMS goes out
 * without a verified, unsuppressed number anyway.
 */
import type { Preferences } from "../../../subjects/notifications.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { badRequest, conflict } from "../../kit/errors.ts";
import type { Deps } from "../deps.ts";
import * as store from "../store.ts";
import * as smsStore from "../store/sms.ts";
import { SMS_KINDS } from "../preferences.ts";

export async function setPreferences(deps: Deps, caller: Principal, input: Preferences): Promise<Preferences> {
  const userId = caller.sub;
  const on = Object.entries(input.kinds).filter(([, s]) => s?.sms === true).map(([kind]) => kind);
  const wrongKind = on.find((k) => !(SMS_KINDS as readonly string[]).includes(k));
  if (wrongKind) throw badRequest(`kinds.${wrongKind}.sms: SMS carries only event reminders and changes`, [{ field: `kinds.${wrongKind}.sms`, message: "SMS carries only event_reminder, event_updated and event_cancelled" }]);
  if (on.length) {
    const before = await store.preferencesOf(deps.db, userId);
    const newlyOn = on.find((k) => (before.kinds as Record<string, { sms?: boolean } | undefined>)[k]?.sms !== true);
    if (newlyOn) {
      const phone = await smsStore.phoneOf(deps.db, userId);
      if (!phone?.number || !phone.verifiedAt) throw conflict(`kinds.${newlyOn}.sms: verify a phone number first`, [{ field: `kinds.${newlyOn}.sms`, message: "needs a verified phone number (POST /v1/me/phone, then /v1/me/phone/confirm)" }]);
    }
  }
  await store.savePreferences(deps.db, userId, input);
  return input;
}
