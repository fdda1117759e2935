/**
 * Search: Postgres full text (title weight A, tags B, description C; ts_rank) with typo tolerance
 * from pg_trgm — a query word that is not in the word list of titles and tags is OR'ed with its
 * nearest known words (trigram KNN, similarity ≥ 0.25), so "konferense" finds "Conference".
 * Filters: category, tags, dates, organizer, organization and great-circle distance (haversine,
 * with a bounding box first so an index narrows the rows).
 */
import type { Static } from "@sinclair/typebox";
import type { Knex } from "knex";
import type { events } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { listedTo } from "../access.ts";
import { normalizeTags } from "../fields.ts";
import { listPage, orders, type ListQuery } from "../listing.ts";

type Input = Static<typeof events.search.request>;
type Reply = Static<typeof events.search.reply>;

const EARTH_KM = 6371.0088;
const MIN_SIMILARITY = 0.25;

export async function searchEvents(deps: Deps, principal: Principal | undefined, input: Input): Promise<Reply> {
  const visible = listedTo(principal);
  const where = [visible.sql];
  const bindings = [...visible.bindings];
  const select: ListQuery["select"] = [];
  let join: ListQuery["join"];
  let outer: ListQuery["outer"];

  const tsquery = input.q ? await buildTsQuery(deps.db, input.q) : null;
  if (tsquery) {
    join = { sql: "cross join (select to_tsquery('english', ?) as query) tq", bindings: [tsquery] };
    where.push("e.search @@ tq.query");
    select.push({ sql: "ts_rank(e.search, tq.query)::float8 as rank", bindings: [] });
  } else if (input.q && input.q.trim()) {
    // Words but nothing searchable in them (punctuation only): nothing matches.
    return { items: [], nextCursor: null };
  }
  if (input.category) {
    where.push("e.category = ?");
    bindings.push(input.category);
  }
  if (input.tags?.length) {
    where.push("e.tags @> ?::text[]");
    bindings.push(normalizeTags(input.tags));
  }
  if (input.from) {
    where.push("e.ends_at >= ?");
    bindings.push(new Date(input.from));
  } else if (!input.includePast) {
    where.push("e.ends_at >= ?");
    bindings.push(deps.now());
  }
  if (input.to) {
    where.push("e.starts_at < ?");
    bindings.push(new Date(input.to));
  }
  if (input.organizerId) {
    where.push("e.organizer_id = ?");
    bindings.push(input.organizerId);
  }
  if (input.organizationId) {
    where.push("e.organization_id = ?");
    bindings.push(input.organizationId);
  }
  if (input.near) {
    const { lat, lng, radiusKm } = input.near;
    const dLat = radiusKm / 111.2;
    where.push("e.lat is not null and e.lat between ? and ?");
    bindings.push(lat - dLat, lat + dLat);
    const cosLat = Math.cos((lat * Math.PI) / 180);
    const dLng = cosLat > 0.01 ? radiusKm / (111.2 * cosLat) : 360;
    if (dLng < 180 && lng - dLng >= -180 && lng + dLng <= 180) {
      where.push("e.lng between ? and ?");
      bindings.push(lng - dLng, lng + dLng);
    }
    select.push({
      sql: `(2 * ${EARTH_KM} * asin(sqrt(power(sin(radians(e.lat - ?::float8) / 2), 2) + cos(radians(?::float8)) * cos(radians(e.lat)) * power(sin(radians(e.lng - ?::float8) / 2), 2)))) as distance_km`,
      bindings: [lat, lat, lng],
    });
    outer = { sql: "s.distance_km <= ?", bindings: [radiusKm] };
  }
  const sort = input.sort ?? "relevance";
  const order = sort === "popularity" ? orders.popularity : sort === "relevance" && tsquery ? orders.relevance : orders.start;
  return listPage(deps.db, { where, bindings, select, join, outer, order, cursor: input.cursor, limit: input.limit ?? 20 });
}

/** Words of a query: letters and digits, lowercased, at most 8. */
function termsOf(q: string): string[] {
  return [...new Set(q.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 8);
}

/**
 * `(word:* | near1 | near2) & (…)`: every query word must match, itself as a prefix or (when it is
 * not a known word) one of its nearest known words. Terms are letters and digits only, so nothing
 * in them is tsquery syntax.
 */
async function buildTsQuery(db: Knex, q: string): Promise<string | null> {
  const terms = termsOf(q);
  if (!terms.length) return null;
  const { rows } = await db.raw<{ rows: Array<{ term: string; known: boolean; near: string[] }> }>(
    `select t.term,
            exists (select 1 from search_words x where x.word = t.term) as known,
            array(select n.word from (select w.word, w.word <-> t.term as d from search_words w order by w.word <-> t.term limit 3) n
                  where n.d <= ? and n.word <> t.term) as near
       from unnest(?::text[]) as t(term)`,
    [1 - MIN_SIMILARITY, terms],
  );
  const byTerm = new Map(rows.map((r) => [r.term, r]));
  return terms
    .map((t) => {
      const r = byTerm.get(t);
      const alternatives = [`${t}:*`, ...(r && !r.known && t.length >= 4 ? r.near.filter((w) => /^[\p{L}\p{N}]+$/u.test(w)) : [])];
      return `(${alternatives.join(" | ")})`;
    })
    .join(" & ");
}
