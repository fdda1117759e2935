/**
 * Preferences: defaults, and when a delivery may go out. Pure functions, unit-tested beside.
 */
import {
  ATTENDEE_KINDS,
  type AttendeeKind,
  type Channel,
  FOLLOWER_KINDS,
  type FollowerKind,
  type NotificationKind,
  type Preferences,
} from "../../subjects/notifications.ts";

const allOn = { in_app: true, email: true, push: true };

export function defaultPreferences(): Preferences {
  const kinds = Object.fromEntries(FOLLOWER_KINDS.map((k) => [k, { ...allOn }])) as Preferences["kinds"];
  return { kinds, quietHours: null, digest: false };
}

export function isFollowerKind(kind: NotificationKind): kind is FollowerKind {
  return (FOLLOWER_KINDS as readonly string[]).includes(kind);
}

export function isAttendeeKind(kind: NotificationKind): kind is AttendeeKind {
  return (ATTENDEE_KINDS as readonly string[]).includes(kind);
}

/** Kinds that go to inbox, email and push by the user's switches (the rest are email only). */
export function isSwitchable(kind: NotificationKind): kind is FollowerKind | AttendeeKind {
  return isFollowerKind(kind) || isAttendeeKind(kind);
}

/** Whether the user wants `kind` on `channel` (transactional kinds: email only, always). */
export function wants(prefs: Preferences | null | undefined, kind: NotificationKind, channel: Channel): boolean {
  if (!isSwitchable(kind)) return channel === "email";
  const p = prefs ?? defaultPreferences();
  return p.kinds[kind]?.[channel] ?? true;
}

/** Kinds that may go by SMS (opt-in, with a verified number): reminders and changes of events. */
export const SMS_KINDS = ["event_reminder", "event_updated", "event_cancelled"] as const;

/** Whether the user turned SMS on for `kind` (off unless switched on; other kinds never). */
export function wantsSms(prefs: Preferences | null | undefined, kind: NotificationKind): boolean {
  if (!(SMS_KINDS as readonly string[]).includes(kind)) return false;
  return (prefs?.kinds as Record<string, { sms?: boolean } | undefined> | undefined)?.[kind]?.sms === true;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Wall-clock minutes since local midnight of `at` in `timeZone` (UTC when the zone is unknown). */
export function localMinutes(at: Date, timeZone: string): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  } catch {
    parts = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  }
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get("hour") * 60 + get("minute");
}

/**
 * When an email or push may go out: `now`, or the end of the user's quiet hours if `now` falls
 * inside them (start inclusive, end exclusive; a window may span midnight).
 * REVIEW: computed as "now + minutes until end", so a DST switch inside the window shifts the end
 * by the offset change; Temporal (Node 26) would make it exact.
 */
export function notBefore(prefs: Preferences | null | undefined, timeZone: string, now: Date): Date {
  const q = prefs?.quietHours;
  if (!q) return now;
  const start = minutes(q.start);
  const end = minutes(q.end);
  if (start === end) return now;
  const m = localMinutes(now, timeZone);
  const inside = start < end ? m >= start && m < end : m >= start || m < end;
  if (!inside) return now;
  const wait = (end - m + 1440) % 1440;
  const at = new Date(now.getTime() + wait * 60_000);
  // Align on the minute the window ends.
  at.setUTCSeconds(0, 0);
  return at;
}

/**
 * When the digest of a user who asked for one goes out: the next `localTime` (HH:MM) in their
 * time zone strictly after `now`'s minute, pushed past quiet hours if it falls inside them. An
 * item published at 08:00:30 for an 08:00 digest waits a day: that day's digest has gone.
 * REVIEW: same DST caveat as notBefore.
 */
export function nextDigestAt(prefs: Preferences | null | undefined, timeZone: string, localTime: string, now: Date): Date {
  const m = localMinutes(now, timeZone);
  const wait = (minutes(localTime) - m + 1440) % 1440 || 1440;
  const at = new Date(now.getTime() + wait * 60_000);
  at.setUTCSeconds(0, 0);
  return notBefore(prefs, timeZone, at);
}

/** Whether a follower email of this user waits for the digest. */
export function digested(prefs: Preferences | null | undefined, kind: NotificationKind): boolean {
  return Boolean(prefs?.digest) && isFollowerKind(kind);
}
