/**
 * Search: Postgres full text (title weight A, tags B, description C; ts_rank) with typo tolerance
 * from pg_trgm — a query word that is not in the word list of titles and tags is OR'ed with its
 * nearest known words (trigram KNN, similarity ≥ 0.25), so "konferense" finds "Conference".
 * Filters: category, tags, dates, organizer, organization and great-circle distance (haversine,
 * with a bounding box first so an index narrows the rows).
 */
import type { Static } from "@sinclair/typebox";
import type { events } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { normalizeTags } from "../fields.ts";
import { nearestWords, orders, searchPage } from "../store/listing.ts";

type Input = Static<typeof events.search.request>;
type Reply = Static<typeof events.search.reply>;

const MIN_SIMILARITY = 0.25;

export async function searchEvents(deps: Deps, principal: Principal | undefined, input: Input): Promise<Reply> {
  const tsquery = input.q ? await buildTsQuery(deps, input.q) : null;
  // Words but nothing searchable in them (punctuation only): nothing matches.
  if (!tsquery && input.q && input.q.trim()) return { items: [], nextCursor: null };
  const sort = input.sort ?? "relevance";
  return searchPage(deps.db, principal, {
    tsquery: tsquery ?? undefined,
    category: input.category,
    tags: input.tags?.length ? normalizeTags(input.tags) : undefined,
    // Events that are over are left out unless asked for (a `from` says from when).
    endsFrom: input.from ? new Date(input.from) : input.includePast ? undefined : deps.now(),
    startsBefore: input.to ? new Date(input.to) : undefined,
    organizerId: input.organizerId,
    organizationId: input.organizationId,
    near: input.near,
    order: sort === "popularity" ? orders.popularity : sort === "relevance" && tsquery ? orders.relevance : orders.start,
    cursor: input.cursor,
    limit: input.limit ?? 20,
  });
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
async function buildTsQuery(deps: Pick<Deps, "db">, q: string): Promise<string | null> {
  const terms = termsOf(q);
  if (!terms.length) return null;
  const rows = await nearestWords(deps.db, terms, 1 - MIN_SIMILARITY);
  const byTerm = new Map(rows.map((r) => [r.term, r]));
  return terms
    .map((t) => {
      const r = byTerm.get(t);
      const alternatives = [`${t}:*`, ...(r && !r.known && t.length >= 4 ? r.near.filter((w) => /^[\p{L}\p{N}]+$/u.test(w)) : [])];
      return `(${alternatives.join(" | ")})`;
    })
    .join(" & ");
}
