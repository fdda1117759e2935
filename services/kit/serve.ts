/**
 * Request-reply endpoints on the NATS micro protocol (@nats-io/services), so every service is
 * discoverable with $SRV.PING/INFO/STATS. The micro API validates nothing: here each request and
 * reply is checked against its contract, errors travel as {code, message, status, details}, and a
 * handler bug becomes a 500 without its stack leaving the process.
 */
import process from "node:process";
import { type Service, type ServiceMsg, Svcm } from "@nats-io/services";
import type { NatsConnection } from "@nats-io/nats-core";
import { check } from "./validate.ts";
import { AppError, toErrorBody } from "./errors.ts";
import { context, DURATION_BUCKETS_SECONDS, requestSpanContext, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from "./trace.ts";
import { readRequestHeaders, type RequestHeaders } from "./headers.ts";
import { startSpan } from "./spans.ts";
import { boundHistogram, type Histogram, type Recorder } from "./histograms.ts";
import { textOf, utf8 } from "./utf8.ts";
import type { Logger } from "./log.ts";
import type { ReplyOf, RequestContract, RequestOf } from "../../subjects/contract.ts";
import type { Principal } from "../../subjects/principal.ts";
import { loadPrincipalKeys, principalVerifier } from "./principal-token.ts";

export type HandlerContext = {
  /**
   * The authenticated caller, if the request came on behalf of one: signed by the edge
   * (kit/principal-token.ts). Pass this very object to `call` to act on the caller's behalf.
   */
  principal?: Principal;
  /** Epoch ms after which the caller has given up. */
  deadline: number;
  log: Logger;
};

export type Handler<C extends RequestContract> = (input: RequestOf<C>, ctx: HandlerContext) => Promise<ReplyOf<C>>;

export type Endpoint = {
  contract: RequestContract;
  handle: (input: unknown, ctx: HandlerContext) => Promise<unknown>;
};

/** Binds a handler to its contract; the types of input and reply come from the contract. */
export function endpoint<C extends RequestContract>(contract: C, handle: Handler<C>): Endpoint {
  return { contract, handle: handle as Endpoint["handle"] };
}

export type Served = {
  service: Service;
  /** Stops taking requests and waits for those in flight. */
  stop(): Promise<void>;
};

export async function serve(
  nc: NatsConnection,
  opts: {
    name: string;
    version: string;
    description: string;
    log: Logger;
    /** Reads a signed principal header (default: with the keys of the process environment, kit/principal-token.ts). */
    principals?: (token: string) => Principal | Promise<Principal>;
  },
  endpoints: Endpoint[],
): Promise<Served> {
  const principals = opts.principals ?? principalVerifier(loadPrincipalKeys(process.env, { mints: false }).verifying);
  const service = await new Svcm(nc).add({ name: opts.name, version: opts.version, description: opts.description });
  const duration = boundHistogram("rpc_server_duration_seconds", {
    unit: "s",
    description: "Time to answer a request, by subject and error code.",
    boundaries: DURATION_BUCKETS_SECONDS,
  });
  const inFlight = new InFlight();

  for (const ep of endpoints) {
    const { contract } = ep;
    const answering: Answering = { ep, subject: contract.subject, log: opts.log, principals, answered: durationsOf(duration, contract.subject), inFlight };
    const name = contract.subject.slice(`svc.${contract.service}.`.length).replaceAll(".", "-") || contract.subject;
    service.addEndpoint(name, {
      subject: contract.subject,
      metadata: { request_schema: String(contract.request.$id), reply_schema: String(contract.reply.$id) },
      handler: (err, msg) => {
        if (err) {
          opts.log.error({ err, subject: contract.subject }, "endpoint subscription failed");
          return;
        }
        void answer(answering, msg);
      },
    });
  }

  return {
    service,
    async stop() {
      await service.stop().catch(() => undefined);
      await inFlight.idle();
    },
  };
}

type Principals = (token: string) => Principal | Promise<Principal>;

/** An endpoint and what answering it needs, bound once. */
type Answering = { ep: Endpoint; subject: string; log: Logger; principals: Principals; answered: (errorCode: string) => Recorder; inFlight: InFlight };

/** Requests being answered, counted rather than kept: a promise and a closure per request cost more than the count (bench/rpc.ts). */
class InFlight {
  #count = 0;
  #idle: (() => void) | undefined;

  begin(): void {
    this.#count++;
  }

  end(): void {
    if (--this.#count === 0 && this.#idle) {
      this.#idle();
      this.#idle = undefined;
    }
  }

  idle(): Promise<void> {
    if (this.#count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const before = this.#idle;
      this.#idle = () => {
        before?.();
        resolve();
      };
    });
  }
}

function answer(a: Answering, msg: ServiceMsg): Promise<void> {
  // The trace context, deadline and principal, read once.
  const headers = readRequestHeaders(msg);
  return respond(a, msg, headers, startSpan(a.subject, SpanKind.SERVER, { "rpc.system": "nats", "rpc.method": a.subject }, requestSpanContext(headers, msg)));
}

/** Never rejects: whatever happens is answered, logged and recorded here. */
async function respond(a: Answering, msg: ServiceMsg, headers: RequestHeaders, span: Span): Promise<void> {
  a.inFlight.begin();
  const started = performance.now();
  const { ep, subject, log } = a;
  let errorCode = "";
  try {
    // A principal met before is at hand; a new one's signature is checked off the event loop.
    let principal = headers.principal === undefined ? undefined : a.principals(headers.principal);
    if (principal instanceof Promise) principal = await principal;
    const ctx = contextOf(headers, log, principal);
    const data = msg.data;
    let raw: unknown;
    try {
      raw = data.length ? JSON.parse(textOf(data)) : {};
    } catch {
      throw new AppError("invalid_request", "body: is not valid JSON");
    }
    const input = check(ep.contract.request, raw);
    // The span is active for the handler: its logs, calls and queries join the caller's trace.
    // Only for the handler: what the kit does around it (the reply's publish and the socket write
    // it schedules, the span's end and the batch processor's timers) runs outside that context
    // frame, so nothing long-lived captures a frame per request. With all of it inside, each
    // young-generation GC kept ~2.3 MB alive instead of ~1.2-1.8 and a request-reply took ~10%
    // more CPU (same-run A/B on bench/rpc.ts's payload, docs/benchmarks.md).
    const reply = await context.with(trace.setSpan(ROOT_CONTEXT, span), ep.handle, undefined, input, ctx);
    try {
      check(ep.contract.reply, reply);
    } catch (err) {
      // Our bug, not the caller's: never send a reply that breaks the contract.
      logIn(span, () => log.error({ subject, details: (err as AppError).details }, "reply does not match its schema"));
      throw new AppError("internal", "internal error");
    }
    msg.respond(utf8(JSON.stringify(reply)));
  } catch (err) {
    const body = toErrorBody(err);
    errorCode = body.code;
    span.setAttribute("error.code", body.code);
    if (!(err instanceof AppError) || body.status >= 500) {
      logIn(span, () => log.error({ err, subject }, "request failed"));
      // A caller's mistake (4xx) is the answer working; a failure of ours marks the span.
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: body.message });
    }
    try {
      // The description also travels in a header, which cannot hold CR or LF (nats.js throws and
      // the caller would wait out its deadline): a message echoing what a caller sent may. The
      // body keeps it whole.
      msg.respondError(body.status, headerSafe(body.message), utf8(JSON.stringify(body)));
    } catch (sendErr) {
      // The connection closed under us: the caller times out, as it would had we crashed.
      logIn(span, () => log.warn({ err: sendErr, subject }, "could not answer"));
    }
  } finally {
    a.answered(errorCode).record((performance.now() - started) / 1000);
    span.end();
    a.inFlight.end();
  }
}

/** Logs of a failure carry the request's trace and span ids, as the handler's do. */
function logIn(span: Span, write: () => void): void {
  context.with(trace.setSpan(ROOT_CONTEXT, span), write);
}

/** The endpoint's duration cells: the success cell bound up front, one per error code on first use. */
function durationsOf(duration: Histogram, subject: string): (errorCode: string) => Recorder {
  const cells = new Map<string, Recorder>([["", duration.cell({ rpc_method: subject, error_code: "" })]]);
  return (errorCode) => {
    let cell = cells.get(errorCode);
    if (!cell) {
      cell = duration.cell({ rpc_method: subject, error_code: errorCode });
      cells.set(errorCode, cell);
    }
    return cell;
  };
}

// A header that is there but not signed by the edge (forged, tampered, expired) was refused before
// (the verifier throws), never read as anonymous.
function contextOf(headers: RequestHeaders, log: Logger, principal: Principal | undefined): HandlerContext {
  const deadline = Number(headers.deadline) || Date.now() + 5_000;
  return { principal, deadline, log };
}

/** A text for a header value: control characters (CR, LF, tab…) become spaces. */
function headerSafe(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 || c === 0x7f ? " " : ch;
  }
  return out;
}
