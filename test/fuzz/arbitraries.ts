/**
 * fast-check arbitraries built from the JSON Schemas of the edge's OpenAPI document: values a
 * schema accepts (with the unicode a person may type: RTL marks, emoji, combining characters),
 * and the ways a client gets them wrong (wrong types, missing and extra fields, huge, blank,
 * NUL, unpaired surrogates). Only what our schemas use is covered; anything else generates
 * `unknown` JSON, which still exercises the refusal path.
 */
import fc from "fast-check";

export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  const?: unknown;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  "x-trim"?: boolean;
  [k: string]: unknown;
};

/** Single code points people do type, each counted as one character by ajv. */
const PEOPLE_CHARS = ["\u200f", "\u200e", "\u202e", "\u0301", "\u0308", "😀", "🎉", "日", "ß", "é", "\u00a0", "\ufeff", "ا", "ש"];
const char = fc.oneof({ weight: 6, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) }, {
  weight: 2,
  arbitrary: fc.constantFrom(...PEOPLE_CHARS),
});
const codePoints = (s: string) => [...s].length;

/** Strings no store can keep, and other text a client may send by mistake. */
export const POISON = [
  "a\u0000b",
  "\u0000",
  "x\ud800",
  "\udc00y",
  "\ud83d",
  "   ",
  "",
  "\t\n",
  "\u202e\u0000",
  "%00",
  "../../etc/passwd",
  "'; drop table users; --",
  "<script>alert(1)</script>",
];

/** fc.stringMatching costs ~20 ms to build: one per pattern. */
const matching = new Map<string, fc.Arbitrary<string>>();
const matches = (pattern: string) => matching.get(pattern) ?? matching.set(pattern, fc.stringMatching(new RegExp(pattern, "u"))).get(pattern)!;
const lowerDigits = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength: 1, maxLength: 12 });

function textArb(s: Schema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, min + 40);
  const formatted = s.format ? byFormat(s.format) : undefined;
  if (formatted) return s.pattern ? formatted.filter((v) => new RegExp(s.pattern!, "u").test(v)) : formatted;
  if (s.pattern) {
    return matches(s.pattern).filter((v) =>
      codePoints(v) >= min && codePoints(v) <= (s.maxLength ?? Infinity) && (!s["x-trim"] || codePoints(v.trim()) >= min)
    );
  }
  return fc
    .array(char, { minLength: min, maxLength: Math.max(min, max) })
    .map((cs) => cs.join(""))
    .filter((v) => codePoints(v) >= min && codePoints(v) <= (s.maxLength ?? Infinity) && (!s["x-trim"] || codePoints(v.trim()) >= Math.max(min, 1)));
}

function byFormat(format: string): fc.Arbitrary<string> | undefined {
  switch (format) {
    case "uuid":
      return fc.uuid();
    case "date-time":
      return fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
    case "date":
      return fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-01-01T00:00:00Z"), noInvalidDate: true }).map((d) =>
        d.toISOString().slice(0, 10)
      );
    case "email":
      return fc.tuple(lowerDigits, fc.constantFrom("example.org", "example.com")).map(([u, d]) => `fuzz+${u}@${d}`);
    case "uri":
    case "url":
      return lowerDigits.map((p) => `https://example.org/${p}`);
    case "ipv4":
      return fc.ipV4();
  }
  return undefined;
}

function numberArb(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1_000_000);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1_000_000);
  if (integer) return fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) });
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** A value the schema accepts. */
export function valid(s: Schema): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.anyOf ?? s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf)!.map(valid));
  if (s.allOf) return valid(Object.assign({}, ...s.allOf));
  const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => valid({ ...s, type: t })));
  switch (type[0]) {
    case "string":
      return textArb(s);
    case "integer":
      return numberArb(s, true);
    case "number":
      return numberArb(s, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const items = valid(s.items ?? {});
      const opts = { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, (s.minItems ?? 0) + 4) };
      return s.uniqueItems ? fc.uniqueArray(items, { ...opts, selector: (v) => JSON.stringify(v) }) : fc.array(items, opts);
    }
    case "object": {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, ps] of Object.entries(props)) record[k] = valid(ps);
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in props) });
    }
  }
  return fc.jsonValue({ maxDepth: 2 });
}

/** A value of another JSON type than the schema's. */
export function wrongType(s: Schema): fc.Arbitrary<unknown> {
  const t = Array.isArray(s.type) ? s.type : [s.type ?? "none"];
  const all: Array<[string, fc.Arbitrary<unknown>]> = [
    ["string", fc.constantFrom("x", "12", "true", "null", "")],
    ["integer", fc.constantFrom(0, -1, 2 ** 53, 1e308)],
    ["number", fc.constantFrom(1.5, -0.25)],
    ["boolean", fc.boolean()],
    ["null", fc.constant(null)],
    ["array", fc.constant(["x", 1])],
    ["object", fc.constant({ nested: { deep: [1] } })],
  ];
  const others = all.filter(([name]) => !t.includes(name) && !(name === "integer" && t.includes("number")) && !(name === "number" && t.includes("integer")));
  return fc.oneof(...others.map(([, a]) => a));
}

/** Something a client gets wrong about a value of this schema (it may still happen to pass). */
export function mutated(s: Schema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [wrongType(s), fc.constantFrom(...POISON)];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === "string") {
    options.push(fc.constant("x".repeat((s.maxLength ?? 1000) + 1)), fc.constant("y".repeat(200_000)));
    options.push(valid(s).map((v) => `${String(v)}\u0000`), valid(s).map((v) => `\ud800${String(v)}`));
  }
  if (type === "integer" || type === "number") {
    options.push(fc.constantFrom((s.minimum ?? 0) - 1, (s.maximum ?? 2 ** 31) + 1, 0.5, Number.MAX_SAFE_INTEGER + 2));
  }
  if (type === "object" && s.properties) {
    const keys = Object.keys(s.properties);
    if (keys.length) {
      // One field wrong, missing or poisoned; or an unknown one added.
      options.push(
        fc.tuple(valid(s), fc.constantFrom(...keys)).chain(([v, k]) => mutated(s.properties![k]).map((bad) => ({ ...(v as object), [k]: bad }))),
        fc.tuple(valid(s), fc.constantFrom(...keys)).map(([v, k]) => {
          const o = { ...(v as Record<string, unknown>) };
          delete o[k];
          return o;
        }),
      );
    }
    options.push(valid(s).map((v) => ({ ...(v as object), ["extra\u200f"]: 1, "": "x" })), valid(s).map((v) => ({ ...(v as object), ["k\u0000"]: "v" })));
  }
  if (type === "array") options.push(fc.constant(Array.from({ length: 500 }, () => "z")), valid(s.items ?? {}).map((v) => [v, v, "\u0000"]));
  return fc.oneof(...options);
}
