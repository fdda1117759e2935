/**
 * Wall-clock times in an event's time zone <-> instants. Forms use <input type=datetime-local>
 * (no zone); the event's IANA zone says what that wall time means.
 */
import { wallToInstant as instantOfWall, zoneOffsetMs } from "../kit/time-zone.ts";

/** "2026-12-10T18:00" in Europe/Berlin → "2026-12-10T17:00:00.000Z"; undefined when malformed. */
export function wallToInstant(local: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return undefined;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  try {
    return new Date(instantOfWall(wall, timeZone)).toISOString();
  } catch {
    return undefined;
  }
}

/** An instant as the wall time of a zone, for datetime-local inputs. */
export function instantToWall(iso: string, timeZone: string): string {
  const t = new Date(iso).getTime();
  return new Date(t + zoneOffsetMs(t, timeZone)).toISOString().slice(0, 16);
}
