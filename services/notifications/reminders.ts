/**
 * Reminders before an event, on the kit's durable timers: one timer per (attending order,
 * offset), planned in the transaction that records the order or the event's new time, dropped in
 * the one that records its end (booking cancelled, expired, refunded; event cancelled, moved to
 * draft or deleted). Moving the event re-plans them; the handler also checks, when it fires, that
 * the event still starts at the time the timer was planned for, so a reminder is never sent for a
 * time the event no longer has. All attendees of one (event, start, offset) share one message:
 * a user with two orders gets one reminder per channel.
 */
import type { Knex } from "knex";
import { cancelTimer, scheduleTimer, type TimerHandler } from "../kit/timers.ts";
import type { Deps } from "./deps.ts";
import * as store from "./store.ts";
import { derivedId } from "./ids.ts";
import { notBefore } from "./preferences.ts";
import { eventParams } from "./event-params.ts";
import { recordNotice } from "./notices.ts";
import type { Marker } from "./sending.ts";

/** WARNING: stored in the timers table; renaming it strands planned reminders. */
export const REMINDER = "notifications.reminder";

type Payload = { orderId: string; eventId: string; startsAt: string; offsetS: number };

/** Parses "24h,1h,90m,30s" into seconds before the start, largest first. */
export function parseOffsets(list: string): number[] {
  const unit: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };
  const out = list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = s.match(/^(\d+)([smhd])$/);
      if (!m) throw new Error(`NOTIFY_REMINDER_OFFSETS: "${s}" is not a duration like 24h, 90m or 30s`);
      return Number(m[1]) * unit[m[2]];
    });
  return [...new Set(out)].sort((a, b) => b - a);
}

/** The reminders of an event starting at `startsAt` still to come at `now`: one per offset before the start, the past ones dropped. */
export function remindersAhead(startsAt: Date, offsetsS: number[], now: Date): Array<{ offsetS: number; dueAt: Date }> {
  return offsetsS.map((offsetS) => ({ offsetS, dueAt: new Date(startsAt.getTime() - offsetS * 1_000) })).filter((r) => r.dueAt.getTime() > now.getTime());
}

/** When a reminder goes to a user: when their quiet hours end, but never past the event's start (then at once). */
export function reminderSendAt(quiet: Parameters<typeof notBefore>[0], timeZone: string, startsAt: Date, now: Date): Date {
  const at = notBefore(quiet, timeZone, now);
  return at < startsAt ? at : now;
}

const keyOf = (orderId: string, offsetS: number) => `${orderId}:${offsetS}`;

/**
 * Re-plans the reminders of one order from what the projections now say: the event's own offsets
 * or the default. `formerOffsetsS`: offsets the event had before (their timers are dropped too).
 */
export async function planReminders(trx: Knex.Transaction, deps: Pick<Deps, "config" | "now">, orderId: string, formerOffsetsS: number[] = []): Promise<void> {
  const a = await store.attendanceOf(trx, orderId);
  const ev = a ? await store.eventOf(trx, a.eventId) : undefined;
  const offsets = ev?.reminderOffsetsS ?? deps.config.reminderOffsetsS;
  for (const o of new Set([...deps.config.reminderOffsetsS, ...(ev?.reminderOffsetsS ?? []), ...formerOffsetsS])) {
    await cancelTimer(trx, REMINDER, keyOf(orderId, o));
  }
  if (!a || !(store.ATTENDING as readonly string[]).includes(a.status)) return;
  if (!ev || ev.status !== "published") return;
  for (const { offsetS, dueAt } of remindersAhead(new Date(ev.startsAt), offsets, deps.now())) {
    const payload: Payload = { orderId, eventId: ev.eventId, startsAt: ev.startsAt, offsetS };
    await scheduleTimer(trx, { kind: REMINDER, key: keyOf(orderId, offsetS), dueAt, payload });
  }
}

/** Re-plans the reminders of every attending order of an event (it moved, was cancelled, or its offsets changed). */
export async function replanEvent(trx: Knex.Transaction, deps: Pick<Deps, "config" | "now">, eventId: string, formerOffsetsS: number[] = []): Promise<void> {
  for (const o of await store.attendingOrders(trx, eventId)) await planReminders(trx, deps, o.orderId, formerOffsetsS);
}

/** Offsets in words, as NOTIFY_REMINDER_OFFSETS writes them ("24h", "90m", "30s"). */
export function formatOffsets(offsetsS: number[]): string[] {
  return offsetsS.map((s) => (s % 86_400 === 0 ? `${s / 86_400}d` : s % 3_600 === 0 ? `${s / 3_600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`));
}

export function reminderTimer(deps: Deps, marker: Marker): TimerHandler {
  // Reminders come due many at once (every attendee of an event at the same offset): fired
  // together they are a handful of queries and one notice per event and offset, not ~6 per person.
  const fire = async (trx: Knex.Transaction, payloads: Payload[]) => {
    const [attendances, events] = await Promise.all([
      store.attendancesOf(trx, payloads.map((p) => p.orderId)),
      store.eventsOf(trx, payloads.map((p) => p.eventId)),
    ]);
    const due = new Map<string, { ev: store.EventRow; offsetS: number; userIds: string[] }>();
    for (const p of payloads) {
      const a = attendances.get(p.orderId);
      if (!a || !(store.ATTENDING as readonly string[]).includes(a.status)) continue;
      const ev = events.get(p.eventId);
      // Stale: the event moved (its new reminders are planned) or is no longer on.
      if (!ev || ev.status !== "published" || ev.startsAt !== new Date(p.startsAt).toISOString()) continue;
      const key = `${ev.eventId} ${p.offsetS}`;
      const group = due.get(key) ?? { ev, offsetS: p.offsetS, userIds: [] };
      group.userIds.push(a.userId);
      due.set(key, group);
    }
    for (const { ev, offsetS, userIds } of due.values()) {
      const recipients = await store.recipientsOf(trx, [...new Set(userIds)]);
      const start = new Date(ev.startsAt);
      await recordNotice(
        trx,
        deps,
        marker,
        {
          sourceId: derivedId("reminder", ev.eventId, ev.startsAt, offsetS),
          kind: "event_reminder",
          params: { ...eventParams(ev), offsetS: String(offsetS) },
          link: `/events/${ev.eventId}`,
        },
        recipients,
        {
          notBefore: (r) => reminderSendAt(r.settings, r.timeZone, start, deps.now()),
        },
      );
    }
  };
  return {
    kind: REMINDER,
    handle: (trx, timer) => fire(trx, [timer.payload as Payload]),
    handleMany: (trx, timers) => fire(trx, timers.map((t) => t.payload as Payload)),
  };
}
