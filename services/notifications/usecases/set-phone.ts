/**
 * A user sets the number SMS should go to: a 6-digit code goes to it by SMS and waits, as an HMAC,
 * for svc.notifications.phone.confirm. The verified number (if any) stays in use meanwhile. Both
 * the per-number limit (SMS_RATE_PER_NUMBER, shared with notices) and a per-user limit on codes
 * (SMS pumping: one account asking codes for many premium numbers) hold before anything is sent.
 */
import type { Principal } from "../../../subjects/principal.ts";
import type { PhoneState } from "../../../subjects/notifications/sms.ts";
import { AppError, badRequest, conflict } from "../../kit/errors.ts";
import type { Deps } from "../deps.ts";
import * as store from "../store.ts";
import * as smsStore from "../store/sms.ts";
import { codeHash, newCode, phoneState } from "../phone.ts";

const tooMany = (message: string) => new AppError("rate_limited", `number: ${message}`, { details: [{ field: "number", message }] });

export async function setPhone(deps: Deps, caller: Principal, input: { number: string }): Promise<PhoneState> {
  if (!deps.sms) throw conflict("number: SMS is not offered on this platform", [{ field: "number", message: "SMS is not offered on this platform" }]);
  const cfg = deps.config.sms;
  const userId = caller.sub;
  const current = await smsStore.phoneOf(deps.db, userId);
  // Already the verified, working number: nothing to send.
  if (current?.number === input.number && current.verifiedAt && !current.suppressedAt) return phoneState(current, deps.now(), cfg.codeMaxAttempts);
  if ((await smsStore.codesSentTo(deps.db, userId, new Date(deps.now().getTime() - 3_600_000))) >= cfg.codesPerUserPerHour) {
    throw tooMany("too many codes asked for this hour; try again later");
  }
  const slot = await smsStore.reserveSms(deps.db, {
    number: input.number,
    userId,
    purpose: "code",
    limit: cfg.perNumber,
    windowS: cfg.windowS,
    at: deps.now(),
  });
  if ("retryAt" in slot) throw tooMany(`too many SMS to this number; try again after ${slot.retryAt.toISOString()}`);

  const code = newCode();
  const hash = codeHash(cfg.codeSecret, userId, input.number, code);
  await smsStore.setPending(deps.db, userId, input.number, hash, new Date(deps.now().getTime() + cfg.codeTtlS * 1_000));
  const locale = (await store.contactOf(deps.db, userId))?.locale ?? "en";
  const out = await deps.sms.send({ to: input.number, body: deps.templates.smsCode(locale, code, Math.ceil(cfg.codeTtlS / 60)) });
  if (out.outcome === "sent") {
    await smsStore.smsAccepted(deps.db, slot.id, out.sid);
    deps.sent.add(1, { channel: "sms", outcome: "sent" });
    return phoneState(await smsStore.phoneOf(deps.db, userId), deps.now(), cfg.codeMaxAttempts);
  }
  await smsStore.smsRefused(deps.db, slot.id, "code" in out ? out.code : "");
  await smsStore.clearPending(deps.db, userId, hash);
  deps.log.info({ userId, error: out.error }, "verification code refused by the SMS provider");
  if (out.outcome === "invalid-number") {
    throw badRequest("number: cannot receive SMS", [{ field: "number", message: "cannot receive SMS (the provider refused it)" }]);
  }
  if (out.outcome === "temporary") throw new AppError("unavailable", "the SMS provider is unavailable; try again in a moment");
  throw badRequest("number: the SMS provider refused to send to it", [{ field: "number", message: "refused by the SMS provider" }]);
}
