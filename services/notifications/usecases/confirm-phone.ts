/**
 * Confirms the pending number with its code: right, unexpired and within SMS_CODE_MAX_ATTEMPTS,
 * it becomes the user's verified number (a suppression of the old one goes). A wrong code counts
 * against the attempts in its own transaction, so the refusal cannot roll the count back.
 */
import type { Principal } from "../../../subjects/principal.ts";
import type { PhoneState } from "../../../subjects/notifications/sms.ts";
import { badRequest } from "../../kit/errors.ts";
import type { Deps } from "../deps.ts";
import * as smsStore from "../store/sms.ts";
import { codeHash, phoneState, sameHash } from "../phone.ts";

export async function confirmPhone(deps: Deps, caller: Principal, input: { code: string }): Promise<PhoneState> {
  const cfg = deps.config.sms;
  const userId = caller.sub;
  const refusal = await deps.db.transaction(async (trx) => {
    const p = await smsStore.phoneOf(trx, userId, { forUpdate: true });
    const now = deps.now();
    if (!p?.pendingNumber || !p.codeHash || !p.codeExpiresAt) return "no code is pending; set the number first";
    if (p.codeAttempts >= cfg.codeMaxAttempts) return "too many wrong codes; ask for a new one";
    if (p.codeExpiresAt <= now) return "has expired; ask for a new one";
    if (!sameHash(codeHash(cfg.codeSecret, userId, p.pendingNumber, input.code), p.codeHash)) {
      await smsStore.countWrongCode(trx, userId);
      const left = cfg.codeMaxAttempts - p.codeAttempts - 1;
      return left > 0 ? `does not match (${left} ${left === 1 ? "try" : "tries"} left)` : "does not match; no tries left, ask for a new one";
    }
    await smsStore.verifyPending(trx, userId, now);
    return undefined;
  });
  if (refusal) throw badRequest(`code: ${refusal}`, [{ field: "code", message: refusal }]);
  return phoneState(await smsStore.phoneOf(deps.db, userId), deps.now(), cfg.codeMaxAttempts);
}
