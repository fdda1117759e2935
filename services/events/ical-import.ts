/**
 * An iCalendar feed read into the events it describes, for the calendar import (ical.js parses).
 * A recurring VEVENT (RRULE/RDATE, EXDATE, overrides by RECURRENCE-ID) becomes one entry per
 * occurrence that has not ended at `now`, up to a year ahead, keyed `<UID>#<RECURRENCE-ID>` so
 * each occurrence re-imports onto itself.
 */
import ICAL from "ical.js";
import type { Static } from "@sinclair/typebox";
import { AppError } from "../kit/errors.ts";
import type { events } from "../../subjects/events.ts";
import { isTimeZone, wallToInstant } from "../kit/time-zone.ts";
import type { Patch } from "./fields.ts";

type Skipped = Static<typeof events.import.reply>["skipped"];

export type ImportedEntry = {
  uid: string;
  fields: Required<Pick<Patch, "title" | "description" | "startsAt" | "endsAt" | "timeZone" | "venue" | "onlineUrl" | "tags">>;
  cancelled: boolean;
};

/** How far ahead a recurring series is expanded: a weekly meetup shows its next year. */
const RECURRENCE_HORIZON_MS = 366 * 86_400_000;
/** Occurrences walked per import at most, past ones included: FREQ=SECONDLY from 1990 must not hang it. */
const MAX_RECURRENCE_STEPS = 10_000;

type Vevent = InstanceType<typeof ICAL.Component>;

/** The VEVENTs of an iCalendar text, as event fields; what cannot be imported is listed with why. */
export function parseCalendar(text: string, defaultZone: string, maxEvents: number, now: Date): { entries: ImportedEntry[]; skipped: Skipped } {
  let root: InstanceType<typeof ICAL.Component>;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch {
    throw new AppError("unprocessable", "the source is not an iCalendar file");
  }
  if (root.name !== "vcalendar") throw new AppError("unprocessable", "the source is not an iCalendar file");
  const entries: ImportedEntry[] = [];
  const skipped: Skipped = [];
  const seen = new Set<string>();
  const uidOf = (ve: Vevent) => String(ve.getFirstPropertyValue("uid") ?? "").trim().slice(0, 255);
  const vevents = root.getAllSubcomponents("vevent");
  // Overrides of single occurrences travel as VEVENTs sharing the series' UID with a RECURRENCE-ID.
  const overrides = new Map<string, Vevent[]>();
  for (const ve of vevents) if (ve.getFirstProperty("recurrence-id")) overrides.set(uidOf(ve), [...(overrides.get(uidOf(ve)) ?? []), ve]);
  let steps = 0;
  const full = (uid: string) => {
    if (entries.length < maxEvents) return false;
    skipped.push({ uid, reason: `more than ${maxEvents} events in the feed` });
    return true;
  };

  for (const ve of vevents) {
    const uid = uidOf(ve);
    if (!uid) {
      skipped.push({ uid: "", reason: "UID missing" });
      continue;
    }
    if (ve.getFirstProperty("recurrence-id")) {
      if (!vevents.some((m) => uidOf(m) === uid && !m.getFirstProperty("recurrence-id"))) {
        skipped.push({ uid, reason: "an override of a series the feed does not contain" });
      }
      continue;
    }
    if (seen.has(uid)) {
      skipped.push({ uid, reason: "duplicate UID in the feed" });
      continue;
    }
    seen.add(uid);
    const ev = new ICAL.Event(ve);
    if (!ev.isRecurring()) {
      if (full(uid)) continue;
      const entry = entryOf(uid, ve, ev.startDate, ev.endDate, defaultZone);
      if (typeof entry === "string") skipped.push({ uid, reason: entry });
      else entries.push(entry);
      continue;
    }
    const exceptions = overrides.get(uid) ?? [];
    for (const o of exceptions) ev.relateException(o);
    const horizon = now.getTime() + RECURRENCE_HORIZON_MS;
    const seriesZone = zoneOf(ve, defaultZone);
    // Without overrides an occurrence is the rule's time plus the series' duration: most of a long
    // series is past, and judging those by that alone skips getOccurrenceDetails (~0.15 ms each,
    // 10,000 of them made an import of an endless series outlast its caller's deadline).
    const durationMs = exceptions.length ? 0 : (ev.duration?.toSeconds() ?? 0) * 1000;
    const iterator = ev.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (++steps > MAX_RECURRENCE_STEPS) {
        skipped.push({ uid, reason: `the feed's series repeat more than ${MAX_RECURRENCE_STEPS} times before a year from now` });
        break;
      }
      if (!exceptions.length && instantOf(next, seriesZone).getTime() + durationMs < now.getTime()) continue;
      const occurrence = ev.getOccurrenceDetails(next);
      const key = `${uid.slice(0, 230)}#${occurrence.recurrenceId.toICALString()}`;
      const zone = zoneOf(occurrence.item.component, seriesZone);
      if (instantOf(occurrence.startDate, zone).getTime() > horizon) break;
      if (instantOf(occurrence.endDate ?? occurrence.startDate, zone) < now) continue;
      if (full(key)) break;
      const entry = entryOf(key, occurrence.item.component, occurrence.startDate, occurrence.endDate, seriesZone);
      if (typeof entry === "string") skipped.push({ uid: key, reason: entry });
      else entries.push(entry);
    }
  }
  return { entries, skipped };
}

/** The IANA zone a VEVENT's start is written in (TZID), else `fallback`. */
function zoneOf(ve: Vevent, fallback: string): string {
  const tzParam = ve.getFirstProperty("dtstart")?.getParameter("tzid");
  return typeof tzParam === "string" && isTimeZone(tzParam) ? tzParam : isTimeZone(fallback) ? fallback : "UTC";
}

/** One VEVENT (or one occurrence of a series: its own start and end) as event fields, or why not. */
function entryOf(uid: string, ve: Vevent, startDate: IcalTime | null, endDate: IcalTime | null, defaultZone: string): ImportedEntry | string {
  const ev = new ICAL.Event(ve);
  const title = (ev.summary ?? "").trim().slice(0, 200);
  if (!title) return "SUMMARY missing";
  if (!ve.getFirstProperty("dtstart") || !startDate) return "DTSTART missing";
  const tzid = zoneOf(ve, defaultZone);
  const start = instantOf(startDate, tzid);
  let end = endDate ? instantOf(endDate, tzid) : new Date(start.getTime() + (startDate.isDate ? 86_400_000 : 0));
  // RFC 5545: a DATE-TIME start without an end is an instant; give it an hour to be an event.
  if (end <= start) end = new Date(start.getTime() + 3_600_000);
  const location = (ev.location ?? "").trim();
  const geo = ve.getFirstPropertyValue("geo") as unknown;
  const url = String(ve.getFirstPropertyValue("url") ?? "");
  let venue: ImportedEntry["fields"]["venue"] = null;
  if (
    Array.isArray(geo) && geo.length === 2 && geo.every((n) => typeof n === "number" && Number.isFinite(n)) && Math.abs(geo[0]) <= 90 && Math.abs(geo[1]) <= 180
  ) {
    venue = { name: (location.split(",")[0] || "Venue").slice(0, 200), address: location.slice(0, 500), lat: geo[0], lng: geo[1] };
  }
  const tags = ve
    .getAllProperties("categories")
    .flatMap((p) => p.getValues().map(String))
    .slice(0, 20);
  return {
    uid,
    cancelled: String(ve.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED",
    fields: {
      title,
      description: [ev.description ?? "", !venue && location ? `Location: ${location}` : ""].filter(Boolean).join("\n\n").slice(0, 20_000),
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      timeZone: tzid,
      venue,
      onlineUrl: /^https?:\/\//.test(url) && url.length <= 2000 ? url : null,
      tags,
    },
  };
}

type IcalTime = { year: number; month: number; day: number; hour: number; minute: number; second: number; isDate: boolean; zone?: { tzid?: string } | null };

/** A wall-clock time in `tz` (or UTC when the value says Z) to the instant it denotes. */
function instantOf(t: IcalTime, tz: string): Date {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.isDate ? 0 : t.hour, t.isDate ? 0 : t.minute, t.isDate ? 0 : t.second);
  if (t.zone?.tzid === "UTC") return new Date(wall);
  return new Date(wallToInstant(wall, tz));
}
