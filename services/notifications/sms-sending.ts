/**
 * Sends one claimed SMS delivery (a reminder or a change of an event the user attends) and says
 * how to record it. Only to the user's verified number, and only while it is the one the delivery
 * was written for and is not suppressed; within the number's rate limit (a notice over it waits
 * until the window has room, without spending an attempt). The provider's refusal of the number
 * suppresses it; a temporary failure is retried like email and push.
 */
import type { Deps } from "./deps.ts";
import type * as store from "./store.ts";
import * as smsStore from "./store/sms.ts";

export async function sendSms(deps: Deps, c: store.Claimed, retry: (error: string, retryAfterMs?: number) => store.Mark): Promise<store.Mark> {
  const key = { sourceId: c.sourceId, userId: c.userId, channel: "sms" as const };
  if (!deps.sms || !c.address) return { ...key, status: "failed", attempt: 0, error: "no SMS provider or number" };
  const phone = await smsStore.phoneOf(deps.db, c.userId);
  if (!phone?.verifiedAt || phone.number !== c.address) {
    return { ...key, status: "failed", attempt: 0, error: "the number is no longer the user's verified one" };
  }
  if (phone.suppressedAt) {
    deps.sent.add(1, { channel: "sms", outcome: "suppressed" });
    return { ...key, status: "suppressed", attempt: 0, error: "number suppressed" };
  }
  const cfg = deps.config.sms;
  const slot = await smsStore.reserveSms(deps.db, {
    number: c.address,
    userId: c.userId,
    purpose: "notice",
    sourceId: c.sourceId,
    limit: cfg.perNumber,
    windowS: cfg.windowS,
    at: deps.now(),
  });
  if ("retryAt" in slot) {
    // A reminder or a change that could only go after the event has started is dropped instead.
    const startsAt = Date.parse(c.params.startsAt ?? "");
    if (startsAt && slot.retryAt.getTime() >= startsAt) {
      deps.sent.add(1, { channel: "sms", outcome: "failed" });
      return { ...key, status: "failed", attempt: 0, error: "rate limit of the number until after the event's start" };
    }
    deps.sent.add(1, { channel: "sms", outcome: "deferred" });
    return { ...key, status: "pending", attempt: 0, notBefore: slot.retryAt, error: "rate limit of the number" };
  }
  const out = await deps.sms.send({ to: c.address, body: deps.templates.sms(c.kind, c.locale, c.params, c.link, c.timeZone) });
  if (out.outcome === "sent") {
    await smsStore.smsAccepted(deps.db, slot.id, out.sid);
    deps.sent.add(1, { channel: "sms", outcome: "sent" });
    return { ...key, status: "sent", attempt: 1 };
  }
  await smsStore.smsRefused(deps.db, slot.id, "code" in out ? out.code : "");
  if (out.outcome === "invalid-number") {
    await smsStore.suppressPhone(deps.db, c.userId, c.address, `refused ${out.code}`);
    deps.sent.add(1, { channel: "sms", outcome: "suppressed" });
    return { ...key, status: "suppressed", attempt: 1, error: out.error };
  }
  if (out.outcome === "temporary") return retry(out.error, out.retryAfterMs);
  deps.sent.add(1, { channel: "sms", outcome: "failed" });
  return { ...key, status: "failed", attempt: 1, error: out.error };
}
