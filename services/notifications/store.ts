/**
 * The notifications service's queries. Batch writes are one statement each over unnest()ed
 * arrays with ON CONFLICT DO NOTHING: a redelivered batch writes nothing twice.
 */
import type { Knex } from "knex";
import type { Db } from "../kit/db.ts";
import type { InboxItem, MessageAudience, NotificationKind, Preferences } from "../../subjects/notifications.ts";
import { isoOf } from "../kit/cursor.ts";
import { defaultPreferences } from "./preferences.ts";

type Q = Db | Knex.Transaction;
/** knex types bindings narrowly; Postgres arrays with nulls are fine at runtime. */
const b = (values: unknown[]) => values as Knex.RawBinding[];
type Target = { kind: "user" | "org"; id: string };

// ---- projections ----------------------------------------------------------------------------

export async function upsertContact(
  q: Q,
  c: { userId: string; email: string; displayName: string; locale: string; timeZone: string },
  at: string,
): Promise<void> {
  // Older news never overwrites newer (events of one user may be handled out of order).
  await q.raw(
    `insert into users (user_id, email, display_name, locale, time_zone, updated_at) values (?, ?, ?, ?, ?, ?)
     on conflict (user_id) do update set email = excluded.email, display_name = excluded.display_name, locale = excluded.locale,
       time_zone = excluded.time_zone, updated_at = excluded.updated_at
     where users.updated_at <= excluded.updated_at`,
    [c.userId, c.email, c.displayName, c.locale, c.timeZone, at],
  );
}

export async function setActive(q: Q, userId: string, active: boolean): Promise<void> {
  await q.raw(`insert into users (user_id, active) values (?, ?) on conflict (user_id) do update set active = excluded.active`, [userId, active]);
}

export async function follow(q: Q, followerId: string, target: Target): Promise<void> {
  await q.raw(`insert into follows (target_kind, target_id, follower_id) values (?, ?, ?) on conflict do nothing`, [target.kind, target.id, followerId]);
}

export async function unfollow(q: Q, followerId: string, target: Target): Promise<void> {
  await q("follows").where({ target_kind: target.kind, target_id: target.id, follower_id: followerId }).delete();
}

export type Contact = { userId: string; displayName: string; locale: string; timeZone: string };

const CONTACT = ["user_id", "display_name", "locale", "time_zone"] as const;
const toContact = (row: { user_id: string; display_name: string | null; locale: string; time_zone: string } | undefined): Contact | undefined =>
  row ? { userId: row.user_id, displayName: row.display_name ?? "", locale: row.locale, timeZone: row.time_zone } : undefined;

export async function contactOf(q: Q, userId: string): Promise<Contact | undefined> {
  return toContact(await q("users").where({ user_id: userId }).first(...CONTACT));
}

/** The active user with this email address, if we know one. */
export async function contactByEmail(q: Q, email: string): Promise<Contact | undefined> {
  return toContact(await q("users").whereRaw("lower(email) = lower(?)", [email]).andWhere({ active: true }).orderBy("updated_at", "desc").first(...CONTACT));
}

export async function displayNameOf(q: Q, userId: string): Promise<string | undefined> {
  const row = await q("users").where({ user_id: userId }).first("display_name");
  return row?.display_name ?? undefined;
}

// ---- fan-out plan ---------------------------------------------------------------------------

function targetClause(targets: Target[]): { sql: string; bindings: string[] } {
  return { sql: targets.map(() => "(target_kind = ? and target_id = ?)").join(" or "), bindings: targets.flatMap((t) => [t.kind, t.id]) };
}

/** Upper bounds of follower-id ranges of `size` followers each, in order. */
export async function batchBounds(q: Q, targets: Target[], excludeUserId: string | null, size: number): Promise<string[]> {
  const t = targetClause(targets);
  const { rows } = await q.raw(
    `with f as (select distinct follower_id from follows where (${t.sql}) and follower_id <> coalesce(?::uuid, '00000000-0000-0000-0000-000000000000')),
          n as (select follower_id, row_number() over (order by follower_id) rn, count(*) over () total from f)
     select follower_id from n where rn % ? = 0 or rn = total order by follower_id`,
    b([...t.bindings, excludeUserId, size]),
  );
  return (rows as Array<{ follower_id: string }>).map((r) => r.follower_id);
}

/**
 * Records that followers are told of `sequence` of the event; false when they were already told
 * of this one or a newer one (the fact is stale).
 */
export async function advanceEventVersion(q: Q, eventId: string, sequence: number): Promise<boolean> {
  const { rows } = await q.raw(
    `insert into event_versions (event_id, sequence) values (?, ?)
     on conflict (event_id) do update set sequence = excluded.sequence, updated_at = now() where event_versions.sequence < excluded.sequence
     returning event_id`,
    [eventId, sequence],
  );
  return rows.length === 1;
}

/** `sealed`: the link's single-use token, sealed (links.ts), kept until its email is sent or `until`. */
export async function saveMessage(
  q: Q,
  m: { sourceId: string; kind: NotificationKind; params: Record<string, string>; link: string; batches: number; sealed?: { token: string; until: Date } },
): Promise<void> {
  await q.raw(`insert into messages (source_id, kind, params, link, batches, sealed_token, sealed_until) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing`, [
    m.sourceId,
    m.kind,
    JSON.stringify(m.params),
    m.link,
    m.batches,
    m.sealed?.token ?? null,
    m.sealed?.until.toISOString() ?? null,
  ]);
}

/** Drops the sealed tokens of these messages once none of their deliveries can still be sent. */
export async function forgetSealed(q: Q, sourceIds: string[]): Promise<void> {
  if (!sourceIds.length) return;
  await q.raw(
    `update messages m set sealed_token = null, sealed_until = null
     where m.source_id = any(?::uuid[]) and m.sealed_token is not null
       and not exists (select 1 from deliveries d where d.source_id = m.source_id and d.status in ('pending', 'held'))`,
    b([sourceIds]),
  );
}

/** Drops sealed tokens past their expiry (they no longer open; a crash may have left one behind). */
export async function dropExpiredSeals(q: Q): Promise<number> {
  return q("messages").whereNotNull("sealed_token").andWhere("sealed_until", "<=", q.fn.now()).update({ sealed_token: null, sealed_until: null });
}

export async function messageOf(q: Q, sourceId: string): Promise<{ kind: NotificationKind; params: Record<string, string>; link: string }> {
  const row = await q("messages").where({ source_id: sourceId }).first("kind", "params", "link");
  if (!row) throw new Error(`no message ${sourceId}`);
  return { kind: row.kind, params: row.params, link: row.link };
}

/** A message by its source id, if one was written (a repeated request finds its own). */
export async function findMessage(q: Q, sourceId: string): Promise<{ kind: NotificationKind; params: Record<string, string>; link: string } | undefined> {
  const row = await q("messages").where({ source_id: sourceId }).first("kind", "params", "link");
  return row ? { kind: row.kind, params: row.params, link: row.link } : undefined;
}

export type PlanAudience = "followers" | "attendees" | "recipients";

/** Stores id ranges as batches numbered from `firstBatch` (followers first, then attendees). */
export async function savePlan(q: Q, sourceId: string, bounds: string[], audience: PlanAudience = "followers", firstBatch = 0): Promise<void> {
  if (!bounds.length) return;
  const after = [null, ...bounds.slice(0, -1)];
  await q.raw(
    `insert into fanout_batches (source_id, batch_no, after_id, up_to_id, audience)
     select ?, ? + n - 1, a, u, ? from unnest(?::uuid[], ?::uuid[]) with ordinality as x(a, u, n) on conflict do nothing`,
    b([sourceId, firstBatch, audience, after, bounds]),
  );
}

export async function planOf(q: Q, sourceId: string): Promise<Array<{ batchNo: number; after: string | null; upTo: string; audience: PlanAudience }>> {
  const rows = await q("fanout_batches").where({ source_id: sourceId }).orderBy("batch_no").select("batch_no", "after_id", "up_to_id", "audience");
  return rows.map((r: { batch_no: number; after_id: string | null; up_to_id: string; audience: PlanAudience }) => ({
    batchNo: r.batch_no,
    after: r.after_id,
    upTo: r.up_to_id,
    audience: r.audience,
  }));
}

// ---- a batch's recipients and its writes ----------------------------------------------------

/** `phone`: the verified, unsuppressed number SMS go to (read where SMS can be sent). */
export type Recipient = {
  userId: string;
  email: string | null;
  displayName: string | null;
  locale: string;
  timeZone: string;
  settings: Preferences | null;
  devices: number;
  phone?: string | null;
};

/** Channels with a delivery row (in-app has its inbox row instead). */
export type DeliveryChannel = "email" | "push" | "sms";

/**
 * Active followers of the targets with after < id <= upTo, each once, with what delivery needs;
 * with `eventId`, without the event's attendees (they are told in the attendees' batches).
 */
export async function followerSlice(
  q: Q,
  targets: Target[],
  excludeUserId: string | null,
  after: string | null,
  upTo: string,
  eventId?: string,
): Promise<Recipient[]> {
  const t = targetClause(targets);
  const notAttending = eventId
    ? `and not exists (select 1 from attendances a where a.event_id = ?::uuid and a.user_id = f.follower_id and (${ATTENDEE_SQL}))`
    : "";
  const { rows } = await q.raw(
    `select f.follower_id as user_id, u.email, u.display_name, coalesce(u.locale, 'en') as locale, coalesce(u.time_zone, 'UTC') as time_zone, p.settings,
            (select count(*) from devices d where d.user_id = f.follower_id) as devices
     from (select distinct follower_id from follows
           where (${t.sql}) and follower_id > coalesce(?::uuid, '00000000-0000-0000-0000-000000000000') and follower_id <= ?::uuid
             and follower_id <> coalesce(?::uuid, '00000000-0000-0000-0000-000000000000')) f
     left join users u on u.user_id = f.follower_id
     left join preferences p on p.user_id = f.follower_id
     where coalesce(u.active, true) ${notAttending}`,
    b([...t.bindings, after, upTo, excludeUserId, ...(eventId ? [eventId] : [])]),
  );
  return (rows as Array<Record<string, unknown>>).map((r) => ({
    userId: r.user_id as string,
    email: (r.email as string | null) ?? null,
    displayName: (r.display_name as string | null) ?? null,
    locale: r.locale as string,
    timeZone: r.time_zone as string,
    settings: (r.settings as Preferences | null) ?? null,
    devices: Number(r.devices),
  }));
}

/** Inbox rows for these users; returns only the rows this call created. */
export async function insertInbox(
  q: Q,
  sourceId: string,
  kind: NotificationKind,
  userIds: string[],
): Promise<Array<{ id: string; userId: string; createdAt: Date }>> {
  if (!userIds.length) return [];
  const { rows } = await q.raw(
    `insert into inbox (user_id, source_id, kind) select u, ?, ? from unnest(?::uuid[]) as u
     on conflict (user_id, source_id) do nothing returning id, user_id, created_at`,
    b([sourceId, kind, userIds]),
  );
  return (rows as Array<{ id: string | number; user_id: string; created_at: Date }>).map((r) => ({
    id: String(r.id),
    userId: r.user_id,
    createdAt: r.created_at,
  }));
}

/** `held`: a follower email waiting for the user's digest (sent inside it, never alone). */
export type NewDelivery = { userId: string; channel: DeliveryChannel; address: string | null; notBefore: Date; status?: "pending" | "held" };

export async function insertDeliveries(q: Q, sourceId: string, ds: NewDelivery[]): Promise<void> {
  if (!ds.length) return;
  await q.raw(
    `insert into deliveries (source_id, user_id, channel, address, not_before, status)
     select ?, u, c, a, n, s from unnest(?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::text[]) as x(u, c, a, n, s)
     on conflict do nothing`,
    b([
      sourceId,
      ds.map((d) => d.userId),
      ds.map((d) => d.channel),
      ds.map((d) => d.address),
      ds.map((d) => d.notBefore.toISOString()),
      ds.map((d) => d.status ?? "pending"),
    ]),
  );
}

// ---- sending --------------------------------------------------------------------------------

export type Claimed = {
  sourceId: string;
  userId: string;
  channel: DeliveryChannel;
  address: string | null;
  attempts: number;
  retryTokens: string[] | null;
  kind: NotificationKind;
  params: Record<string, string>;
  link: string;
  /** The link's single-use token, sealed (links.ts); null when the link needs none, or it is gone. */
  sealedToken: string | null;
  displayName: string | null;
  locale: string;
  timeZone: string;
  /** The lease this claim took (as Postgres wrote it): renewLeases extends it only while it is unchanged. */
  leaseUntil: string;
};

/**
 * Leases due, pending deliveries (all of them, or those of one batch) for `leaseMs`: no other
 * replica sends them meanwhile; if this one dies, they are due again when the lease ends.
 * A recipient without an account (an invitee) has their language in the message's params.
 */
export async function claimDue(
  q: Q,
  opts: { leaseMs: number; limit: number; channel: DeliveryChannel; sourceId?: string; userIds?: string[] },
): Promise<Claimed[]> {
  const batch = opts.sourceId ? `and source_id = ? and user_id = any(?::uuid[])` : "";
  const { rows } = await q.raw(
    `with c as (
       select source_id, user_id, channel from deliveries
       where status = 'pending' and channel = ? and not_before <= now() and (lease_until is null or lease_until < now()) ${batch}
       order by not_before limit ? for update skip locked
     ), claimed as (
       update deliveries d set lease_until = now() + ? * interval '1 millisecond'
       from c where d.source_id = c.source_id and d.user_id = c.user_id and d.channel = c.channel
       returning d.source_id, d.user_id, d.channel, d.address, d.attempts, d.retry_tokens, d.lease_until::text as lease_until
     )
     select claimed.*, m.kind, m.params, m.link, m.sealed_token, u.display_name,
       coalesce(u.locale, m.params->>'recipientLocale', 'en') as locale, coalesce(u.time_zone, m.params->>'recipientTimeZone', 'UTC') as time_zone
     from claimed join messages m on m.source_id = claimed.source_id left join users u on u.user_id = claimed.user_id`,
    b([opts.channel, ...(opts.sourceId ? [opts.sourceId, opts.userIds ?? []] : []), opts.limit, opts.leaseMs]),
  );
  return (rows as Array<Record<string, unknown>>).map((r) => ({
    sourceId: r.source_id as string,
    userId: r.user_id as string,
    channel: r.channel as DeliveryChannel,
    address: (r.address as string | null) ?? null,
    attempts: Number(r.attempts),
    retryTokens: (r.retry_tokens as string[] | null) ?? null,
    kind: r.kind as NotificationKind,
    params: r.params as Record<string, string>,
    link: r.link as string,
    sealedToken: (r.sealed_token as string | null) ?? null,
    displayName: (r.display_name as string | null) ?? null,
    locale: r.locale as string,
    timeZone: r.time_zone as string,
    leaseUntil: r.lease_until as string,
  }));
}

/**
 * Extends the leases of claimed rows still in hand by `leaseMs`, each only while it is the lease
 * this replica took (its lease_until unchanged): a lease that ran out and was taken by another
 * replica stays theirs. Answers the rows renewed, by deliveryKey, with their new lease_until.
 */
export async function renewLeases(q: Q, held: Claimed[], leaseMs: number): Promise<Map<string, string>> {
  if (!held.length) return new Map();
  const { rows } = await q.raw(
    `update deliveries d set lease_until = now() + ? * interval '1 millisecond'
     from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[]) as v(s, u, c, l)
     where d.source_id = v.s and d.user_id = v.u and d.channel = v.c and d.status = 'pending' and d.lease_until = v.l::timestamptz
     returning d.source_id, d.user_id, d.channel, d.lease_until::text as lease_until`,
    b([leaseMs, held.map((h) => h.sourceId), held.map((h) => h.userId), held.map((h) => h.channel), held.map((h) => h.leaseUntil)]),
  );
  return new Map(
    (rows as Array<{ source_id: string; user_id: string; channel: DeliveryChannel; lease_until: string }>).map((r) => [
      deliveryKey({ sourceId: r.source_id, userId: r.user_id, channel: r.channel }),
      r.lease_until,
    ]),
  );
}

export const deliveryKey = (d: { sourceId: string; userId: string; channel: DeliveryChannel }) => `${d.sourceId}/${d.userId}/${d.channel}`;

export async function tokensOf(q: Q, userIds: string[]): Promise<Map<string, string[]>> {
  const rows: Array<{ token: string; user_id: string }> = await q("devices").whereIn("user_id", userIds).select("token", "user_id");
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.token]);
  return out;
}

export async function suppressedAmong(q: Q, emails: string[]): Promise<Set<string>> {
  if (!emails.length) return new Set();
  const rows: Array<{ email: string }> = await q("suppressions").whereIn("email", emails.map((e) => e.toLowerCase())).select("email");
  return new Set(rows.map((r) => r.email));
}

export async function suppress(q: Q, email: string, reason: string): Promise<void> {
  await q.raw(`insert into suppressions (email, reason) values (?, ?) on conflict do nothing`, [email.toLowerCase(), reason.slice(0, 300)]);
}

export async function dropToken(q: Q, token: string): Promise<void> {
  await q("devices").where({ token }).delete();
}

export type Mark = {
  sourceId: string;
  userId: string;
  channel: DeliveryChannel;
  status: "sent" | "failed" | "suppressed" | "pending";
  /** Attempts to add. */
  attempt: number;
  /** For a retry: when. */
  notBefore?: Date;
  error?: string;
  retryTokens?: string[] | null;
  /** The message holds a sealed link token, to drop once this outcome is final (forgetSealed). */
  sealed?: boolean;
};

/** Records the outcome of many sends in one statement; the lease is released. */
export async function markMany(q: Q, marks: Mark[]): Promise<void> {
  if (!marks.length) return;
  await q.raw(
    `update deliveries d set status = v.status, attempts = d.attempts + v.attempt, not_before = coalesce(v.not_before, d.not_before),
       lease_until = null, last_error = v.error, sent_at = case when v.status = 'sent' then now() else d.sent_at end,
       retry_tokens = case when v.tokens is null then null else array(select jsonb_array_elements_text(v.tokens::jsonb)) end
     from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::int[], ?::timestamptz[], ?::text[], ?::text[]) as v(s, u, c, status, attempt, not_before, error, tokens)
     where d.source_id = v.s and d.user_id = v.u and d.channel = v.c`,
    b([
      marks.map((m) => m.sourceId),
      marks.map((m) => m.userId),
      marks.map((m) => m.channel),
      marks.map((m) => m.status),
      marks.map((m) => m.attempt),
      marks.map((m) => m.notBefore?.toISOString() ?? null),
      marks.map((m) => m.error ?? null),
      marks.map((m) => (m.retryTokens ? JSON.stringify(m.retryTokens) : null)),
    ]),
  );
}

// ---- digests --------------------------------------------------------------------------------

/**
 * A digest is compiled this long after its time: an item whose digest time was computed just
 * before it, in a batch that committed just after it, still joins that digest instead of
 * making a second one a second later.
 */
export const DIGEST_GRACE_S = 30;

/** When the user's earliest held email is due for its digest (undefined: none is held). */
export async function earliestHeld(q: Q, userId: string): Promise<Date | undefined> {
  const row = await q("deliveries").where({ user_id: userId, channel: "email", status: "held" }).min<{ at: Date | string | null }>("not_before as at").first();
  return row?.at ? new Date(row.at) : undefined;
}

/** Moves every held email of the user to a new digest time; how many. */
export async function reholdAt(q: Q, userId: string, notBefore: Date): Promise<number> {
  return q("deliveries").where({ user_id: userId, channel: "email", status: "held" }).update({ not_before: notBefore });
}

export type Held = { sourceId: string; address: string | null; kind: NotificationKind; params: Record<string, string>; link: string };

/** The user's held emails due at `now` (their digest time and its grace passed), oldest first, locked until the transaction ends. */
export async function dueHeldOf(q: Q, userId: string, now: Date): Promise<Held[]> {
  const { rows } = await q.raw(
    `select d.source_id, d.address, m.kind, m.params, m.link from deliveries d join messages m on m.source_id = d.source_id
     where d.user_id = ? and d.channel = 'email' and d.status = 'held' and d.not_before <= ?
     order by m.created_at, d.source_id for update of d`,
    [userId, new Date(now.getTime() - DIGEST_GRACE_S * 1000)],
  );
  return (rows as Array<Record<string, unknown>>).map((r) => ({
    sourceId: r.source_id as string,
    address: (r.address as string | null) ?? null,
    kind: r.kind as NotificationKind,
    params: r.params as Record<string, string>,
    link: r.link as string,
  }));
}

export async function markDigested(q: Q, userId: string, sourceIds: string[], digestId: string): Promise<void> {
  await q.raw(
    `update deliveries set status = 'digested', digest_id = ? where user_id = ? and channel = 'email' and source_id = any(?::uuid[])`,
    b([digestId, userId, sourceIds]),
  );
}

// ---- the inbox ------------------------------------------------------------------------------

export type InboxRow = {
  id: string;
  source_id: string;
  kind: NotificationKind;
  created_at: Date;
  read_at: Date | null;
  archived_at: Date | null;
  params: Record<string, string>;
  link: string;
};

export async function listInbox(q: Q, userId: string, opts: { before?: string; limit: number; unreadOnly: boolean; archived: boolean }): Promise<InboxRow[]> {
  const query = q("inbox as i")
    .join("messages as m", "m.source_id", "i.source_id")
    .where("i.user_id", userId)
    .orderBy("i.id", "desc")
    .limit(opts.limit)
    .select("i.id", "i.source_id", "i.kind", "i.created_at", "i.read_at", "i.archived_at", "m.params", "m.link");
  if (opts.before) query.where("i.id", "<", opts.before);
  if (opts.archived) query.whereNotNull("i.archived_at");
  else query.whereNull("i.archived_at");
  if (opts.unreadOnly) query.whereNull("i.read_at");
  const rows = (await query) as Array<InboxRow & { id: string | number }>;
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

export async function unreadCount(q: Q, userId: string): Promise<number> {
  const row = await q("inbox").where({ user_id: userId }).whereNull("read_at").whereNull("archived_at").count({ n: "*" }).first();
  return Number(row?.n ?? 0);
}

/** Updates one item of this user; false when the user has no such item. */
export async function updateItem(q: Q, userId: string, id: string, change: "read" | "unread" | "archive"): Promise<boolean> {
  const set = change === "read"
    ? { read_at: q.raw("coalesce(read_at, now())") }
    : change === "unread"
    ? { read_at: null }
    : { archived_at: q.raw("coalesce(archived_at, now())"), read_at: q.raw("coalesce(read_at, now())") };
  const n = await q("inbox").where({ user_id: userId, id }).update(set);
  return n > 0;
}

export async function markAllRead(q: Q, userId: string): Promise<number> {
  return q("inbox").where({ user_id: userId }).whereNull("read_at").update({ read_at: q.fn.now() });
}

export type { InboxItem };

// ---- devices and preferences ----------------------------------------------------------------

export async function registerDevice(q: Q, userId: string, token: string, platform: string): Promise<void> {
  await q.raw(
    `insert into devices (token, user_id, platform) values (?, ?, ?) on conflict (token) do update set user_id = excluded.user_id, platform = excluded.platform`,
    [token, userId, platform],
  );
}

export async function removeDevice(q: Q, userId: string, token: string): Promise<boolean> {
  return (await q("devices").where({ token, user_id: userId }).delete()) > 0;
}

export async function preferencesOf(q: Q, userId: string): Promise<Preferences> {
  const row = await q("preferences").where({ user_id: userId }).first("settings");
  return (row?.settings as Preferences | undefined) ?? defaultPreferences();
}

/** Inside a transaction: one change of a user's preferences at a time (a read, then a write). */
export async function lockPreferences(trx: Knex.Transaction, userId: string): Promise<void> {
  await trx.raw("select pg_advisory_xact_lock(hashtext(?))", [userId]);
}

export async function savePreferences(q: Q, userId: string, p: Preferences): Promise<void> {
  await q.raw(
    `insert into preferences (user_id, settings) values (?, ?) on conflict (user_id) do update set settings = excluded.settings, updated_at = now()`,
    [userId, JSON.stringify(p)],
  );
}

// ---- events people attend -------------------------------------------------------------------

export type EventRow = {
  eventId: string;
  organizerId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: { name: string; address: string; lat?: number; lng?: number } | null;
  onlineUrl: string | null;
  status: string;
  visibility: string;
  sequence: number;
  /** Reminder offsets its organizer chose (seconds), or null for the default. */
  reminderOffsetsS?: number[] | null;
};

/** Records the facts of an event unless newer ones are known; true when they were applied. */
export async function upsertEvent(q: Q, f: EventRow): Promise<boolean> {
  const { rows } = await q.raw(
    `insert into events (event_id, organizer_id, title, starts_at, ends_at, time_zone, venue, online_url, status, visibility, sequence)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (event_id) do update set organizer_id = excluded.organizer_id, title = excluded.title, starts_at = excluded.starts_at,
       ends_at = excluded.ends_at, time_zone = excluded.time_zone, venue = excluded.venue, online_url = excluded.online_url,
       status = excluded.status, visibility = excluded.visibility, sequence = excluded.sequence, updated_at = now()
     where events.sequence < excluded.sequence or (events.sequence = excluded.sequence and events.status <> excluded.status)
     returning event_id`,
    b([
      f.eventId,
      f.organizerId,
      f.title,
      f.startsAt,
      f.endsAt,
      f.timeZone,
      f.venue ? JSON.stringify(f.venue) : null,
      f.onlineUrl,
      f.status,
      f.visibility,
      f.sequence,
    ]),
  );
  return rows.length === 1;
}

export async function eventOf(q: Q, eventId: string): Promise<EventRow | undefined> {
  const r = await q("events").where({ event_id: eventId }).first();
  return r ? toEventRow(r) : undefined;
}

/** Many events' facts at once, by event id. */
export async function eventsOf(q: Q, eventIds: string[]): Promise<Map<string, EventRow>> {
  const rows: Array<Record<string, unknown>> = eventIds.length ? await q("events").whereIn("event_id", [...new Set(eventIds)]) : [];
  return new Map(rows.map((r) => [r.event_id as string, toEventRow(r)]));
}

// deno-lint-ignore no-explicit-any
function toEventRow(r: any): EventRow {
  return {
    eventId: r.event_id,
    organizerId: r.organizer_id,
    title: r.title,
    startsAt: new Date(r.starts_at).toISOString(),
    endsAt: new Date(r.ends_at).toISOString(),
    timeZone: r.time_zone,
    venue: r.venue ?? null,
    onlineUrl: r.online_url ?? null,
    status: r.status,
    visibility: r.visibility,
    sequence: r.sequence,
    reminderOffsetsS: r.reminder_offsets ?? null,
  };
}

/** Sets (null: resets) an event's own reminder offsets; false when the event is unknown. */
export async function setReminderOffsets(q: Q, eventId: string, offsetsS: number[] | null): Promise<boolean> {
  const n = await q("events").where({ event_id: eventId }).update({ reminder_offsets: offsetsS === null ? null : q.raw("?::integer[]", [offsetsS]) });
  return n > 0;
}

/** Order statuses in which its booker attends. */
export const ATTENDING = ["confirmed", "partially_refunded"] as const;

export type Attendance = { orderId: string; eventId: string; userId: string; status: string; reason: string | null; seats: number };

/** Records an order's status unless a newer fact of the order is known; true when applied. */
export async function upsertAttendance(q: Q, a: Attendance & { occurredAt: string }): Promise<boolean> {
  const { rows } = await q.raw(
    `insert into attendances (order_id, event_id, user_id, status, reason, seats, occurred_at) values (?, ?, ?, ?, ?, ?, ?)
     on conflict (order_id) do update set status = excluded.status, reason = excluded.reason, seats = excluded.seats, occurred_at = excluded.occurred_at
     where attendances.occurred_at <= excluded.occurred_at
     returning order_id`,
    [a.orderId, a.eventId, a.userId, a.status, a.reason, a.seats, a.occurredAt],
  );
  return rows.length === 1;
}

const toAttendance = (r: Record<string, unknown>): Attendance => ({
  orderId: r.order_id as string,
  eventId: r.event_id as string,
  userId: r.user_id as string,
  status: r.status as Attendance["status"],
  reason: (r.reason as string | null) ?? null,
  seats: r.seats as number,
});

export async function attendanceOf(q: Q, orderId: string): Promise<Attendance | undefined> {
  const r = await q("attendances").where({ order_id: orderId }).first();
  return r ? toAttendance(r) : undefined;
}

/** Attendances of many orders at once, by order id. */
export async function attendancesOf(q: Q, orderIds: string[]): Promise<Map<string, Attendance>> {
  const rows: Array<Record<string, unknown>> = orderIds.length ? await q("attendances").whereIn("order_id", orderIds) : [];
  return new Map(rows.map((r) => [r.order_id as string, toAttendance(r)]));
}

/** The attending orders of an event. */
export async function attendingOrders(q: Q, eventId: string): Promise<Array<{ orderId: string; userId: string }>> {
  const rows: Array<{ order_id: string; user_id: string }> = await q("attendances").where({ event_id: eventId }).whereIn("status", ATTENDING).select(
    "order_id",
    "user_id",
  );
  return rows.map((r) => ({ orderId: r.order_id, userId: r.user_id }));
}

/**
 * Who is told of a change of the event as an attendee: bookers of attending orders, and of
 * orders the event's own cancellation cancelled (bookings may cancel them before we plan).
 */
const ATTENDEE_SQL = `status in ('confirmed', 'partially_refunded') or (status = 'cancelled' and reason = 'event_cancelled')`;

/** Whether the user attends the event (or did until the event was cancelled). */
export async function isAttendee(q: Q, eventId: string, userId: string): Promise<boolean> {
  const { rows } = await q.raw(`select 1 from attendances where event_id = ? and user_id = ? and (${ATTENDEE_SQL}) limit 1`, [eventId, userId]);
  return rows.length > 0;
}

/** Whether the user has an order for the event that attends (confirmed or partially refunded). */
export async function hasAttendingOrder(q: Q, eventId: string, userId: string): Promise<boolean> {
  return Boolean(await q("attendances").where({ event_id: eventId, user_id: userId }).whereIn("status", ATTENDING).first("order_id"));
}

/** Upper bounds of attendee-id ranges of `size` attendees each, in order. */
export async function attendeeBounds(q: Q, eventId: string, size: number): Promise<string[]> {
  const { rows } = await q.raw(
    `with f as (select distinct user_id from attendances where event_id = ? and (${ATTENDEE_SQL})),
          n as (select user_id, row_number() over (order by user_id) rn, count(*) over () total from f)
     select user_id from n where rn % ? = 0 or rn = total order by user_id`,
    [eventId, size],
  );
  return (rows as Array<{ user_id: string }>).map((r) => r.user_id);
}

const RECIPIENT = `u.user_id, u.email, u.display_name, coalesce(u.locale, 'en') as locale, coalesce(u.time_zone, 'UTC') as time_zone, p.settings,
  (select count(*) from devices d where d.user_id = u.user_id) as devices,
  (select ph.number from phones ph where ph.user_id = u.user_id and ph.verified_at is not null and ph.suppressed_at is null) as phone`;

const toRecipient = (r: Record<string, unknown>): Recipient => ({
  userId: r.user_id as string,
  email: (r.email as string | null) ?? null,
  displayName: (r.display_name as string | null) ?? null,
  locale: r.locale as string,
  timeZone: r.time_zone as string,
  settings: (r.settings as Preferences | null) ?? null,
  devices: Number(r.devices),
  phone: (r.phone as string | null) ?? null,
});

/** Active attendees of the event with after < id <= upTo, each once. */
export async function attendeeSlice(q: Q, eventId: string, after: string | null, upTo: string): Promise<Recipient[]> {
  const { rows } = await q.raw(
    `select ${RECIPIENT}
     from (select distinct user_id from attendances where event_id = ? and (${ATTENDEE_SQL})
           and user_id > coalesce(?::uuid, '00000000-0000-0000-0000-000000000000') and user_id <= ?::uuid) a
     join users u on u.user_id = a.user_id
     left join preferences p on p.user_id = a.user_id
     where u.active`,
    b([eventId, after, upTo]),
  );
  return (rows as Array<Record<string, unknown>>).map(toRecipient);
}

/** Active users with what delivery needs (unknown or deactivated users are left out). */
export async function recipientsOf(q: Q, userIds: string[]): Promise<Recipient[]> {
  if (!userIds.length) return [];
  const { rows } = await q.raw(
    `select ${RECIPIENT} from users u left join preferences p on p.user_id = u.user_id where u.user_id = any(?::uuid[]) and u.active order by u.user_id`,
    b([userIds]),
  );
  return (rows as Array<Record<string, unknown>>).map(toRecipient);
}

// ---- messages of an event's organizers to its attendees --------------------------------------

export type OrganizerMessageRow = {
  id: string;
  eventId: string;
  senderId: string;
  audience: MessageAudience;
  subject: string;
  body: string;
  recipients: number;
  sentAt: string;
};

const toOrganizerMessage = (r: Record<string, unknown>): OrganizerMessageRow => ({
  id: r.id as string,
  eventId: r.event_id as string,
  senderId: r.sender_id as string,
  audience: r.audience as MessageAudience,
  subject: r.subject as string,
  body: r.body as string,
  recipients: Number(r.recipients),
  sentAt: r.sent_iso as string,
});

const MESSAGE_COLUMNS = `id, event_id, sender_id, audience, subject, body, recipients, ${isoOf("sent_at")} as sent_iso`;

export async function organizerMessageOf(q: Q, id: string): Promise<OrganizerMessageRow | undefined> {
  const { rows } = await q.raw(`select ${MESSAGE_COLUMNS} from organizer_messages where id = ?`, [id]);
  return rows[0] ? toOrganizerMessage(rows[0]) : undefined;
}

/**
 * Serializes the sends of one event (a transaction-scoped advisory lock), so two organizers
 * sending at once cannot both pass the rate limit with the last free slot.
 */
export async function lockEventMessages(trx: Knex.Transaction, eventId: string): Promise<void> {
  await trx.raw(`select pg_advisory_xact_lock(hashtext(?))`, [`organizer-messages:${eventId}`]);
}

/** How many messages the event sent since `since`, and when the oldest of them was sent. */
export async function messagesSince(q: Q, eventId: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
  const r = await q("organizer_messages").where({ event_id: eventId }).where("sent_at", ">", since).first(
    q.raw("count(*)::int as n"),
    q.raw("min(sent_at) as oldest"),
  );
  return { count: Number(r?.n ?? 0), oldest: r?.oldest ? new Date(r.oldest) : null };
}

export async function saveOrganizerMessage(q: Q, m: Omit<OrganizerMessageRow, "sentAt"> & { sentAt: Date }, userIds: string[]): Promise<void> {
  await q("organizer_messages").insert({
    id: m.id,
    event_id: m.eventId,
    sender_id: m.senderId,
    audience: JSON.stringify(m.audience),
    subject: m.subject,
    body: m.body,
    recipients: m.recipients,
    sent_at: m.sentAt,
  });
  for (let i = 0; i < userIds.length; i += 10_000) {
    await q.raw(
      `insert into message_recipients (source_id, user_id) select ?, u from unnest(?::uuid[]) as x(u) on conflict do nothing`,
      b([m.id, userIds.slice(i, i + 10_000)]),
    );
  }
}

/** An event's messages, newest first, after a cursor position. */
export async function organizerMessagesOf(q: Q, eventId: string, opts: { before?: { at: string; id: string }; limit: number }): Promise<OrganizerMessageRow[]> {
  const { rows } = await q.raw(
    `select ${MESSAGE_COLUMNS} from organizer_messages where event_id = ? ${
      opts.before ? "and (sent_at, id) < (?::timestamptz, ?::uuid)" : ""
    } order by sent_at desc, id desc limit ?`,
    b(opts.before ? [eventId, opts.before.at, opts.before.id, opts.limit] : [eventId, opts.limit]),
  );
  return (rows as Array<Record<string, unknown>>).map(toOrganizerMessage);
}

/** Active recipients stored with a notification, with after < id <= upTo. */
export async function recipientSlice(q: Q, sourceId: string, after: string | null, upTo: string): Promise<Recipient[]> {
  const { rows } = await q.raw(
    `select ${RECIPIENT}
     from message_recipients r
     join users u on u.user_id = r.user_id
     left join preferences p on p.user_id = r.user_id
     where r.source_id = ? and r.user_id > coalesce(?::uuid, '00000000-0000-0000-0000-000000000000') and r.user_id <= ?::uuid and u.active`,
    b([sourceId, after, upTo]),
  );
  return (rows as Array<Record<string, unknown>>).map(toRecipient);
}
