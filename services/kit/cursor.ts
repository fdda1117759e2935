/**
 * Keyset pagination cursors: the sort key of the last row of a page and its id, opaque to
 * clients (base64url JSON). Timestamps travel as text with Postgres' microseconds (select them
 * with `isoOf`): a JS Date would round them to milliseconds and a page would skip or repeat rows.
 * A list with several orders tags its cursors with the order, so a cursor of one order is refused
 * by another.
 */
import { badRequest } from "./errors.ts";

/** `at`: the sort key, a microsecond ISO timestamp (or, for a numeric order, the number as text). */
export type Position = { at: string; id: string };

export type CursorOptions = {
  /** Name of the order the cursor belongs to, when a list has several. */
  order?: string;
  /** What the key is: a timestamp (default) or a number. */
  kind?: "time" | "number";
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(p: Position, opts: CursorOptions = {}): string {
  const value = opts.order === undefined ? [p.at, p.id] : [p.at, p.id, opts.order];
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, opts: CursorOptions = {}): Position | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === (opts.order === undefined ? 2 : 3) && typeof value[0] === "string" && typeof value[1] === "string") {
      const keyOk = opts.kind === "number" ? value[0] !== "" && Number.isFinite(Number(value[0])) : !Number.isNaN(Date.parse(value[0]));
      if (keyOk && UUID.test(value[1]) && (opts.order === undefined || value[2] === opts.order)) return { at: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw badRequest("cursor: is not a cursor from a previous page of this list", [{ field: "cursor", message: "is invalid" }]);
}

/** SQL for a microsecond-exact UTC ISO timestamp of `column` (for cursors and replies). */
export const isoOf = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Cuts `rows` (fetched with limit + 1) to a page and the cursor of the next one. */
export function page<R>(rows: R[], limit: number, position: (row: R) => Position, opts: CursorOptions = {}): { rows: R[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const kept = rows.slice(0, limit);
  return { rows: kept, nextCursor: encodeCursor(position(kept[kept.length - 1]), opts) };
}

/**
 * Cursors of lists ordered by one unique key alone: a uuid, or an increasing integer. The same
 * opaque form (base64url of the key); a cursor that does not decode to such a key is a 400 naming
 * the field, never a key Postgres would refuse (a 500).
 */
export function encodeKeyCursor(key: string | number): string {
  return Buffer.from(String(key)).toString("base64url");
}

export function decodeKeyCursor(cursor: string | undefined, kind: "uuid" | "integer"): string | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  const key = Buffer.from(cursor, "base64url").toString("utf8");
  if (kind === "uuid" ? UUID.test(key) : /^[0-9]{1,19}$/.test(key)) return key;
  throw badRequest("cursor: is not a cursor from a previous page of this list", [{ field: "cursor", message: "is invalid" }]);
}
