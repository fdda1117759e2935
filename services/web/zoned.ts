/**
 * Wall-clock times in an event's time zone <-> instants. Forms use <input type=datetime-local>
 * (no zone); the event's IANA zone says what that wall time means.
 */
function offsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - (instant - (instant % 1000));
}

/** "2026-12-10T18:00" in Europe/Berlin → "2026-12-10T17:00:00.000Z"; undefined when malformed. */
export function wallToInstant(local: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return undefined;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  try {
    let instant = wall - offsetMs(wall, timeZone);
    instant = wall - offsetMs(instant, timeZone);
    return new Date(instant).toISOString();
  } catch {
    return undefined;
  }
}

/** An instant as the wall time of a zone, for datetime-local inputs. */
export function instantToWall(iso: string, timeZone: string): string {
  const t = new Date(iso).getTime();
  return new Date(t + offsetMs(t, timeZone)).toISOString().slice(0, 16);
}
