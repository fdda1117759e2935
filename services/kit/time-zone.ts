/** IANA time-zone names, as the runtime's Intl knows them (the same list Postgres and browsers use). */

/** Whether `tz` names a time zone Intl accepts (`Europe/Berlin`, `UTC`), not an offset or a typo. */
export function isTimeZone(tz: string): boolean {
  if (tz === "") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `timeZone` at `instant`: calendar fields as that zone shows them, two-digit strings (year four). */
export function wallParts(instant: number | Date | string, timeZone: string): Record<"year" | "month" | "day" | "hour" | "minute" | "second", string> {
  let f = wallFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    wallFormats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant` (ms; Intl has no offset API for a zone name). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const p = wallParts(instant, timeZone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant (ms) a wall-clock time of `timeZone` denotes; `wall` is that time read as if it were
 * UTC. Two steps, because the offset to apply is the one in force at the answer, not at `wall`
 * (they differ near a DST change); a time a spring-forward skipped lands an hour later.
 */
export function wallToInstant(wall: number, timeZone: string): number {
  const first = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(first, timeZone);
}
