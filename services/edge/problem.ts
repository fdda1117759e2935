/**
 * Every failure leaves the edge as RFC 9457 problem+json: a `type` URI per stable `code`, a
 * title, the status, a human `detail`, and for validation the offending fields. Nothing else of
 * an unexpected error leaves the process (no message, no stack).
 */
import type Koa from "koa";
import { AppError, type ErrorBody, toErrorBody } from "../kit/errors.ts";
import type { FieldError } from "../kit/validate.ts";

export const PROBLEM_BASE = "https://convene.dev/problems/";
export const PROBLEM_TYPE = "application/problem+json";

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
  /** A client error's structured details (e.g. the challenge of totp_required), never a 5xx's. */
  details?: Record<string, unknown>;
};

const titles: Record<string, string> = {
  invalid_request: "Invalid request",
  unauthenticated: "Authentication required",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  not_implemented: "Not implemented",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  unprocessable: "Unprocessable request",
  idempotency_key_reused: "Idempotency key reused with another request",
  idempotency_in_flight: "A request with this idempotency key is in progress",
  rate_limited: "Too many requests",
  message_rate_limited: "The event's message limit is reached",
  internal: "Internal error",
  unavailable: "Service unavailable",
  no_responders: "Service unavailable",
  timeout: "Upstream timeout",
};

/** Codes for HTTP errors thrown by Koa middleware (koa-jwt, bodyparser) that carry only a status. */
const codeOfStatus: Record<number, string> = {
  400: "invalid_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "unprocessable",
  429: "rate_limited",
  503: "unavailable",
};

type HttpError = Error & { status?: number; statusCode?: number; expose?: boolean; type?: string };

/** Maps anything thrown to its problem; only exposable messages are shown. */
export function toProblem(err: unknown, instance?: string): Problem {
  let body: ErrorBody;
  const http = err as HttpError;
  const status = http?.status ?? http?.statusCode;
  if (!(err instanceof AppError) && typeof status === "number" && status >= 400 && status < 500 && http.expose !== false) {
    // Koa-style HTTP errors: bodyparser (413, invalid JSON), koa-jwt (401).
    const unparsable = http.type === "entity.parse.failed" || err instanceof SyntaxError;
    const code = unparsable ? "invalid_request" : (codeOfStatus[status] ?? "invalid_request");
    const detail = unparsable ? "body: is not valid JSON" : http.type === "entity.too.large" ? "body: is larger than the limit" : http.message;
    body = { code, message: detail, status };
    if (unparsable || http.type === "entity.too.large") {
      body.details = [{ field: "body", message: unparsable ? "is not valid JSON" : "is larger than the limit" }];
    }
  } else {
    body = toErrorBody(err);
  }
  const problem: Problem = {
    type: `${PROBLEM_BASE}${body.code}`,
    title: titles[body.code] ?? titles[codeOfStatus[body.status] ?? ""] ?? "Error",
    status: body.status,
    detail: body.message,
    code: body.code,
  };
  if (instance) problem.instance = instance;
  if (Array.isArray(body.details) && body.details.every(isFieldError)) problem.errors = body.details;
  else if (body.status < 500 && typeof body.details === "object" && body.details !== null && !Array.isArray(body.details)) {
    problem.details = body.details as Record<string, unknown>;
  }
  return problem;
}

function isFieldError(v: unknown): v is FieldError {
  return typeof v === "object" && v !== null && typeof (v as FieldError).field === "string" && typeof (v as FieldError).message === "string";
}

export function sendProblem(ctx: Koa.Context, problem: Problem): void {
  ctx.status = problem.status;
  ctx.type = PROBLEM_TYPE;
  ctx.body = JSON.stringify(problem);
}
