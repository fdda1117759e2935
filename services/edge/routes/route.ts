/**
 * A route is data: an HTTP method and path, the one subject it maps to, who may call it, and where
 * each field of the subject's request comes from (path, query, body, the client IP, the caller).
 * The same declaration drives the router, the edge-side validation and the OpenAPI document, so a
 * later service adds its API by adding one file of routes under routes/.
 */
import type { TSchema } from "@sinclair/typebox";
import type { RequestContract } from "../../../subjects/contract.ts";
import type { Principal } from "../../../subjects/principal.ts";

export type Auth = "public" | "user" | "admin";
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What `toInput` may read of an HTTP request. */
export type RouteRequest = {
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  body: unknown;
  principal?: Principal;
  /** The verified access token's session id (`sid`), when there is one. */
  sessionId?: string;
  ip: string;
  /** Request headers, lower-case names (Node's IncomingHttpHeaders). */
  headers?: Record<string, string | string[] | undefined>;
};

export type InputSpec = {
  /** Path parameter → request field, e.g. `{ id: "eventId" }`; a dotted field fills a nested one (`target.id`). */
  path?: Record<string, string>;
  /**
   * Request fields read from the query string (coerced to the field's schema type). An object
   * field comes as its properties, `?lat=1&lng=2` or `?near[lat]=1&near[lng]=2`.
   */
  query?: string[];
  /** Request fields the route itself sets, e.g. `{ "target.kind": "user" }` (dotted = nested). */
  fixed?: Record<string, unknown>;
  /** Request fields read from the JSON body: all of them (minus the ones set here), or none. */
  body?: boolean;
  /** Request field the edge fills with the client IP (clients cannot set it). */
  ip?: string;
  /** Request field the edge fills with the caller's user id. */
  principal?: string;
  /** Request field the edge fills with the id of the access token's session (`sid`): when the caller signed in decides some changes. */
  session?: string;
  /**
   * Request field the edge fills with the raw `application/x-www-form-urlencoded` body, as text
   * (a provider callback whose signature covers every field exactly as sent).
   */
  rawForm?: string;
  /**
   * Request headers → request fields, e.g. `{ "x-twilio-signature": "signature" }` (a provider
   * callback signed in a header); names lower-case. Documented as header parameters.
   */
  headers?: Record<string, string>;
};

/** A live stream instead of one reply (Server-Sent Events). */
export type Stream = { kind: "sse"; description: string };

/**
 * Renders a reply as something other than JSON (e.g. text/calendar). A `binary` representation
 * renders base64 text that the edge sends decoded (e.g. a PDF).
 */
export type Representation = { type: string; render(reply: unknown): string; filename?(reply: unknown): string; binary?: boolean };

/**
 * A whole paged list as one CSV download: the edge calls the route's subject page after page
 * (`limit`, then each reply's `nextCursor`) and streams the rows as they come, so an export of
 * 100,000 participants never sits in memory. The reply must be `{ items, nextCursor }`.
 */
export type CsvExport = {
  /** The download's file name, from the request. */
  filename(input: Record<string, unknown>): string;
  /** Column headers, then each item's cells in the same order. */
  columns: string[];
  row(item: never): unknown[];
  /** Items asked for per call. */
  pageSize: number;
};

export type ResponseCaching = {
  /** Tags of a cached reply, e.g. [`event:<id>`]. */
  tags(input: Record<string, unknown>): string[];
  /** Core NATS subjects whose messages invalidate cached replies (stream subjects, e.g. evt.event.>); each delivery costs the edge a parse. */
  invalidatedBy: readonly string[];
  /** Tags a domain event invalidates, from its envelope's data. */
  invalidates(data: Record<string, unknown>): string[];
  /** The service still hears of reads the cache answered (e.g. page views), in batches. */
  reportHits?: HitReport;
};

/** How cache hits of a route are reported: a key per hit, and the request of a batch of counts. */
export type HitReport = {
  contract: RequestContract;
  key(input: Record<string, unknown>): string;
  request(counts: Array<[key: string, count: number]>): unknown;
};

export type Route = {
  method: HttpMethod;
  /** OpenAPI style: /v1/events/{id}. */
  path: string;
  contract: RequestContract;
  auth: Auth;
  summary: string;
  tag: string;
  input: InputSpec;
  /** Builds the subject's request from the HTTP request (derived from `input` unless given). */
  toInput(req: RouteRequest): Record<string, unknown>;
  /** Status of a success (201 for creations). */
  status: number;
  /** Accepts an Idempotency-Key (a POST that creates something). */
  creates: boolean;
  /** Public read served from the in-process cache, invalidated by domain events. */
  cache?: ResponseCaching;
  /** Non-JSON representation of the reply. */
  representation?: Representation;
  /** The whole list as a streamed CSV download (a paged contract). */
  csv?: CsvExport;
  /** An HTML page of the reply for clients that prefer text/html (a person following a link); others get JSON. */
  html?: Representation;
  /** A larger JSON body than BODY_LIMIT_BYTES (an upload); 413 beyond it. */
  bodyLimitBytes?: number;
};

export type RouteSpec =
  & Omit<Route, "toInput" | "status" | "creates" | "input">
  & Partial<Pick<Route, "toInput" | "status" | "creates" | "input">>;

export function route(spec: RouteSpec): Route {
  const input = spec.input ?? {};
  return {
    ...spec,
    input,
    status: spec.status ?? 200,
    creates: spec.creates ?? false,
    toInput: spec.toInput ?? ((req) => inputFrom(spec.contract.request, input, req)),
  };
}

/** The schema of one field of an object schema (dotted: of a nested object), if declared. */
export function fieldSchema(schema: TSchema, field: string): TSchema | undefined {
  let s: TSchema | undefined = schema;
  for (const part of field.split(".")) s = (s as { properties?: Record<string, TSchema> } | undefined)?.properties?.[part];
  return s;
}

/** The top-level request field a (possibly dotted) field belongs to. */
export const topField = (field: string): string => field.split(".")[0];

function setField(out: Record<string, unknown>, field: string, value: unknown): void {
  const parts = field.split(".");
  let o = out;
  for (const part of parts.slice(0, -1)) o = (o[part] ??= {}) as Record<string, unknown>;
  o[parts[parts.length - 1]] = value;
}

export function inputFrom(schema: TSchema, spec: InputSpec, req: RouteRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (spec.body && req.body !== undefined) {
    if (typeof req.body !== "object" || req.body === null || Array.isArray(req.body)) return req.body as Record<string, unknown>;
    Object.assign(out, req.body);
  }
  for (const field of spec.query ?? []) {
    const s = fieldSchema(schema, field) as (TSchema & { type?: string; properties?: Record<string, TSchema> }) | undefined;
    if (s?.type === "object") {
      const value: Record<string, unknown> = {};
      for (const [prop, ps] of Object.entries(s.properties ?? {})) {
        const raw = req.query[prop] ?? req.query[`${field}[${prop}]`];
        if (raw !== undefined) value[prop] = coerce(ps, raw);
      }
      if (Object.keys(value).length) out[field] = value;
      continue;
    }
    const raw = req.query[field];
    if (raw === undefined) continue;
    out[field] = coerce(s, raw, field === "limit");
  }
  for (const [param, field] of Object.entries(spec.path ?? {})) setField(out, field, coerce(fieldSchema(schema, field), req.params[param]));
  for (const [field, value] of Object.entries(spec.fixed ?? {})) setField(out, field, value);
  if (spec.ip) out[spec.ip] = req.ip;
  if (spec.principal && req.principal) out[spec.principal] = req.principal.sub;
  if (spec.session) {
    // Never the client's word: only the verified token's session, or nothing.
    delete out[spec.session];
    if (req.principal && req.sessionId) out[spec.session] = req.sessionId;
  }
  if (spec.rawForm) out[spec.rawForm] = typeof req.body === "string" ? req.body : "";
  for (const [header, field] of Object.entries(spec.headers ?? {})) {
    const v = req.headers?.[header];
    if (v !== undefined) out[field] = Array.isArray(v) ? v[v.length - 1] : v;
  }
  return out;
}

/**
 * Query strings are text: turn them into the type the contract declares, so the contract's own
 * schema can judge them. A page size (`clamp`) outside the contract's bounds is clamped, not refused.
 */
export function coerce(schema: TSchema | undefined, raw: string | string[], clamp = false): unknown {
  const type = (schema as { type?: string } | undefined)?.type;
  if (type === "array") {
    const items = (schema as { items?: TSchema }).items;
    return (Array.isArray(raw) ? raw : raw.split(",")).filter(Boolean).map((v) => coerce(items, v));
  }
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  if (type === "integer" || type === "number") {
    if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
    const n = Number(value);
    if (!clamp) return n;
    const max = (schema as { maximum?: number }).maximum;
    const min = (schema as { minimum?: number }).minimum;
    if (max !== undefined && n > max) return max;
    if (min !== undefined && n < min) return min;
    return n;
  }
  if (type === "boolean") return value === "true" ? true : value === "false" ? false : value;
  return value;
}
