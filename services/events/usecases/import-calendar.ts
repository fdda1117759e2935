/**
 * Imports events from an external iCalendar URL for the caller (and an organization they
 * administer). The fetch is SSRF-guarded and capped (net/safe-fetch.ts); the feed is parsed with
 * ical.js. Each VEVENT is keyed by its UID per organizer: a re-import updates the event it created
 * before (changes recorded and emitted like any edit) instead of adding a duplicate.
 * A recurring VEVENT (RRULE/RDATE, EXDATE, overrides by RECURRENCE-ID) becomes one event per
 * occurrence that has not ended, up to a year ahead, keyed `<UID>#<RECURRENCE-ID>` so each
 * occurrence re-imports onto itself.
 */
import ICAL from "ical.js";
import type { Static } from "@sinclair/typebox";
import { AppError, forbidden } from "../../kit/errors.ts";
import { events } from "../../../subjects/events.ts";
import { check } from "../../kit/validate.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import type { Patch } from "../fields.ts";
import { importedEvent } from "../store.ts";
import { isTimeZone } from "../../kit/time-zone.ts";
import { safeFetch } from "../net/safe-fetch.ts";
import { createEvent } from "./create-event.ts";
import { updateEvent } from "./update-event.ts";
import { changeStatus } from "./change-status.ts";

type Input = Static<typeof events.import.request>;
type Reply = Static<typeof events.import.reply>;

export type ImportedEntry = {
  uid: string;
  fields: Required<Pick<Patch, "title" | "description" | "startsAt" | "endsAt" | "timeZone" | "venue" | "onlineUrl" | "tags">>;
  cancelled: boolean;
};

/** Imports one user may run at once on this replica (each holds a fetch and many writes). REVIEW: per replica, not across replicas. */
const IMPORTS_PER_USER = 2;
const running = new Map<string, number>();

export async function importCalendar(deps: Deps, principal: Principal, input: Input, opts: { deadline?: number } = {}): Promise<Reply> {
  const orgId = input.organizationId ?? null;
  if (orgId && !(await deps.canActForOrg(principal, orgId))) throw forbidden("only admins of the organization may import its events");
  const mine = running.get(principal.sub) ?? 0;
  if (mine >= IMPORTS_PER_USER) throw new AppError("rate_limited", `at most ${IMPORTS_PER_USER} imports at once; wait for one to finish`, { details: { retryAfterSeconds: 10 } });
  running.set(principal.sub, mine + 1);
  try {
    return await runImport(deps, principal, input, orgId, opts.deadline ?? Number.POSITIVE_INFINITY);
  } finally {
    const left = (running.get(principal.sub) ?? 1) - 1;
    if (left > 0) running.set(principal.sub, left);
    else running.delete(principal.sub);
  }
}

/** The import itself; it stops at the caller's deadline (the edge answered 504 by then: nobody waits for the rest). */
async function runImport(deps: Deps, principal: Principal, input: Input, orgId: string | null, deadline: number): Promise<Reply> {
  const fetched = await safeFetch(input.url, {
    maxBytes: deps.config.importMaxBytes,
    timeoutMs: Math.max(1, Math.min(deps.config.importTimeoutMs, deadline - Date.now())),
    allowedOrigins: deps.config.importAllowedOrigins,
  });
  const { entries, skipped } = parseCalendar(fetched.body.toString("utf8"), input.timeZone ?? "UTC", deps.config.importMaxEvents, deps.now());
  const reply: Reply = { created: 0, updated: 0, unchanged: 0, skipped, eventIds: [] };
  for (const entry of entries) {
    if (Date.now() >= deadline) throw new AppError("timeout", "the import ran past the caller's deadline; import again to continue (events are matched by UID)", { status: 504 });
    try {
      // What the contract would refuse from a client is refused from a feed too (a URL with a
      // space, a zone the contract does not know): stored, it would break every later read.
      check(events.create.request, { ...entry.fields, visibility: input.visibility ?? "public", publish: input.publish === true, ...(orgId ? { organizationId: orgId } : {}) });
      const existing = await importedEvent(deps.db, principal.sub, entry.uid);
      if (existing?.deleted_at) {
        reply.skipped.push({ uid: entry.uid, reason: "deleted here; not imported again" });
        continue;
      }
      if (!existing) {
        if (entry.cancelled) {
          reply.skipped.push({ uid: entry.uid, reason: "cancelled at the source" });
          continue;
        }
        const row = await createEvent(
          deps,
          principal,
          { ...entry.fields, organizationId: orgId, visibility: input.visibility ?? "public", publish: input.publish === true, importUid: entry.uid },
          { action: "imported" },
        );
        reply.created++;
        reply.eventIds.push(row.id);
        continue;
      }
      const { changes } = await updateEvent(deps, principal, existing.id, entry.fields, { action: "imported" });
      let changed = changes.length > 0;
      if (entry.cancelled && existing.status !== "cancelled") {
        await changeStatus(deps, principal, existing.id, { to: "cancelled", reason: "cancelled at the source" });
        changed = true;
      }
      if (changed) reply.updated++;
      else reply.unchanged++;
      reply.eventIds.push(existing.id);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      reply.skipped.push({ uid: entry.uid, reason: err.message });
    }
  }
  return reply;
}

/** How far ahead a recurring series is expanded: a weekly meetup shows its next year. */
const RECURRENCE_HORIZON_MS = 366 * 86_400_000;
/** Occurrences walked per import at most, past ones included: FREQ=SECONDLY from 1990 must not hang it. */
const MAX_RECURRENCE_STEPS = 10_000;

type Vevent = InstanceType<typeof ICAL.Component>;

/** The VEVENTs of an iCalendar text, as event fields; what cannot be imported is listed with why. */
function parseCalendar(text: string, defaultZone: string, maxEvents: number, now: Date): { entries: ImportedEntry[]; skipped: Reply["skipped"] } {
  let root: InstanceType<typeof ICAL.Component>;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch {
    throw new AppError("unprocessable", "the source is not an iCalendar file");
  }
  if (root.name !== "vcalendar") throw new AppError("unprocessable", "the source is not an iCalendar file");
  const entries: ImportedEntry[] = [];
  const skipped: Reply["skipped"] = [];
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
      if (!vevents.some((m) => uidOf(m) === uid && !m.getFirstProperty("recurrence-id"))) skipped.push({ uid, reason: "an override of a series the feed does not contain" });
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
  if (Array.isArray(geo) && geo.length === 2 && geo.every((n) => typeof n === "number" && Number.isFinite(n)) && Math.abs(geo[0]) <= 90 && Math.abs(geo[1]) <= 180) {
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
  return zonedToUtc(wall, tz);
}

/** Interprets `wall` (ms, as if UTC) as local time in `tz`. */
function zonedToUtc(wall: number, tz: string): Date {
  const offset = (at: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
        .formatToParts(new Date(at))
        .map((p) => [p.type, p.value]),
    );
    return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - Math.floor(at / 1000) * 1000;
  };
  const first = wall - offset(wall);
  const second = wall - offset(first);
  return new Date(second);
}
