/**
 * Sends claimed (leased) deliveries and records each outcome as soon as the provider answers,
 * in small grouped updates, so a crash leaves as few "accepted but not recorded" sends as
 * possible. Those few (sends the provider accepted in the instant before the process died) are
 * sent again once their lease ends, with the same Message-ID and the same push collapse key, so
 * the mailbox and the device can drop the copy: no sender can do better without an idempotent
 * receiver. A link's single-use token is opened from its seal only for the send (links.ts): the
 * copy sent after a crash carries the same token, and once no delivery of the message can still
 * be sent the sealed token is dropped.
 */
import type { Deps } from "./deps.ts";
import * as store from "./store.ts";
import { isFollowerKind } from "./preferences.ts";
import { unsubscribeToken, unsubscribeUrl } from "./unsubscribe.ts";
import { derivedId } from "./ids.ts";
import { emailExtras } from "./email-extras.ts";
import { sendSms } from "./sms-sending.ts";
import { TOKEN_PLACEHOLDER, tokenPurposeOf, withToken } from "./links.ts";
import type { PushText } from "./channels/templates.ts";

/** Groups marks arriving together into one UPDATE. */
export class Marker {
  #queue: Array<{ mark: store.Mark; done: (e?: unknown) => void }> = [];
  #running: Promise<void> | undefined;
  readonly #deps: Pick<Deps, "db">;
  constructor(deps: Pick<Deps, "db">) {
    this.#deps = deps;
  }
  mark(m: store.Mark): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ mark: m, done: (e) => (e ? reject(e) : resolve()) });
      this.#running ??= this.#drain();
    });
  }
  async #drain(): Promise<void> {
    await Promise.resolve();
    while (this.#queue.length) {
      const batch = this.#queue.splice(0, 1_000);
      try {
        const marks = batch.map((b) => b.mark);
        // Only link emails carry a seal: a fan-out's marks cost no second statement.
        const settled = [...new Set(marks.filter((m) => m.sealed && m.status !== "pending").map((m) => m.sourceId))];
        // A crash between the two leaves a sealed token until its seal expires (dropExpiredSeals).
        await store.markMany(this.#deps.db, marks);
        await store.forgetSealed(this.#deps.db, settled);
        for (const b of batch) b.done();
      } catch (err) {
        for (const b of batch) b.done(err);
      }
    }
    this.#running = undefined;
  }
}

/**
 * When a delivery that failed for the `attempts`-th time (attempts made before this one) is
 * tried again: after the provider's Retry-After when it gave one, else after an exponential
 * backoff (retryBaseMs, doubled per attempt); undefined when this was the last attempt allowed.
 */
export function nextAttemptAt(attempts: number, cfg: { maxAttempts: number; retryBaseMs: number }, now: Date, retryAfterMs?: number): Date | undefined {
  if (attempts + 1 >= cfg.maxAttempts) return undefined;
  return new Date(now.getTime() + (retryAfterMs ?? cfg.retryBaseMs * 2 ** attempts));
}

/**
 * Sends claimed deliveries one at a time (`send`), after `prepare` looked up what a claim needs:
 * suppressed addresses, device tokens. A push's text is made once per source, locale and time
 * zone (a fan-out's thousands of pushes share a handful).
 */
function createSender(deps: Deps, marker: Marker) {
  const suppressed = new Set<string>();
  const tokens = new Map<string, string[]>();
  const pushTexts = new Map<string, PushText>();
  const cfg = deps.config;
  const host = new URL(cfg.publicUrl).hostname;

  async function prepare(claimed: store.Claimed[]): Promise<void> {
    const emails = claimed.filter((c) => c.channel === "email" && c.address).map((c) => c.address!.toLowerCase());
    for (const e of await store.suppressedAmong(deps.db, emails)) suppressed.add(e);
    const pushUsers = claimed.filter((c) => c.channel === "push").map((c) => c.userId);
    if (pushUsers.length) { for (const [u, t] of await store.tokensOf(deps.db, pushUsers)) tokens.set(u, t); }
  }

  const retryMark = (c: store.Claimed, error: string, retryAfterMs: number | undefined, retryTokens: string[] | null): store.Mark => {
    const notBefore = nextAttemptAt(c.attempts, cfg, deps.now(), retryAfterMs);
    if (!notBefore) {
      deps.sent.add(1, { channel: c.channel, outcome: "failed" });
      return { sourceId: c.sourceId, userId: c.userId, channel: c.channel, status: "failed", attempt: 1, error, sealed: Boolean(c.sealedToken) };
    }
    deps.sent.add(1, { channel: c.channel, outcome: "retried" });
    return { sourceId: c.sourceId, userId: c.userId, channel: c.channel, status: "pending", attempt: 1, error, notBefore, retryTokens };
  };

  /** The provider's answer is in; its recording is under way. */
  const recorded = (p: Promise<void>) => ({ recorded: p });

  async function one(c: store.Claimed): Promise<{ recorded: Promise<void> }> {
    const key = { sourceId: c.sourceId, userId: c.userId, channel: c.channel, ...(c.sealedToken ? { sealed: true } : {}) };
    if (c.channel === "sms") return recorded(marker.mark(await sendSms(deps, c, (error, retryAfterMs) => retryMark(c, error, retryAfterMs, null))));
    if (c.channel === "email") {
      if (!deps.mailer || !c.address) return recorded(marker.mark({ ...key, status: "failed", attempt: 0, error: "no email transport or address" }));
      if (suppressed.has(c.address.toLowerCase())) {
        deps.sent.add(1, { channel: "email", outcome: "suppressed" });
        return recorded(marker.mark({ ...key, status: "suppressed", attempt: 0, error: "address suppressed" }));
      }
      // A link that needs a token gets it from the seal, for this send only.
      const purpose = tokenPurposeOf(c.kind);
      let token: string | undefined;
      if (purpose) {
        const opened = c.sealedToken ? deps.linkSeal.open(purpose, c.address, c.sealedToken, deps.now()) : ({ ok: false, reason: "expired" } as const);
        if (!opened.ok) {
          // Nothing to send that would work: the user asks for a new link (a new reset, a resend).
          const error = opened.reason === "expired"
            ? "the link's token expired before the email could be sent; the user asks for a new one"
            : "the link's sealed token does not open (LINK_SEALING_KEYS, or not sealed for this address)";
          deps.sent.add(1, { channel: "email", outcome: opened.reason === "expired" ? "expired" : "failed" });
          deps.log.warn({ sourceId: c.sourceId, userId: c.userId, kind: c.kind, reason: opened.reason }, "link email not sent");
          return recorded(marker.mark({ ...key, status: "failed", attempt: 0, error }));
        }
        token = opened.token;
      }
      const link = token === undefined ? c.link : withToken(c.link, TOKEN_PLACEHOLDER);
      const unsub = isFollowerKind(c.kind) || c.kind === "digest"
        ? unsubscribeUrl(cfg.publicUrl, unsubscribeToken(cfg.unsubscribeSecret, c.userId, c.kind))
        : undefined;
      const extras = await emailExtras(deps, c);
      const rendered = await deps.templates.email(c.sourceId, c.kind, c.locale, { ...c.params, ...extras.params }, link, {
        name: c.displayName ?? "",
        unsubscribeUrl: unsub,
        timeZone: c.timeZone,
      });
      // The token goes in after rendering (the template cache never holds it); base64url needs no escaping.
      const put = (s: string) => (token === undefined ? s : s.replaceAll(TOKEN_PLACEHOLDER, encodeURIComponent(token)));
      const r = { subject: put(rendered.subject), html: put(rendered.html), text: put(rendered.text) };
      const headers: Record<string, string> = { "X-Convene-Notification": `${c.sourceId}:${c.userId}` };
      if (unsub) {
        headers["List-Unsubscribe"] = `<${unsub}>`;
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
      }
      const out = await deps.mailer.send({
        from: cfg.emailFrom,
        to: c.address,
        subject: r.subject,
        html: r.html,
        text: r.text,
        messageId: `<${c.sourceId}.${c.userId}@${host}>`,
        headers,
        attachments: extras.attachments.length ? extras.attachments : undefined,
      });
      if (out.outcome === "sent") {
        deps.sent.add(1, { channel: "email", outcome: "sent" });
        return recorded(marker.mark({ ...key, status: "sent", attempt: 1 }));
      }
      if (out.outcome === "permanent") {
        // A 5xx: the address will not take mail; never try it again.
        await store.suppress(deps.db, c.address, out.error);
        deps.sent.add(1, { channel: "email", outcome: "suppressed" });
        return recorded(marker.mark({ ...key, status: "suppressed", attempt: 1, error: out.error }));
      }
      return recorded(marker.mark(retryMark(c, out.error, out.retryAfterMs, null)));
    }
    // push
    const all = tokens.get(c.userId) ?? [];
    const targets = c.retryTokens ? all.filter((t) => c.retryTokens!.includes(t)) : all;
    if (!deps.pusher || targets.length === 0) return recorded(marker.mark({ ...key, status: "failed", attempt: 0, error: "no device token" }));
    const textKey = `${c.sourceId}|${c.kind}|${c.locale}|${c.timeZone}`;
    let text = pushTexts.get(textKey);
    if (!text) {
      if (pushTexts.size > 1_000) pushTexts.clear();
      pushTexts.set(textKey, text = deps.templates.push(c.kind, c.locale, c.params, c.link, c.timeZone));
    }
    let sent = 0;
    let lastError = "";
    let retryAfterMs: number | undefined;
    const again: string[] = [];
    await Promise.all(
      targets.map(async (token) => {
        const out = await deps.pusher!.send({
          token,
          title: text.title,
          body: text.body,
          link: c.link,
          url: new URL(c.link, cfg.publicUrl).toString(),
          data: { nid: derivedId(c.sourceId, c.userId), kind: c.kind, sourceId: c.sourceId },
        });
        if (out.outcome === "sent") sent++;
        else if (out.outcome === "drop-token") {
          // UNREGISTERED or invalid: the token is dead after its first failure.
          await store.dropToken(deps.db, token);
          lastError = out.error;
        } else if (out.outcome === "temporary") {
          again.push(token);
          lastError = out.error;
          if (out.retryAfterMs !== undefined) retryAfterMs = Math.max(retryAfterMs ?? 0, out.retryAfterMs);
        } else lastError = out.error;
      }),
    );
    if (again.length) {
      if (sent) deps.sent.add(sent, { channel: "push", outcome: "sent" });
      return recorded(marker.mark(retryMark(c, lastError, retryAfterMs, again)));
    }
    if (sent) {
      deps.sent.add(1, { channel: "push", outcome: "sent" });
      return recorded(marker.mark({ ...key, status: "sent", attempt: 1, error: lastError || undefined }));
    }
    deps.sent.add(1, { channel: "push", outcome: "failed" });
    return recorded(marker.mark({ ...key, status: "failed", attempt: 1, error: lastError }));
  }

  /**
   * Sends one and resolves once the provider answered, with the recording of the outcome under
   * way. A throw, of the send or of its recording, is recorded as a temporary failure (retried
   * after its backoff).
   */
  async function send(c: store.Claimed): Promise<{ recorded: Promise<void> }> {
    const failed = (err: unknown) => {
      deps.log.warn({ err, sourceId: c.sourceId, userId: c.userId, channel: c.channel }, "send failed; will retry");
      return marker.mark(retryMark(c, String((err as Error)?.message ?? err).slice(0, 300), undefined, c.retryTokens)).catch(() => undefined);
    };
    try {
      const r = await one(c);
      return recorded(r.recorded.catch(failed));
    } catch (err) {
      return recorded(failed(err));
    }
  }
  return { prepare, send };
}

/**
 * Claims and sends due deliveries (all, or one batch's) until none is left, `sendConcurrency`
 * sends in flight per channel, each recording its outcome as soon as it has one. Claims are small
 * and made a little ahead of need (the next `sendConcurrency` rows while the last claimed ones are
 * sent, so the lanes neither wait for a claim nor drain at a chunk's end), and a lease covers at
 * most the sends in hand and one claim queued behind them, never a long queue: it cannot run out
 * while a claimed row waits its turn (another replica would then send it too). On a starved
 * machine the sends in hand can outlast it, so their leases are renewed every third of a lease
 * until their outcome is recorded; a row whose lease was lost anyway (not renewed in time, then
 * claimed elsewhere) or is nearly over when its turn comes is not sent here but left to whoever
 * holds it, rather than sent by both.
 */
export async function sendDue(deps: Deps, marker: Marker, scope: { sourceId?: string; userIds?: string[] }, working?: () => void): Promise<number> {
  const lanes = deps.config.sendConcurrency;
  // A send takes well under a second; one started later than this before its lease ends may outlast it.
  const leaseMargin = Math.min(1_000, deps.config.leaseMs / 5);
  // One pipeline per channel: a slow SMTP relay does not hold pushes back, nor the other way round.
  const channels: store.DeliveryChannel[] = deps.sms ? ["email", "push", "sms"] : ["email", "push"];
  let lastBeat = Date.now();
  const counts = await Promise.all(
    channels.map(async (channel) => {
      const sender = createSender(deps, marker);
      // Each claimed row with the time its lease surely lasts until (taken before the lease was asked).
      const queue: Held[] = [];
      const inHand = new Set<Held>();
      let renewing = false;
      const renew = async () => {
        if (renewing || !inHand.size) return;
        renewing = true;
        const held = [...inHand];
        const asked = Date.now();
        try {
          const kept = await store.renewLeases(deps.db, held.map((h) => h.claimed), deps.config.leaseMs);
          for (const h of held) {
            const until = kept.get(store.deliveryKey(h.claimed));
            if (until) (h.claimed.leaseUntil = until), (h.leasedUntil = asked + deps.config.leaseMs);
            else h.lost = true;
          }
        } catch (err) {
          deps.log.warn({ err }, "lease renewal failed");
        } finally {
          renewing = false;
        }
      };
      const renewals = setInterval(() => void renew(), Math.max(50, deps.config.leaseMs / 3));
      let total = 0;
      let exhausted = false;
      let failure: unknown;
      let refilling: Promise<void> | undefined;
      const refill = () => (refilling ??= (async () => {
        try {
          const leasedUntil = Date.now() + deps.config.leaseMs;
          const claimed = await store.claimDue(deps.db, { leaseMs: deps.config.leaseMs, limit: lanes, channel, ...scope });
          if (!claimed.length) exhausted = true;
          await sender.prepare(claimed);
          total += claimed.length;
          for (const c of claimed) {
            const h = { claimed: c, leasedUntil, lost: false };
            queue.push(h);
            inHand.add(h);
          }
        } catch (err) {
          // What is queued is still sent; rows claimed here are sent by the scheduler after their lease.
          failure ??= err;
          exhausted = true;
        } finally {
          refilling = undefined;
        }
      })());
      try {
        await lanesDone();
      } finally {
        clearInterval(renewals);
      }
      if (failure) throw failure;
      return total;
      async function lanesDone() {
        await Promise.all(
          Array.from({ length: lanes }, async () => {
            // A lane sends its next while the outcome of its last is being recorded (a round trip
            // to Postgres as long as a send to a fast provider), and waits for that record before
            // it takes another: a kill leaves at most two sends per lane sent and unrecorded.
            let previous: Promise<void> = Promise.resolve();
            for (;;) {
              // The next claim is made when the last claimed row is taken, while the lanes still
              // send: at most 2 × lanes rows are leased at once, as many as a chunk was before.
              if (!queue.length && !exhausted) void refill();
              const next = queue.shift();
              if (!next) {
                if (exhausted && !refilling) return await previous;
                await refilling;
                continue;
              }
              if (next.lost || Date.now() > next.leasedUntil - leaseMargin) {
                inHand.delete(next);
                total--;
                continue;
              }
              const { recorded } = await sender.send(next.claimed);
              void recorded.finally(() => inHand.delete(next)).catch(() => undefined);
              await previous;
              previous = recorded;
              if (working && Date.now() - lastBeat > 2_000) {
                lastBeat = Date.now();
                working();
              }
            }
          }),
        );
      }
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** A claimed row in this replica's hand, until its outcome is recorded. */
type Held = { claimed: store.Claimed; leasedUntil: number; lost: boolean };
