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
