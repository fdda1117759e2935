/** The events service's queries. */
import type { Knex } from "knex";
import type { Static } from "@sinclair/typebox";
import type { Venue } from "../../subjects/common.ts";

export type VenueValue = Static<typeof Venue>;

export type EventRow = {
  id: string;
  organizer_id: string;
  organization_id: string | null;
  title: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  venue: VenueValue | null;
  lat: number | null;
  lng: number | null;
  online_url: string | null;
  category: string | null;
  tags: string[];
  capacity: number | null;
  visibility: "public" | "unlisted" | "private";
  status: "draft" | "published" | "cancelled";
  sequence: number;
  views: number;
  hot: number;
  import_uid: string | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  deleted_at: Date | null;
  deleted_by: string | null;
};

export type AttachmentRow = {
  id: string;
  event_id: string;
  filename: string;
  content_type: string;
  size: number;
  width: number | null;
  height: number | null;
  sha256: string;
  created_by: string;
  created_at: Date;
};

/** Every column but the tsvector (never read back). */
export const EVENT_COLUMNS = [
  "id",
  "organizer_id",
  "organization_id",
  "title",
  "description",
  "starts_at",
  "ends_at",
  "time_zone",
  "venue",
  "lat",
  "lng",
  "online_url",
  "category",
  "tags",
  "capacity",
  "visibility",
  "status",
  "sequence",
  "views",
  "hot",
  "import_uid",
  "created_at",
  "updated_at",
  "published_at",
  "cancelled_at",
  "cancel_reason",
  "deleted_at",
  "deleted_by",
].map((c) => `e.${c}`);

export async function loadEvent(db: Knex, id: string, opts: { forUpdate?: boolean } = {}): Promise<EventRow | undefined> {
  const q = db("events as e").select(EVENT_COLUMNS).where("e.id", id).first();
  return (opts.forUpdate ? q.forUpdate() : q) as Promise<EventRow | undefined>;
}

export async function attachmentsOf(db: Knex, eventId: string): Promise<AttachmentRow[]> {
  return db("attachments").where({ event_id: eventId }).orderBy([{ column: "created_at" }, { column: "id" }]);
}

export async function invitesOf(db: Knex, eventId: string): Promise<string[]> {
  const rows: Array<{ user_id: string }> = await db("event_invites").where({ event_id: eventId }).orderBy("user_id").select("user_id");
  return rows.map((r) => r.user_id);
}

export async function setInvites(trx: Knex.Transaction, eventId: string, userIds: string[]): Promise<void> {
  await trx("event_invites").where({ event_id: eventId }).delete();
  if (userIds.length) await trx("event_invites").insert(userIds.map((user_id) => ({ event_id: eventId, user_id })));
}

export type Change = { field: string; old: unknown; new: unknown };

export async function record(
  trx: Knex.Transaction,
  entry: { eventId: string; actorId: string | null; action: string; changes?: Change[]; note?: string | null },
): Promise<void> {
  await trx("event_history").insert({
    event_id: entry.eventId,
    actor_id: entry.actorId,
    action: entry.action,
    changes: JSON.stringify(entry.changes ?? []),
    note: entry.note ?? null,
  });
}

/** Words of a title and tags, lowercased, for the typo-tolerance word list. */
export function wordsOf(text: string): string[] {
  return [...new Set((text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((w) => w.length <= 40))];
}

export async function rememberWords(trx: Knex.Transaction, title: string, tags: string[]): Promise<void> {
  const words = wordsOf(`${title} ${tags.join(" ")}`);
  if (words.length) await trx.raw("insert into search_words (word) select unnest(?::text[]) order by 1 on conflict do nothing", [words]);
}

/** The owner of a calendar feed token (by its SHA-256), if any. */
export async function calendarOwner(db: Knex, tokenHash: string): Promise<string | undefined> {
  const row: { user_id: string } | undefined = await db("calendar_tokens").where({ token_hash: tokenHash }).first("user_id");
  return row?.user_id;
}

/** Stores a user's feed token hash; a new one replaces the old (which stops working). */
export async function putCalendarToken(db: Knex, userId: string, tokenHash: string, at: Date): Promise<void> {
  await db("calendar_tokens").insert({ user_id: userId, token_hash: tokenHash, created_at: at }).onConflict("user_id").merge();
}

export async function deleteCalendarToken(db: Knex, userId: string): Promise<boolean> {
  return (await db("calendar_tokens").where({ user_id: userId }).delete()) > 0;
}

/**
 * The events of a user's feed, ending after `since`: published or cancelled (after publication),
 * not deleted, organizer active; followed directly, or by following their organizer or
 * organization (an unlisted event only directly, or as its organizer); and visible to the user.
 */
export async function feedEvents(db: Knex, userId: string, since: Date): Promise<EventRow[]> {
  const me = userId;
  const { rows } = await db.raw<{ rows: EventRow[] }>(
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
  return rows;
}

export async function addEventFollow(db: Knex, userId: string, eventId: string): Promise<void> {
  await db("event_follows").insert({ user_id: userId, event_id: eventId }).onConflict(["user_id", "event_id"]).ignore();
}

export async function removeEventFollow(db: Knex, userId: string, eventId: string): Promise<void> {
  await db("event_follows").where({ user_id: userId, event_id: eventId }).delete();
}

/**
 * Adds `times` views to a published event and the term `x` to its popularity in log space
 * (popularity.ts); its views after, or 0 when it is not published.
 */
export async function addViews(db: Knex, eventId: string, times: number, x: number): Promise<number> {
  const { rows } = await db.raw<{ rows: Array<{ views: number }> }>(
    `update events set views = views + ?, hot = greatest(hot, ?::float8) + ln(1 + exp(-abs(hot - ?::float8))) where id = ? and status = 'published' returning views`,
    [times, x, x, eventId],
  );
  return rows[0]?.views ?? 0;
}

export type Category = { slug: string; name: string; description: string };

export async function listCategories(db: Knex): Promise<Category[]> {
  return db("categories").select("slug", "name", "description").orderBy("name");
}

/** Creates or renames a category (the description changes only when given). */
export async function upsertCategory(db: Knex, c: { slug: string; name: string; description?: string }): Promise<Category> {
  const [row] = await db("categories")
    .insert({ slug: c.slug, name: c.name.trim(), description: c.description ?? "" })
    .onConflict("slug")
    .merge(c.description === undefined ? ["name"] : ["name", "description"])
    .returning(["slug", "name", "description"]);
  return row as Category;
}

/** Whether an event not deleted uses the category. */
export async function categoryInUse(db: Knex, slug: string): Promise<boolean> {
  return Boolean(await db("events").where({ category: slug }).whereNull("deleted_at").first("id"));
}

/** Detaches deleted events from the category (they keep it in their history) and deletes it; whether it existed. */
export async function deleteCategoryRow(trx: Knex.Transaction, slug: string): Promise<boolean> {
  await trx("events").where({ category: slug }).update({ category: null });
  return (await trx("categories").where({ slug }).delete()) > 0;
}

/** A new event row (its columns as the use case built them). */
export async function insertEvent(trx: Knex, row: Record<string, unknown>): Promise<void> {
  await trx("events").insert(row);
}

/** Writes columns of an event (status changes, edits, sequence bumps). */
export async function updateEventRow(trx: Knex, id: string, patch: Record<string, unknown>): Promise<void> {
  await trx("events").where({ id }).update(patch);
}

/** The event an organizer imported under this UID, deleted or not. */
export const importedEvent = (db: Knex, organizerId: string, importUid: string): Promise<{ id: string; deleted_at: Date | null; status: string } | undefined> =>
  db("events").where({ organizer_id: organizerId, import_uid: importUid }).first("id", "deleted_at", "status");

/**
 * Soft-deletes an event: its attachments, invites and follows go (their ids returned, to remove
 * the stored objects after commit), the row stays marked deleted for the history.
 */
export async function softDeleteEvent(
  trx: Knex,
  id: string,
  patch: { deleted_at: Date; deleted_by: string; updated_at: Date; sequence: number },
): Promise<string[]> {
  const attachments: Array<{ id: string }> = await trx("attachments").where({ event_id: id }).select("id");
  await trx("attachments").where({ event_id: id }).delete();
  await trx("event_invites").where({ event_id: id }).delete();
  await trx("event_follows").where({ event_id: id }).delete();
  await trx("events").where({ id }).update(patch);
  return attachments.map((a) => a.id);
}

export const attachmentOf = (db: Knex, eventId: string, attachmentId: string): Promise<AttachmentRow | undefined> =>
  db("attachments").where({ id: attachmentId, event_id: eventId }).first();

export async function attachmentCount(db: Knex, eventId: string): Promise<number> {
  const count = await db("attachments").where({ event_id: eventId }).count<{ n: number }[]>({ n: "*" });
  return Number(count[0]?.n ?? 0);
}

export async function insertAttachment(trx: Knex, row: Omit<AttachmentRow, "created_at"> & { created_at: Date }): Promise<AttachmentRow> {
  const [inserted]: AttachmentRow[] = await trx("attachments").insert(row).returning("*");
  return inserted;
}

export async function deleteAttachment(trx: Knex, id: string): Promise<void> {
  await trx("attachments").where({ id }).delete();
}

export type HistoryRow = { id: number | string; at: Date; actor_id: string | null; action: string; changes: unknown; note: string | null };

/** An event's history, newest first, before the entry `before` (limit + 1 rows). */
export function historyPage(db: Knex, eventId: string, before: string | undefined, limit: number): Promise<HistoryRow[]> {
  const q = db("event_history").where({ event_id: eventId }).orderBy("id", "desc").limit(limit + 1);
  if (before) q.where("id", "<", before);
  return q;
}

// ---- projections of identity facts (follows, organization members, deactivated users) ----

export async function projectFollow(trx: Knex, f: { followerId: string; target: { kind: string; id: string } }): Promise<void> {
  await trx("follows").insert({ follower_id: f.followerId, target_kind: f.target.kind, target_id: f.target.id }).onConflict([
    "follower_id",
    "target_kind",
    "target_id",
  ]).ignore();
}

export async function projectUnfollow(trx: Knex, f: { followerId: string; target: { kind: string; id: string } }): Promise<void> {
  await trx("follows").where({ follower_id: f.followerId, target_kind: f.target.kind, target_id: f.target.id }).delete();
}

export async function projectMemberAdded(trx: Knex, m: { orgId: string; userId: string; role: string }): Promise<void> {
  await trx("org_members").insert({ org_id: m.orgId, user_id: m.userId, role: m.role }).onConflict(["org_id", "user_id"]).merge(["role"]);
}

export async function projectMemberRemoved(trx: Knex, m: { orgId: string; userId: string }): Promise<void> {
  await trx("org_members").where({ org_id: m.orgId, user_id: m.userId }).delete();
}

export async function projectActive(trx: Knex, userId: string, active: boolean): Promise<void> {
  if (active) await trx("inactive_users").where({ user_id: userId }).delete();
  else await trx("inactive_users").insert({ user_id: userId }).onConflict("user_id").ignore();
}

/** The projections access reads (access.ts): a deactivated organizer, organization members, invitees. */
export const isInactive = async (db: Knex, userId: string): Promise<boolean> => Boolean(await db("inactive_users").where({ user_id: userId }).first());
export const isOrgMember = async (db: Knex, orgId: string, userId: string): Promise<boolean> =>
  Boolean(await db("org_members").where({ org_id: orgId, user_id: userId }).first());
export const isInvited = async (db: Knex, eventId: string, userId: string): Promise<boolean> =>
  Boolean(await db("event_invites").where({ event_id: eventId, user_id: userId }).first());
