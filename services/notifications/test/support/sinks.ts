/**
 * What reached the stand-ins for a crash test's recipients. A send the provider accepted in the
 * instant before its worker died is sent again after the lease (nobody can know it was accepted)
 * with the same Message-ID / collapse key, so the mailbox and the device show it once: the ids per
 * recipient are what must be one, the copies are counted to bound them.
 */
import type { SmtpSink } from "./smtp-sink.ts";
import type { FcmStandIn } from "./fcm-stand-in.ts";

export type AtSinks = { emailIds: Map<string, Set<string>>; emailCopies: number; pushIds: Map<string, Set<string>>; pushCopies: number };

/** Emails to `addresses` and pushes of `sourceId`, by recipient: their distinct ids and all copies. */
export function atSinks(smtp: SmtpSink, fcm: FcmStandIn, addresses: Set<string>, sourceId: string): AtSinks {
  const emailIds = new Map<string, Set<string>>();
  let emailCopies = 0;
  for (const m of smtp.messages) {
    if (!addresses.has(m.to)) continue;
    emailCopies++;
    emailIds.set(m.to, (emailIds.get(m.to) ?? new Set()).add(m.messageId));
  }
  const pushIds = new Map<string, Set<string>>();
  let pushCopies = 0;
  for (const m of fcm.messages) {
    if (m.data?.sourceId !== sourceId) continue;
    pushCopies++;
    pushIds.set(m.token, (pushIds.get(m.token) ?? new Set()).add(m.android?.collapse_key ?? ""));
  }
  return { emailIds, emailCopies, pushIds, pushCopies };
}
