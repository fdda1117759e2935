/** One event as an .ics file, for anyone who may see it (never a draft). */
import { notFound } from "../../kit/errors.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { canSee } from "../access.ts";
import { calendar, filenameOf } from "../ics.ts";
import { loadEvent } from "../store.ts";
import { CONTENT_TYPE, type Ics, ICS_HOST } from "../calendars.ts";

export async function eventIcs(deps: Deps, principal: Principal | undefined, eventId: string): Promise<Ics> {
  const row = await loadEvent(deps.db, eventId);
  if (!row || !(await canSee(deps, deps.db, row, principal)) || row.status === "draft") throw notFound("event");
  return { filename: filenameOf(row.title), contentType: CONTENT_TYPE, ics: calendar([row], { host: ICS_HOST, now: deps.now() }) };
}
