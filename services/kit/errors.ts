/**
 * One error shape for the whole platform. It travels over NATS as the body of a service error
 * and leaves the edge as RFC 9457 problem+json. `expose` (as in Koa) says whether the message
 * is safe to show a client; anything unexpected becomes a 500 with a generic message.
 */
export type ErrorBody = {
  /** Stable, machine-readable, snake_case. */
  code: string;
  message: string;
  status: number;
  /** E.g. for validation: [{ field, message }]. */
  details?: unknown;
};

export const ErrorCodes = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  no_responders: 503,
  timeout: 504,
} as const;

// `string & {}` keeps the known codes in editor completion while allowing any string.
// deno-lint-ignore ban-types
export type ErrorCode = keyof typeof ErrorCodes | (string & {});

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;
  readonly expose: boolean;

  constructor(code: ErrorCode, message: string, opts: { status?: number; details?: unknown; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.status = opts.status ?? (ErrorCodes as Record<string, number>)[code] ?? 500;
    this.details = opts.details;
    this.expose = this.status < 500 || code === "no_responders" || code === "timeout" || code === "unavailable";
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message, status: this.status };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }

  static from(body: ErrorBody): AppError {
    return new AppError(body.code, body.message, { status: body.status, details: body.details });
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError("invalid_request", message, { details });
export const unauthenticated = (message = "authentication required") => new AppError("unauthenticated", message);
export const forbidden = (message = "not allowed") => new AppError("forbidden", message);
export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const conflict = (message: string, details?: unknown) => new AppError("conflict", message, { details });

/** What a client may see of any thrown value: AppErrors as they are, everything else hidden. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof AppError && err.expose) return err.toBody();
  if (err instanceof AppError) return { code: err.code, message: "internal error", status: err.status };
  return { code: "internal", message: "internal error", status: 500 };
}
