/**
 * ajv, compiled once per schema. Every message that crosses a wire is checked here, and a
 * failure names the field: `email: must match format "email"`.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { Static, TSchema } from "@sinclair/typebox";
import { AppError } from "./errors.ts";

// ajv-formats is CommonJS; its default export arrives wrapped under Node's ESM loader.
export const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

export const ajv = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: true }));

/**
 * Text that no store can keep is refused by every contract, decided here once: Postgres text
 * refuses NUL and jsonb refuses unpaired UTF-16 surrogates (JSON.parse lets both through from
 * `\u0000` and `\ud800`). `validator` adds this keyword to the root of every schema it compiles,
 * so every string of every message — values and property names, nested, inside `Type.Unknown`
 * payloads too — is checked, and the error names the field.
 */
ajv.addKeyword({
  keyword: "storable",
  schemaType: "boolean",
  errors: true,
  validate: function storable(this: unknown, enabled: boolean, data: unknown) {
    const self = storable as unknown as { errors?: Partial<ErrorObject>[] | null };
    if (!enabled || storableText(data)) return true;
    const bad = unstorable(data, "");
    if (bad === undefined) return true;
    self.errors = [{ keyword: "storable", instancePath: bad, message: "must not contain NUL characters or unpaired surrogates", params: {} }];
    return false;
  },
});

/**
 * `x-trim: true` on a string schema (an OpenAPI extension keyword, so the document stays valid) trims the value before its other keywords judge it, so a name
 * of spaces fails `minLength: 1` and what a service stores is what its reply schema promises.
 * The validated object is the one callers go on with, so nothing downstream trims again.
 */
ajv.addKeyword({
  keyword: "x-trim",
  type: "string",
  schemaType: "boolean",
  modifying: true,
  before: "maxLength",
  validate: (
    enabled: boolean,
    data: string,
    _schema: unknown,
    cxt?: { parentData?: Record<string | number, unknown>; parentDataProperty?: string | number },
  ) => {
    if (enabled && cxt?.parentData && cxt.parentDataProperty !== undefined) cxt.parentData[cxt.parentDataProperty] = data.trim();
    return true;
  },
});

/** Whether every string and property name can be stored: the common case, without building paths (every message pays it). */
function storableText(value: unknown): boolean {
  if (typeof value === "string") return value.isWellFormed() && !value.includes("\0");
  if (typeof value !== "object" || value === null) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!storableText(value[i])) return false;
    return true;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (!key.isWellFormed() || key.includes("\0") || !storableText((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** JSON pointer of the first string (or property name) that cannot be stored, if any. */
export function unstorable(value: unknown, path: string): string | undefined {
  if (typeof value === "string") return value.isWellFormed() && !value.includes("\0") ? undefined : path;
  if (typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = unstorable(value[i], `${path}/${i}`);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const at = `${path}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    if (!key.isWellFormed() || key.includes("\0")) return at;
    const bad = unstorable((value as Record<string, unknown>)[key], at);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

const compiled = new WeakMap<object, ValidateFunction>();

export function validator(schema: TSchema): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    // Several contracts may share a sub-schema object; compile by value, not by `$id` registry.
    const { $id: _id, ...rest } = schema as TSchema & { $id?: string };
    fn = ajv.compile({ ...rest, storable: true });
    compiled.set(schema, fn);
  }
  return fn;
}

export type FieldError = { field: string; message: string };

export function fieldErrors(errors: ErrorObject[] | null | undefined): FieldError[] {
  return (errors ?? []).map((e) => {
    const path = e.instancePath.replace(/^\//, "").replaceAll("/", ".");
    const missing = e.keyword === "required" ? (e.params as { missingProperty: string }).missingProperty : undefined;
    const extra = e.keyword === "additionalProperties" ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
    const field = [path, missing ?? extra].filter(Boolean).join(".") || "(root)";
    const blank = e.keyword === "minLength" && (e.params as { limit: number }).limit === 1;
    const message = missing ? "is required" : extra ? "is not allowed" : blank ? "must not be blank" : (e.message ?? "is invalid");
    return { field, message };
  });
}

/** Returns the value typed by its schema, or throws a 400 naming the first offending field. */
export function check<S extends TSchema>(schema: S, value: unknown, code = "invalid_request"): Static<S> {
  const fn = validator(schema);
  if (fn(value)) return value as Static<S>;
  const details = fieldErrors(fn.errors);
  const first = details[0];
  throw new AppError(code, first ? `${first.field}: ${first.message}` : "invalid payload", { status: 400, details });
}
