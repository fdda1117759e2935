/**
 * The editable fields of an event, as one comparable record: normalization (tags, instants, time
 * zones), validation, the diff the history records, and the columns they are stored in.
 */
import { badRequest } from "../kit/errors.ts";
import type { Change, EventRow, VenueValue } from "./store.ts";
import { isTimeZone } from "../kit/time-zone.ts";

export type Fields = {
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: VenueValue | null;
  onlineUrl: string | null;
  category: string | null;
  tags: string[];
  capacity: number | null;
  visibility: "public" | "unlisted" | "private";
  invitedUserIds: string[];
};

export type Patch = Partial<Fields>;

/** Lowercase, trimmed, inner whitespace as dashes, leading # dropped, de-duplicated, order kept. */
export function normalizeTags(tags: string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const t = raw
      .normalize("NFKC")
      .trim()
      .toLowerCase()
      .replace(/^#+/, "")
      .replace(/\s+/g, "-")
      .replace(/[^\p{L}\p{N}+#.-]/gu, "")
      .replace(/-{2,}/g, "-")
      .replace(/^-|-$/g, "");
    if (t && t.length <= 50 && !out.includes(t)) out.push(t);
  }
  return out;
}

const instant = (field: string, v: string) => {
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw badRequest(`${field}: is not a date-time`);
  return d.toISOString();
};

/** Normalizes a patch (only the fields present). */
export function normalizePatch(p: Patch): Patch {
  const out: Patch = { ...p };
  if (p.title !== undefined) {
    out.title = p.title.trim();
    if (!out.title) throw badRequest("title: must not be blank");
  }
  if (p.description !== undefined) out.description = p.description.replace(/\r\n?/g, "\n").trimEnd();
  if (p.startsAt !== undefined) out.startsAt = instant("startsAt", p.startsAt);
  if (p.endsAt !== undefined) out.endsAt = instant("endsAt", p.endsAt);
  if (p.timeZone !== undefined && !isTimeZone(p.timeZone)) throw badRequest("timeZone: is not an IANA time zone");
  if (p.tags !== undefined) out.tags = normalizeTags(p.tags);
  if (p.invitedUserIds !== undefined) out.invitedUserIds = [...new Set(p.invitedUserIds)].sort();
  return out;
}

/** Checks what must hold of a whole record. */
export function validate(f: Fields): void {
  if (new Date(f.endsAt) <= new Date(f.startsAt)) throw badRequest("endsAt: must be after startsAt");
}

export function fieldsOf(row: EventRow, invites: string[]): Fields {
  return {
    title: row.title,
    description: row.description,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    timeZone: row.time_zone,
    venue: row.venue,
    onlineUrl: row.online_url,
    category: row.category,
    tags: row.tags,
    capacity: row.capacity,
    visibility: row.visibility,
    invitedUserIds: invites,
  };
}

/** Stable JSON (object keys sorted) so a diff ignores key order. */
function stable(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  return `{${Object.keys(v as object).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(",")}}`;
}

export function diff(before: Fields, after: Fields): Change[] {
  const changes: Change[] = [];
  for (const key of Object.keys(after) as Array<keyof Fields>) {
    if (stable(before[key]) !== stable(after[key])) changes.push({ field: key, old: before[key] ?? null, new: after[key] ?? null });
  }
  return changes;
}

/** The columns of the events table for a record (invites live in their own table). */
export function columnsOf(f: Fields): Record<string, unknown> {
  return {
    title: f.title,
    description: f.description,
    starts_at: f.startsAt,
    ends_at: f.endsAt,
    time_zone: f.timeZone,
    venue: f.venue ? JSON.stringify(f.venue) : null,
    lat: f.venue?.lat ?? null,
    lng: f.venue?.lng ?? null,
    online_url: f.onlineUrl,
    category: f.category,
    tags: f.tags,
    capacity: f.capacity,
    visibility: f.visibility,
  };
}

/** A foreign-key failure on the category column means the slug is not in the managed list. */
export function categoryError(err: unknown): unknown {
  const e = err as { code?: string; constraint?: string };
  if (e?.code === "23503" && String(e.constraint ?? "").includes("category")) {
    return badRequest("category: is not a known category (svc.events.categories.list)");
  }
  return err;
}
