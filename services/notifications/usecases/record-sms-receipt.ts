/**
 * A delivery receipt of the SMS provider (Twilio's StatusCallback, relayed by the edge as the raw
 * form and its X-Twilio-Signature): checked against the callback URL and the auth token, then the
 * message's status is recorded (never moved back by a late receipt). An undelivered or failed
 * message whose error says the number cannot receive SMS suppresses that number for its user:
 * no more SMS until they verify a number again. A receipt for a message we do not know (another
 * environment's) is answered 200, so the provider stops retrying it.
 */
import { badRequest, forbidden } from "../../kit/errors.ts";
import type { Deps } from "../deps.ts";
import * as smsStore from "../store/sms.ts";
import { INVALID_NUMBER_CODES } from "../channels/sms.ts";

export async function recordSmsReceipt(deps: Deps, input: { body: string; signature: string }): Promise<{ ok: true }> {
  if (!deps.sms) throw forbidden("signature: this platform sends no SMS");
  const fields = new URLSearchParams(input.body);
  if (!deps.sms.verify(fields, input.signature)) throw forbidden("signature: does not match the X-Twilio-Signature of this callback URL");
  const sid = fields.get("MessageSid") ?? fields.get("SmsSid");
  const status = fields.get("MessageStatus") ?? fields.get("SmsStatus");
  if (!sid || !status || !/^[a-z_]{1,20}$/.test(status)) {
    throw badRequest("body: MessageSid and MessageStatus are required", [{ field: "body", message: "MessageSid and MessageStatus are required" }]);
  }
  const errorCode = fields.get("ErrorCode") || null;
  await deps.db.transaction(async (trx) => {
    const r = await smsStore.recordReceipt(trx, sid, status, errorCode);
    if (!r) {
      deps.log.info({ sid, status }, "receipt for an unknown SMS");
      return;
    }
    if (!r.changed) return;
    if (status === "delivered" || status === "undelivered" || status === "failed") deps.sent.add(1, { channel: "sms", outcome: status });
    if ((status === "undelivered" || status === "failed") && errorCode && INVALID_NUMBER_CODES.has(errorCode)) {
      if (await smsStore.suppressPhone(trx, r.row.userId, r.row.number, `${status} ${errorCode}`)) {
        deps.log.info({ userId: r.row.userId, errorCode }, "SMS number suppressed after a failure receipt");
      }
    }
  });
  return { ok: true };
}
