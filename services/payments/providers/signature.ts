/**
 * FreedomPay's `pg_sig`, byte for byte as the provider's own PHP helper (`PG_Signature`) computes
 * it: every field except `pg_sig` gets a synthetic name = parent name + its name + its 1-based
 * position at that level as three digits; nested fields recurse with that synthetic name as their
 * parent; the synthetic names are sorted (strcmp); the script name goes first, the secret last,
 * everything joined with ";" and hashed with MD5 (lowercase hex). For flat messages this is simply
 * "values ordered by key". Values are signed exactly as sent: "25" and "25.00" differ.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Fields } from "./fields.ts";

/** The name/value pairs the helper sorts, in its own order (exported for tests and debugging). */
export function flatten(fields: Fields, parent = ""): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let i = 0;
  for (const [key, value] of fields) {
    i++; // counted before the pg_sig skip, as the PHP loop does
    if (key === "pg_sig") continue;
    const name = `${parent}${key}${String(i).padStart(3, "0")}`;
    if (typeof value === "string") {
      // PHP's `$arr += [name => v]`: a name already present keeps its first value.
      if (!out.some(([n]) => n === name)) out.push([name, value]);
    } else out.push(...flatten(value, name));
  }
  return out;
}

/** The string that is hashed (never log it: it ends with the secret). */
export function signatureBase(script: string, fields: Fields, secret: string): string {
  const pairs = flatten(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [script, ...pairs.map(([, v]) => v), secret].join(";");
}

export function sign(script: string, fields: Fields, secret: string): string {
  return createHash("md5").update(signatureBase(script, fields, secret), "utf8").digest("hex");
}

/** Whether `fields` carry a valid `pg_sig` for `script`; compares in constant time. */
export function verify(script: string, fields: Fields, secret: string): boolean {
  const given = fields.find(([k, v]) => k === "pg_sig" && typeof v === "string")?.[1] as string | undefined;
  if (!given || !/^[0-9a-fA-F]{32}$/.test(given)) return false;
  const expected = Buffer.from(sign(script, fields, secret), "hex");
  return timingSafeEqual(expected, Buffer.from(given.toLowerCase(), "hex"));
}

/** Appends a fresh `pg_sig` (after removing any old one). */
export function withSignature(script: string, fields: Fields, secret: string): Fields {
  const unsigned = fields.filter(([k]) => k !== "pg_sig");
  return [...unsigned, ["pg_sig", sign(script, unsigned, secret)]];
}

/**
 * The script name of a URL the way the provider takes it: the last path segment ("" when the path
 * ends with "/"). For a callback, it is the last segment of OUR result URL.
 */
export function scriptName(url: string): string {
  const path = new URL(url, "http://x").pathname;
  return path.slice(path.lastIndexOf("/") + 1);
}
