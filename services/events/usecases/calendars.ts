/**
 * Calendars: one event as .ics, and a private per-user feed behind a secret token (only its
 * SHA-256 is stored; issuing a new one revokes the old). The feed holds what its owner follows —
 * single events and the events of followed users and organizations — that they may see, from 30
 * days ago on, cancelled ones included so subscribed calendars drop them. An unlisted event comes
 * only by following it (its link was shared), never by following its organizer.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Static } from "@sinclair/typebox";
import { notFound } from "../../kit/errors.ts";
import type { events } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { canSee } from "../access.ts";
import { calendar, filenameOf } from "../ics.ts";
import { EVENT_COLUMNS, loadEvent, type EventRow } from "../store.ts";

type Ics = Static<typeof events.ics.reply>;
const CONTENT_TYPE = "text/calendar; charset=utf-8" as const;
export const ICS_HOST = "convene";
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function eventIcs(deps: Deps, principal: Principal | undefined, eventId: string): Promise<Ics> {
  const row = await loadEvent(deps.db, eventId);
  if (!row || !(await canSee(deps, deps.db, row, principal)) || row.status === "draft") throw notFound("event");
  return { filename: filenameOf(row.title), contentType: CONTENT_TYPE, ics: calendar([row], { host: ICS_HOST, now: deps.now() }) };
}

export async function issueCalendarToken(deps: Deps, principal: Principal): Promise<{ token: string; createdAt: string }> {
  const token = `cal_${randomBytes(24).toString("base64url")}`;
  const now = deps.now();
  await deps.db("calendar_tokens").insert({ user_id: principal.sub, token_hash: hash(token), created_at: now }).onConflict("user_id").merge();
  return { token, createdAt: now.toISOString() };
}

export async function revokeCalendarToken(deps: Deps, principal: Principal): Promise<boolean> {
  return (await deps.db("calendar_tokens").where({ user_id: principal.sub }).delete()) > 0;
}

export async function calendarFeed(deps: Deps, token: string): Promise<Ics> {
  const owner: { user_id: string } | undefined = await deps.db("calendar_tokens").where({ token_hash: hash(token) }).first("user_id");
  if (!owner) throw notFound("calendar");
  const me = owner.user_id;
  const since = new Date(deps.now().getTime() - 30 * 86_400_000);
  // Published or cancelled (after publication), not deleted, and visible to the owner.
  const { rows } = await deps.db.raw<{ rows: EventRow[] }>(
    `select ${EVENT_COLUMNS.join(", ")} from events e
      where e.deleted_at is null and e.status in ('published', 'cancelled') and e.ends_at >= ?
        and not exists (select 1 from inactive_users iu where iu.user_id = e.organizer_id)
        and (exists (select 1 from event_follows ef where ef.user_id = ? and ef.event_id = e.id)
             or ((e.visibility <> 'unlisted' or e.organizer_id = ?)
                 and exists (select 1 from follows f where f.follower_id = ?
                        and ((f.target_kind = 'user' and f.target_id = e.organizer_id) or (f.target_kind = 'org' and f.target_id = e.organization_id)))))
        and (e.visibility <> 'private' or e.organizer_id = ?
             or exists (select 1 from org_members m where m.org_id = e.organization_id and m.user_id = ?)
             or exists (select 1 from event_invites i where i.event_id = e.id and i.user_id = ?))
      order by e.starts_at, e.id
      limit 1000`,
    [since, me, me, me, me, me, me],
  );
  return { filename: "convene.ics", contentType: CONTENT_TYPE, ics: calendar(rows, { host: ICS_HOST, now: deps.now(), name: "Convene" }) };
}

/** Adds an event the caller may see (not a draft) to their calendar feed. */
export async function followEvent(deps: Deps, principal: Principal, eventId: string, follow: boolean): Promise<void> {
  if (!follow) {
    await deps.db("event_follows").where({ user_id: principal.sub, event_id: eventId }).delete();
    return;
  }
  const row = await loadEvent(deps.db, eventId);
  if (!row || row.status === "draft" || !(await canSee(deps, deps.db, row, principal))) throw notFound("event");
  await deps.db("event_follows").insert({ user_id: principal.sub, event_id: eventId }).onConflict(["user_id", "event_id"]).ignore();
}
