/**
 * The shape of every contract between services. A contract is data: a subject name, its JSON
 * Schemas (TypeBox builds them, so the TypeScript types are derived from the same source) and
 * whether it may be retried. Services import contracts from here and never copy them.
 */
import type { Static, TSchema } from "@sinclair/typebox";

/** Base of every schema `$id`; the version of a message lives in its `$id`. */
export const SCHEMA_BASE = "https://convene.dev/schemas/";

export type RequestContract<Req extends TSchema = TSchema, Rep extends TSchema = TSchema> = {
  readonly kind: "request";
  /** `svc.<service>.<resource>.<verb>`. WARNING: renaming a subject strands requests in flight. */
  readonly subject: string;
  readonly service: string;
  readonly version: number;
  readonly description: string;
  readonly request: Req;
  readonly reply: Rep;
  /** Repeating the call changes nothing more than doing it once, so `call` may retry it. */
  readonly idempotent: boolean;
};

export type MessageContract<D extends TSchema = TSchema> = {
  /** `event`: a durable domain fact on EVENTS; `job`: a unit of work on WORK. */
  readonly kind: "event" | "job";
  /** `evt.<aggregate>.<past_tense>` or `work.<service>.<job>`; also the envelope's `type`.
   * WARNING: renaming a subject strands messages already in the stream. */
  readonly subject: string;
  readonly version: number;
  readonly description: string;
  readonly data: D;
};

export type Contract = RequestContract | MessageContract;

export type RequestOf<C extends RequestContract> = Static<C["request"]>;
export type ReplyOf<C extends RequestContract> = Static<C["reply"]>;
export type DataOf<C extends MessageContract> = Static<C["data"]>;

function withId<S extends TSchema>(schema: S, id: string): S {
  return { ...schema, $id: `${SCHEMA_BASE}${id}` };
}

export function request<Req extends TSchema, Rep extends TSchema>(c: {
  subject: string;
  version?: number;
  description: string;
  request: Req;
  reply: Rep;
  idempotent: boolean;
}): RequestContract<Req, Rep> {
  const version = c.version ?? 1;
  const service = c.subject.split(".")[1];
  if (!c.subject.startsWith("svc.") || !service) throw new Error(`request subject must be svc.<service>.<resource>.<verb>: ${c.subject}`);
  return {
    kind: "request",
    subject: c.subject,
    service,
    version,
    description: c.description,
    request: withId(c.request, `${c.subject}/v${version}/request.json`),
    reply: withId(c.reply, `${c.subject}/v${version}/reply.json`),
    idempotent: c.idempotent,
  };
}

export function event<D extends TSchema>(c: { subject: string; version?: number; description: string; data: D }): MessageContract<D> {
  if (!c.subject.startsWith("evt.")) throw new Error(`event subject must be evt.<aggregate>.<past_tense>: ${c.subject}`);
  const version = c.version ?? 1;
  return { kind: "event", subject: c.subject, version, description: c.description, data: withId(c.data, `${c.subject}/v${version}/data.json`) };
}

export function job<D extends TSchema>(c: { subject: string; version?: number; description: string; data: D }): MessageContract<D> {
  if (!c.subject.startsWith("work.")) throw new Error(`job subject must be work.<service>.<job>: ${c.subject}`);
  const version = c.version ?? 1;
  return { kind: "job", subject: c.subject, version, description: c.description, data: withId(c.data, `${c.subject}/v${version}/data.json`) };
}
