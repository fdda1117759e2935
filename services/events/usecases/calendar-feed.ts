/**
 * A private per-user feed behind a secret token: what its owner follows — single events and the
 * events of followed users and organizations — that they may see, from 30 days ago on, cancelled
 * ones included so subscribed calendars drop them. An unlisted event comes only by following it
 * (its link was shared), never by following its organizer.
 */
import { notFound } from "../../kit/errors.ts";
import type { Deps } from "../deps.ts";
import { calendar } from "../ics.ts";
import { calendarOwner, feedEvents } from "../store.ts";
import { CONTENT_TYPE, type Ics, ICS_HOST, tokenHash } from "../calendars.ts";

export async function calendarFeed(deps: Deps, token: string): Promise<Ics> {
  const owner = await calendarOwner(deps.db, tokenHash(token));
  if (!owner) throw notFound("calendar");
  const rows = await feedEvents(deps.db, owner, new Date(deps.now().getTime() - 30 * 86_400_000));
  return { filename: "convene.ics", contentType: CONTENT_TYPE, ics: calendar(rows, { host: ICS_HOST, now: deps.now(), name: "Convene" }) };
}
