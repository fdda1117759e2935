/**
 * The lists of events: search and the feeds. Each is a keyset page of the events listed to a
 * viewer; a cursor is the sort key of the last row plus its id (base64url JSON), so pages never
 * skip or repeat rows when events are added. The use cases say what to list (the filters, the
 * time they are judged at, the order); the SQL is here.
 */
import type { Knex } from "knex";
import type { Static } from "@sinclair/typebox";
import { badRequest } from "../../kit/errors.ts";
import { hasRole } from "../../kit/caller.ts";
import type { EventSummary } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { toSummary } from "../render.ts";
import { EVENT_COLUMNS, type EventRow } from "../store.ts";

type Page = { items: Array<Static<typeof EventSummary>>; nextCursor: string | null };

/** How a list is ordered: the key expression, its direction, and how to read it from a row. */
export type Order = { name: string; expr: string; dir: "asc" | "desc"; kind: "number" | "time" };

export const orders = {
  start: { name: "start", expr: "e.starts_at", dir: "asc", kind: "time" },
  recent: { name: "recent", expr: "e.published_at", dir: "desc", kind: "time" },
  popularity: { name: "popularity", expr: "e.hot", dir: "desc", kind: "number" },
  relevance: { name: "relevance", expr: "rank", dir: "desc", kind: "number" },
} as const satisfies Record<string, Order>;

type Cursor = { o: string; v: number | string; id: string };

function encodeCursor(order: Order, value: unknown, id: string): string {
  const v = order.kind === "time" ? new Date(value as Date).toISOString() : Number(value);
  return Buffer.from(JSON.stringify({ o: order.name, v, id } satisfies Cursor)).toString("base64url");
}

function decodeCursor(order: Order, cursor: string): Cursor {
  let c: Cursor;
  try {
    c = JSON.parse(Buffer.from(cursor, "base64url").toString()) as Cursor;
  } catch {
    throw badRequest("cursor: is not a cursor of this list");
  }
  const okValue = order.kind === "time" ? typeof c?.v === "string" && !Number.isNaN(Date.parse(c.v)) : typeof c?.v === "number" && Number.isFinite(c.v);
  if (c?.o !== order.name || !okValue || typeof c.id !== "string" || !/^[0-9a-f-]{36}$/.test(c.id)) throw badRequest("cursor: is not a cursor of this list");
  return c;
}

type ListQuery = {
  where: string[];
  bindings: unknown[];
  /** Extra select expressions with their bindings, e.g. rank or distance. */
  select?: Array<{ sql: string; bindings: unknown[] }>;
  /** A FROM addition, e.g. the tsquery cross join. */
  join?: { sql: string; bindings: unknown[] };
  /** Conditions on the extra selected columns (applied outside, e.g. distance). */
  outer?: { sql: string; bindings: unknown[] };
  order: Order;
  cursor?: string;
  limit: number;
};

async function listPage(db: Knex, q: ListQuery): Promise<{ items: Array<Static<typeof EventSummary>>; nextCursor: string | null }> {
  const selects = [EVENT_COLUMNS.join(", "), ...(q.select ?? []).map((s) => s.sql)].join(", ");
  const selectBindings = (q.select ?? []).flatMap((s) => s.bindings);
  const inner = `select ${selects} from events e ${q.join?.sql ?? ""} where ${q.where.map((w) => `(${w})`).join(" and ")}`;
  const bindings: unknown[] = [...selectBindings, ...(q.join?.bindings ?? []), ...q.bindings];
  const { expr, dir } = q.order;
  // Outside the inner select the key is a plain column of s.
  const key = q.order.name === "relevance" ? "s.rank" : `s.${expr.slice(2)}`;
  const outer: string[] = [];
  const outerBindings: unknown[] = [];
  if (q.outer) {
    outer.push(q.outer.sql);
    outerBindings.push(...q.outer.bindings);
  }
  if (q.cursor) {
    const c = decodeCursor(q.order, q.cursor);
    const cast = q.order.kind === "time" ? "::timestamptz" : "::float8";
    const cmp = dir === "asc" ? ">" : "<";
    // The id breaks ties in the same direction as the key for "recent" (a plain row comparison,
    // index-friendly), ascending otherwise.
    if (q.order.name === "recent") outer.push(`(${key}, s.id) < (?${cast}, ?::uuid)`);
    else outer.push(`(${key} ${cmp} ?${cast} or (${key} = ?${cast} and s.id > ?::uuid))`);
    outerBindings.push(...(q.order.name === "recent" ? [c.v, c.id] : [c.v, c.v, c.id]));
  }
  const idDir = q.order.name === "recent" ? "desc" : "asc";
  const sql = `select * from (${inner}) s ${outer.length ? `where ${outer.join(" and ")}` : ""} order by ${key} ${dir} nulls last, s.id ${idDir} limit ?`;
  const { rows } = await db.raw<{ rows: Array<EventRow & { rank?: number; distance_km?: number | null }> }>(
    sql,
    [...bindings, ...outerBindings, q.limit + 1] as Knex.RawBinding[],
  );
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const lastKey = last ? (q.order.name === "relevance" ? last.rank : (last as unknown as Record<string, unknown>)[expr.slice(2)]) : undefined;
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > q.limit && last ? encodeCursor(q.order, lastKey, last.id) : null,
  };
}

/**
 * The SQL condition for "listed to this viewer": published, not deleted, organizer active, and
 * public, or private with the viewer as author, organization member or invitee (admins see all).
 * `e` is the events alias.
 */
function listedTo(p: Principal | undefined): { sql: string; bindings: unknown[] } {
  const base = "e.deleted_at is null and e.status = 'published' and not exists (select 1 from inactive_users iu where iu.user_id = e.organizer_id)";
  if (hasRole(p, "admin")) return { sql: `${base} and e.visibility <> 'unlisted'`, bindings: [] };
  if (!p) return { sql: `${base} and e.visibility = 'public'`, bindings: [] };
  return {
    sql: `${base} and (e.visibility = 'public' or (e.visibility = 'private' and (e.organizer_id = ?
      or exists (select 1 from org_members m where m.org_id = e.organization_id and m.user_id = ?)
      or exists (select 1 from event_invites i where i.event_id = e.id and i.user_id = ?))))`,
    bindings: [p.sub, p.sub, p.sub],
  };
}

const EARTH_KM = 6371.0088;

/** What a search asks for; every field narrows the list. */
export type SearchFilter = {
  /** A to_tsquery expression (search-events.ts builds it from the words). */
  tsquery?: string;
  category?: string;
  tags?: string[];
  /** Events that end at or after this instant. */
  endsFrom?: Date;
  /** Events that start before this instant. */
  startsBefore?: Date;
  organizerId?: string;
  organizationId?: string;
  near?: { lat: number; lng: number; radiusKm: number };
  order: Order;
  cursor?: string;
  limit: number;
};

/** A page of a search: full text (ts_rank), filters, great-circle distance (haversine, after a bounding box an index can use). */
export async function searchPage(db: Knex, viewer: Principal | undefined, f: SearchFilter): Promise<Page> {
  const visible = listedTo(viewer);
  const where = [visible.sql];
  const bindings = [...visible.bindings];
  const select: ListQuery["select"] = [];
  let join: ListQuery["join"];
  let outer: ListQuery["outer"];
  if (f.tsquery) {
    join = { sql: "cross join (select to_tsquery('english', ?) as query) tq", bindings: [f.tsquery] };
    where.push("e.search @@ tq.query");
    select.push({ sql: "ts_rank(e.search, tq.query)::float8 as rank", bindings: [] });
  }
  const add = (sql: string, ...values: unknown[]) => (where.push(sql), bindings.push(...values));
  if (f.category) add("e.category = ?", f.category);
  if (f.tags?.length) add("e.tags @> ?::text[]", f.tags);
  if (f.endsFrom) add("e.ends_at >= ?", f.endsFrom);
  if (f.startsBefore) add("e.starts_at < ?", f.startsBefore);
  if (f.organizerId) add("e.organizer_id = ?", f.organizerId);
  if (f.organizationId) add("e.organization_id = ?", f.organizationId);
  if (f.near) {
    const { lat, lng, radiusKm } = f.near;
    const dLat = radiusKm / 111.2;
    add("e.lat is not null and e.lat between ? and ?", lat - dLat, lat + dLat);
    const cosLat = Math.cos((lat * Math.PI) / 180);
    const dLng = cosLat > 0.01 ? radiusKm / (111.2 * cosLat) : 360;
    if (dLng < 180 && lng - dLng >= -180 && lng + dLng <= 180) add("e.lng between ? and ?", lng - dLng, lng + dLng);
    select.push({
      sql:
        `(2 * ${EARTH_KM} * asin(sqrt(power(sin(radians(e.lat - ?::float8) / 2), 2) + cos(radians(?::float8)) * cos(radians(e.lat)) * power(sin(radians(e.lng - ?::float8) / 2), 2)))) as distance_km`,
      bindings: [lat, lat, lng],
    });
    outer = { sql: "s.distance_km <= ?", bindings: [radiusKm] };
  }
  return listPage(db, { where, bindings, select, join, outer, order: f.order, cursor: f.cursor, limit: f.limit });
}

/**
 * A page of a feed: events not over at `now` (upcoming: not started), of the users and
 * organizations `followerId` follows when given (the identity projection).
 */
export async function feedPage(
  db: Knex,
  viewer: Principal | undefined,
  f: { now: Date; notStarted: boolean; followerId?: string; order: Order; cursor?: string; limit: number },
): Promise<Page> {
  const visible = listedTo(viewer);
  const where = [visible.sql, f.notStarted ? "e.starts_at >= ?" : "e.ends_at >= ?"];
  const bindings = [...visible.bindings, f.now];
  if (f.followerId) {
    where.push(`exists (select 1 from follows f where f.follower_id = ?
      and ((f.target_kind = 'user' and f.target_id = e.organizer_id) or (f.target_kind = 'org' and f.target_id = e.organization_id)))`);
    bindings.push(f.followerId);
  }
  return listPage(db, { where, bindings, order: f.order, cursor: f.cursor, limit: f.limit });
}

/** For each term: whether titles and tags know it, and its nearest known words within `maxDistance` (pg_trgm KNN). */
export async function nearestWords(db: Knex, terms: string[], maxDistance: number): Promise<Array<{ term: string; known: boolean; near: string[] }>> {
  const { rows } = await db.raw<{ rows: Array<{ term: string; known: boolean; near: string[] }> }>(
    `select t.term,
            exists (select 1 from search_words x where x.word = t.term) as known,
            array(select n.word from (select w.word, w.word <-> t.term as d from search_words w order by w.word <-> t.term limit 3) n
                  where n.d <= ? and n.word <> t.term) as near
       from unnest(?::text[]) as t(term)`,
    [maxDistance, terms],
  );
  return rows;
}
