/**
 * Keyset pages of listed events, shared by search and the feeds. A cursor is the sort key of the
 * last row plus its id (base64url JSON), so pages never skip or repeat rows when events are added.
 */
import type { Knex } from "knex";
import type { Static } from "@sinclair/typebox";
import { badRequest } from "../kit/errors.ts";
import type { EventSummary } from "../../subjects/events.ts";
import { toSummary } from "./render.ts";
import { EVENT_COLUMNS, type EventRow } from "./store.ts";

/** How a list is ordered: the key expression, its direction, and how to read it from a row. */
export type Order = { name: string; expr: string; dir: "asc" | "desc"; kind: "number" | "time" };

export const orders = {
  start: { name: "start", expr: "e.starts_at", dir: "asc", kind: "time" },
  recent: { name: "recent", expr: "e.published_at", dir: "desc", kind: "time" },
  popularity: { name: "popularity", expr: "e.hot", dir: "desc", kind: "number" },
  relevance: { name: "relevance", expr: "rank", dir: "desc", kind: "number" },
} as const satisfies Record<string, Order>;

type Cursor = { o: string; v: number | string; id: string };

export function encodeCursor(order: Order, value: unknown, id: string): string {
  const v = order.kind === "time" ? new Date(value as Date).toISOString() : Number(value);
  return Buffer.from(JSON.stringify({ o: order.name, v, id } satisfies Cursor)).toString("base64url");
}

export function decodeCursor(order: Order, cursor: string): Cursor {
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

export type ListQuery = {
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

export async function listPage(db: Knex, q: ListQuery): Promise<{ items: Array<Static<typeof EventSummary>>; nextCursor: string | null }> {
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
  const { rows } = await db.raw<{ rows: Array<EventRow & { rank?: number; distance_km?: number | null }> }>(sql, [...bindings, ...outerBindings, q.limit + 1] as Knex.RawBinding[]);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const lastKey = last ? (q.order.name === "relevance" ? last.rank : (last as unknown as Record<string, unknown>)[expr.slice(2)]) : undefined;
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > q.limit && last ? encodeCursor(q.order, lastKey, last.id) : null,
  };
}
