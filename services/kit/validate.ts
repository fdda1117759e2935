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

const compiled = new WeakMap<object, ValidateFunction>();

export function validator(schema: TSchema): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    // Several contracts may share a sub-schema object; compile by value, not by `$id` registry.
    const { $id: _id, ...rest } = schema as TSchema & { $id?: string };
    fn = ajv.compile(rest);
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
    const message = missing ? "is required" : extra ? "is not allowed" : (e.message ?? "is invalid");
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
