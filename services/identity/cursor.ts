/**
 * Keyset pagination cursors: the (timestamp, id) of the last row of a page, opaque to clients.
 * Timestamps keep Postgres' microseconds (a JS Date would round them and skip or repeat rows).
 */
import { badRequest } from "../kit/errors.ts";

export type Position = { at: string; id: string };

export function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify([p.at, p.id])).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): Position | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string" && !Number.isNaN(Date.parse(value[0])) && /^[0-9a-f-]{36}$/.test(value[1])) {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw badRequest("cursor: is not a cursor from a previous page", [{ field: "cursor", message: "is invalid" }]);
}

/** SQL for a microsecond-exact UTC ISO timestamp of `column` (for cursors and replies). */
export const isoOf = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Cuts `rows` (fetched with limit + 1) to a page and the cursor of the next one. */
export function page<R>(rows: R[], limit: number, position: (row: R) => Position): { rows: R[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const kept = rows.slice(0, limit);
  return { rows: kept, nextCursor: encodeCursor(position(kept[kept.length - 1])) };
}
