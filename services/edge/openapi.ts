/**
 * The OpenAPI 3.1 document, generated from the route table and the contracts' JSON Schemas
 * (TypeBox schemas are JSON Schema 2020-12, which 3.1 adopts), so it cannot drift from the code.
 */
import type { TSchema } from "@sinclair/typebox";
import { fieldSchema, type Route, topField } from "./routes/route.ts";

export type Operation = Record<string, unknown>;
export type OpenApiDocument = {
  openapi: "3.1.0";
  info: Record<string, unknown>;
  servers: Array<{ url: string; description?: string }>;
  tags: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
};

/** Operations the edge serves itself (not mapped to a subject), documented beside the routes. */
export type ExtraOperation = { method: string; path: string; operation: Operation };

const problemRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

export function buildOpenApi(routes: Route[], extras: ExtraOperation[], info: { version: string }): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  const ids = new Set<string>();
  for (const r of routes) {
    const op = operationOf(r);
    let id = operationIdOf(r);
    // One subject behind several routes (follow a user, follow an organization): name each by its path.
    if (ids.has(id)) id = `${id}${r.method[0]}${r.method.slice(1).toLowerCase()}`;
    if (ids.has(id)) id = `${id}${r.path.split("/")[2].replace(/^\w/, (c) => c.toUpperCase())}`;
    ids.add(id);
    op.operationId = id;
    (paths[r.path] ??= {})[r.method.toLowerCase()] = op;
  }
  for (const e of extras) (paths[e.path] ??= {})[e.method.toLowerCase()] = e.operation;
  const tags = [...new Set(routes.map((r) => r.tag))].sort().map((name) => ({ name, description: `Operations of the ${name} service.` }));
  if (extras.length) tags.push({ name: "edge", description: "Served by the edge itself: the API description and live streams." });
  return {
    openapi: "3.1.0",
    info: {
      title: "Convene API",
      version: info.version,
      description: "The public HTTP API of Convene. Every operation maps to one NATS subject; errors are RFC 9457 problem+json with a stable `code`. " +
        "Send the access token as `Authorization: Bearer <token>`; POSTs that create something accept an `Idempotency-Key` (kept 24 hours).",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/", description: "This deployment" }],
    tags,
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "ES256 access token (typ at+jwt) from /v1/auth/login." } },
      schemas: {
        Problem: {
          type: "object",
          description: "RFC 9457 problem details.",
          required: ["type", "title", "status", "detail", "code"],
          properties: {
            type: { type: "string", format: "uri", description: "URI identifying the problem type; ends with the code." },
            title: { type: "string", description: "Short summary of the problem type." },
            status: { type: "integer", description: "HTTP status." },
            detail: { type: "string", description: "What went wrong with this request." },
            code: { type: "string", description: "Stable machine-readable code, e.g. invalid_request, rate_limited." },
            instance: { type: "string", description: "The request path." },
            errors: {
              type: "array",
              description: "For validation errors: each offending field.",
              items: {
                type: "object",
                required: ["field", "message"],
                properties: {
                  field: { type: "string", description: "Dotted path of the field." },
                  message: { type: "string", description: "What is wrong with it." },
                },
              },
            },
            details: {
              type: "object",
              description: "What the client needs to go on, for some codes: e.g. `challenge` of totp_required (the second sign-in step).",
              additionalProperties: true,
            },
          },
        },
      },
      headers: {
        RetryAfter: { description: "Seconds to wait before retrying.", schema: { type: "integer", minimum: 1 } },
        ETag: { description: "Entity tag of the representation; send it back in If-None-Match.", schema: { type: "string" } },
      },
      responses: {
        Problem: problemResponse("The request failed; see `code`."),
        BadRequest: problemResponse("Invalid input; `errors` names each offending field."),
        Unauthenticated: problemResponse("No valid access token."),
        Forbidden: problemResponse("The caller may not do this."),
        NotFound: problemResponse("No such resource."),
        Conflict: problemResponse("Conflicts with the current state, or a request with the same Idempotency-Key is still in progress."),
        PayloadTooLarge: problemResponse("The body is larger than the limit."),
        Unprocessable: problemResponse("The Idempotency-Key was already used with another body."),
        RateLimited: { ...problemResponse("Too many requests."), headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } },
        Unavailable: problemResponse("No instance of the service behind this operation is answering."),
        Timeout: problemResponse("The service behind this operation did not answer in time."),
      },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "Makes a retried creation safe: the same key and body within 24 hours replay the first response.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
        },
        IfNoneMatch: {
          name: "If-None-Match",
          in: "header",
          required: false,
          description: "ETag of a representation the client has; 304 when unchanged.",
          schema: { type: "string" },
        },
      },
    },
  };
}

function problemResponse(description: string) {
  return { description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };
}

function operationIdOf(r: Route): string {
  const parts = r.contract.subject.split(".").slice(1).flatMap((p) => p.split("-"));
  return parts.map((p, i) => (i === 0 ? p : p[0].toUpperCase() + p.slice(1))).join("");
}

function operationOf(r: Route): Operation {
  const request = r.contract.request;
  const required = new Set(((request as { required?: string[] }).required ?? []) as string[]);
  const parameters: unknown[] = [];
  for (const [param, field] of Object.entries(r.input.path ?? {})) {
    parameters.push({
      name: param,
      in: "path",
      required: true,
      description: describe(fieldSchema(request, field), field),
      schema: clean(fieldSchema(request, field) ?? { type: "string" }),
    });
  }
  for (const field of r.input.query ?? []) {
    const s = fieldSchema(request, field);
    parameters.push({ name: field, in: "query", required: required.has(field), description: describe(s, field), schema: clean(s ?? { type: "string" }) });
  }
  for (const [header, field] of Object.entries(r.input.headers ?? {})) {
    const s = fieldSchema(request, field);
    parameters.push({ name: header, in: "header", required: required.has(field), description: describe(s, field), schema: clean(s ?? { type: "string" }) });
  }
  if (r.creates) parameters.push({ $ref: "#/components/parameters/IdempotencyKey" });
  if (r.method === "GET" && r.auth === "public") parameters.push({ $ref: "#/components/parameters/IfNoneMatch" });

  const op: Operation = {
    tags: [r.tag],
    summary: r.summary,
    description: `${r.contract.description}\n\nSubject: \`${r.contract.subject}\`.`,
    security: r.auth === "public" ? [] : [{ bearer: [] }],
  };
  if (parameters.length) op.parameters = parameters;
  const body = bodySchema(r);
  if (body) op.requestBody = { required: ((body.required as string[] | undefined) ?? []).length > 0, content: { "application/json": { schema: body } } };
  if (r.input.rawForm) {
    op.requestBody = {
      required: true,
      content: {
        "application/x-www-form-urlencoded": {
          schema: { type: "object", additionalProperties: { type: "string" }, description: "Fields as the sender signed them; relayed unparsed." },
        },
      },
    };
  }

  const success: Record<string, unknown> = { description: r.status === 201 ? "Created." : "Success." };
  if (r.csv) success.content = { "text/csv": { schema: { type: "string", description: `Every item, streamed; columns: ${r.csv.columns.join(", ")}.` } } };
  else if (r.representation) {
    success.content = { [r.representation.type]: { schema: r.representation.binary ? { type: "string", format: "binary" } : { type: "string" } } };
  } else success.content = { "application/json": { schema: clean(r.contract.reply) }, ...(r.html ? { [r.html.type]: { schema: { type: "string" } } } : {}) };
  if (r.method === "GET" && r.auth === "public") success.headers = { ETag: { $ref: "#/components/headers/ETag" } };
  const responses: Record<string, unknown> = { [String(r.status)]: success };
  if (r.method === "GET" && r.auth === "public") responses["304"] = { description: "Not modified (If-None-Match matched the ETag)." };
  responses["400"] = problemRef("BadRequest");
  if (r.auth !== "public") responses["401"] = problemRef("Unauthenticated");
  responses["403"] = problemRef("Forbidden");
  if (Object.keys(r.input.path ?? {}).length) responses["404"] = problemRef("NotFound");
  responses["409"] = problemRef("Conflict");
  if (body || r.input.rawForm) responses["413"] = problemRef("PayloadTooLarge");
  if (r.creates) responses["422"] = problemRef("Unprocessable");
  responses["429"] = problemRef("RateLimited");
  responses["503"] = problemRef("Unavailable");
  responses["504"] = problemRef("Timeout");
  responses.default = problemRef("Problem");
  op.responses = responses;
  return op;
}

/** The JSON body: the request's fields that neither the path, the query nor the edge fills. */
function bodySchema(r: Route): Record<string, unknown> | undefined {
  if (!r.input.body) return undefined;
  const schema = clean(r.contract.request) as { properties?: Record<string, unknown>; required?: string[] };
  const filled = new Set(
    [
      ...Object.values(r.input.path ?? {}),
      ...(r.input.query ?? []),
      ...Object.keys(r.input.fixed ?? {}),
      ...Object.values(r.input.headers ?? {}),
      r.input.ip,
      r.input.principal,
      r.input.session,
    ].filter((f): f is string => !!f).map(topField),
  );
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => !filled.has(k)));
  if (!Object.keys(properties).length) return undefined;
  const out: Record<string, unknown> = { ...schema, properties };
  const required = (schema.required ?? []).filter((k) => !filled.has(k));
  if (required.length) out.required = required;
  else delete out.required;
  return out;
}

function describe(s: TSchema | undefined, field: string): string {
  return (s as { description?: string } | undefined)?.description ?? field;
}

/** A plain JSON copy without TypeBox's symbols and without `$id`s (they are not resolvable URLs). */
export function clean(schema: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema), (key, value) => (key === "$id" ? undefined : value)) as Record<string, unknown>;
}
