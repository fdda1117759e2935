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
  "id", "organizer_id", "organization_id", "title", "description", "starts_at", "ends_at", "time_zone", "venue", "lat", "lng", "online_url", "category", "tags",
  "capacity", "visibility", "status", "sequence", "views", "hot", "import_uid", "created_at", "updated_at", "published_at", "cancelled_at", "cancel_reason", "deleted_at", "deleted_by",
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
  await trx("event_history").insert({ event_id: entry.eventId, actor_id: entry.actorId, action: entry.action, changes: JSON.stringify(entry.changes ?? []), note: entry.note ?? null });
}

/** Words of a title and tags, lowercased, for the typo-tolerance word list. */
export function wordsOf(text: string): string[] {
  return [...new Set((text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((w) => w.length <= 40))];
}

export async function rememberWords(trx: Knex.Transaction, title: string, tags: string[]): Promise<void> {
  const words = wordsOf(`${title} ${tags.join(" ")}`);
  if (words.length) await trx.raw("insert into search_words (word) select unnest(?::text[]) order by 1 on conflict do nothing", [words]);
}
