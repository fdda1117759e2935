/**
 * A notification to a few known users (a booking's confirmation, a payment notice, a reminder, a
 * message of the send API), written in the caller's transaction: the message, the inbox rows and
 * the email/push deliveries, each once (unique keys; a redelivered fact or a re-fired timer
 * writes nothing twice). After the commit the live stream hears of the new inbox rows and what
 * is due now is sent; whatever a crash leaves pending, the scheduler sends.
 */
import type { Knex } from "knex";
import type { Channel, NotificationKind } from "../../subjects/notifications.ts";
import { type LiveInboxItem, liveInboxSubject } from "../../subjects/notifications.ts";
import { afterCommit } from "../kit/db.ts";
import type { Deps } from "./deps.ts";
import * as store from "./store.ts";
import { wants, wantsSms } from "./preferences.ts";
import { type Marker, sendDue } from "./sending.ts";

export type Notice = { sourceId: string; kind: NotificationKind; params: Record<string, string>; link: string };

export type NoticeOptions = {
  /** When email and push may go out (quiet hours), per recipient; now by default. */
  notBefore?: (r: store.Recipient) => Date;
  /** Only these channels (the send API); all the user wants by default. */
  channels?: readonly Channel[];
};

export async function recordNotice(
  trx: Knex.Transaction,
  deps: Deps,
  marker: Marker,
  n: Notice,
  recipients: store.Recipient[],
  opts: NoticeOptions = {},
): Promise<void> {
  await store.saveMessage(trx, { ...n, batches: 1 });
  const now = deps.now();
  const allowed = (c: Channel) => !opts.channels || opts.channels.includes(c);
  const inboxUsers: string[] = [];
  const deliveries: store.NewDelivery[] = [];
  for (const r of recipients) {
    const at = opts.notBefore?.(r) ?? now;
    if (allowed("in_app") && wants(r.settings, n.kind, "in_app")) inboxUsers.push(r.userId);
    if (deps.mailer && r.email && allowed("email") && wants(r.settings, n.kind, "email")) {
      deliveries.push({ userId: r.userId, channel: "email", address: r.email, notBefore: at });
    }
    if (deps.pusher && r.devices > 0 && allowed("push") && wants(r.settings, n.kind, "push")) {
      deliveries.push({ userId: r.userId, channel: "push", address: null, notBefore: at });
    }
    // SMS (reminders): opt-in, to the verified number; never through the send API's channel list.
    if (deps.sms && r.phone && !opts.channels && wantsSms(r.settings, n.kind)) {
      deliveries.push({ userId: r.userId, channel: "sms", address: r.phone, notBefore: at });
    }
  }
  const created = await store.insertInbox(trx, n.sourceId, n.kind, inboxUsers);
  await store.insertDeliveries(trx, n.sourceId, deliveries);
  afterCommit(trx, () => {
    if (created.length) deps.sent.add(created.length, { channel: "in_app", outcome: "sent" });
    publishLive(deps, n, created, recipients);
    const due = [...new Set(deliveries.filter((d) => d.notBefore <= now).map((d) => d.userId))];
    if (due.length) {
      void sendDue(deps, marker, { sourceId: n.sourceId, userIds: due }).catch((err: unknown) =>
        deps.log.warn({ err, sourceId: n.sourceId }, "send failed; the scheduler retries")
      );
    }
  });
}

const encoder = new TextEncoder();

/** Live stream: best effort (core NATS); a reconnecting client lists the inbox to catch up. */
export function publishLive(
  deps: Pick<Deps, "nats" | "templates">,
  n: Notice,
  created: Array<{ id: string; userId: string; createdAt: Date }>,
  recipients: Array<{ userId: string; locale: string }>,
): void {
  if (!created.length) return;
  const byUser = new Map(recipients.map((r) => [r.userId, r]));
  const texts = new Map<string, { title: string; body: string }>();
  for (const row of created) {
    const locale = byUser.get(row.userId)?.locale ?? "en";
    let t = texts.get(locale);
    if (!t) texts.set(locale, t = deps.templates.push(n.kind, locale, n.params, n.link));
    const item: LiveInboxItem = {
      id: row.id,
      sourceId: n.sourceId,
      kind: n.kind,
      title: t.title,
      body: t.body,
      link: n.link,
      createdAt: new Date(row.createdAt).toISOString(),
    };
    deps.nats.nc.publish(liveInboxSubject(row.userId), encoder.encode(JSON.stringify(item)));
  }
}
