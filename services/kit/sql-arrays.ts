/**
 * Rows as typed Postgres arrays inlined in SQL text, for `insert … select * from unnest(…)` in
 * statements sent several per round trip as simple queries (kit/db.ts holdConnection), which carry
 * no bind parameters. One array per column: a quoted array literal, or `array_fill` of one value
 * when every row has the same (the event, the time, the nulls) — cheaper for Postgres to read than
 * a literal of repeats, and than json_populate_recordset (bookings, session 9).
 */
import { assertIdentifier, sqlLiteral } from "./db.ts";

/** A value of a column: texts (uuids included), safe integers, instants, null. */
export type SqlScalar = string | number | Date | null | undefined;

/** `unnest(…)` over the rows' columns, each `[key, Postgres type]`. */
export function sqlUnnest<T>(rows: T[], columns: Array<[keyof T, string]>): string {
  return `unnest(${columns.map(([k, type]) => sqlArray(rows.map((r) => r[k] as SqlScalar), type)).join(", ")})`;
}

/** One value as SQL: text quoted, safe integers as written, an instant as timestamptz, null. */
export function sqlValue(v: SqlScalar): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "number") return integer(v);
  if (v instanceof Date) return `${sqlLiteral(v.toISOString())}::timestamptz`;
  return sqlLiteral(v);
}

/** One column as a typed array: its literal, or array_fill when every value is the same (an empty one too). */
export function sqlArray(values: SqlScalar[], type: string): string {
  assertIdentifier(type);
  const same = (v: SqlScalar) => (v instanceof Date ? v.getTime() : (v ?? null));
  const first = same(values[0]);
  if (values.every((v) => same(v) === first)) {
    const v = values[0];
    // The array's type casts it: an instant goes as its text.
    const scalar = v instanceof Date ? sqlLiteral(v.toISOString()) : sqlValue(v);
    return `array_fill(${scalar}::${type}, array[${values.length}])`;
  }
  return `${sqlLiteral(arrayLiteral(values))}::${type}[]`;
}

/** A Postgres array literal's text: texts quoted and escaped, numbers and instants as they are, null as NULL. */
export function arrayLiteral(values: SqlScalar[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ",";
    if (v === null || v === undefined) out += "NULL";
    else if (typeof v === "number") out += integer(v);
    else if (v instanceof Date) out += v.toISOString();
    else if (v.includes('"') || v.includes("\\")) out += `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
    else out += `"${v}"`;
  }
  return out + "}";
}

// Amounts are minor units and counts are counts: a fraction or an unsafe integer is a bug upstream.
function integer(v: number): string {
  if (!Number.isSafeInteger(v)) throw new TypeError(`not a safe integer: ${v}`);
  return String(v);
}
