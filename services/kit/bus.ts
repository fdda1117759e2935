/**
 * Who may do what on NATS, derived from code. Each service declares in its definition what it
 * calls, publishes, listens to, consumes and stores (`bus`); `permissionsOf` turns that and the
 * service's name into nats-server permissions: it subscribes only to its own request subjects
 * (svc.<name>.>, so nobody else can answer them), its own inbox and what it declared; it
 * publishes only the subjects it declared (its events and jobs, the requests it makes) and
 * answers requests it received (allow_responses). deploy/nats-conf.ts writes one user per
 * service with these permissions for `make up`, the tests and the Helm chart, so the three
 * cannot drift from the code, and run() refuses to start a service whose endpoints or consumers
 * step outside its declaration.
 */
import type { MessageContract, RequestContract } from "../../subjects/contract.ts";
import { type StreamName, streams } from "../../subjects/streams.ts";

export type BusAccess = {
  /** Requests this service sends (contracts or svc.* subjects, wildcards allowed). */
  calls?: Array<RequestContract | string>;
  /** What it publishes: its domain events and jobs (contracts or subjects, wildcards allowed). */
  publishes?: Array<MessageContract | string>;
  /** Core subjects it subscribes to besides its own requests and inbox (e.g. the edge's cache invalidation). */
  listens?: string[];
  /** Streams its durable consumers read (subjects/streams.ts). */
  consumes?: StreamName[];
  /**
   * The durable names of its consumers (WARNING: stored in JetStream). Declared, its user may
   * create, read, pull, ack and delete only these on the streams of `consumes`, and dead-letter
   * only to their `dlq.<durable>`; undeclared, any consumer on those streams (kit tests' services).
   */
  durables?: string[];
  /** Streams it reads single messages from without a consumer (the dead-letter admin). */
  reads?: StreamName[];
  /** KV buckets it opens or creates (the bucket's stream KV_<name> and its $KV.<name>.> subjects). */
  kv?: string[];
  /** Object stores it opens or creates (OBJ_<name>, $O.<name>.>). */
  objects?: string[];
  /** Object stores it only reads (the edge serving attachments). */
  readObjects?: string[];
};

export type Permissions = {
  publish: { allow: string[] };
  subscribe: { allow: string[] };
  /** Replies to requests it received (nats-server keeps the permission 2 minutes by default). */
  allow_responses?: { max: number };
};

/** The inbox prefix of a service's connection: replies to its requests come only to it. */
export function inboxPrefixOf(service: string): string {
  return `_INBOX_${service.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/** The subjects of a JetStream stream's API a client of that stream uses (info, consumers, direct get). */
function streamApi(stream: string): string[] {
  return [`$JS.API.STREAM.INFO.${stream}`, `$JS.API.STREAM.MSG.GET.${stream}`, `$JS.API.DIRECT.GET.${stream}`, `$JS.API.DIRECT.GET.${stream}.>`];
}

/** A stream's consumers: create, update, info, delete (an ordered consumer's own), next, acks. */
function consumerApi(stream: string): string[] {
  return [
    `$JS.API.CONSUMER.*.${stream}`,
    `$JS.API.CONSUMER.*.${stream}.>`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.>`,
    `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.>`,
    `$JS.ACK.${stream}.>`,
  ];
}

/** One durable consumer of a stream: create or update (with or without a filter in the subject), info, delete, next, acks. */
function durableApi(stream: string, durable: string): string[] {
  return [
    `$JS.API.CONSUMER.*.${stream}.${durable}`,
    `$JS.API.CONSUMER.CREATE.${stream}.${durable}.>`,
    `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.${durable}`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
    `$JS.ACK.${stream}.${durable}.>`,
  ];
}

/** A stream the service owns (its KV bucket or object store): everything on it. */
function ownedStreamApi(stream: string): string[] {
  return [
    `$JS.API.*.*.${stream}`,
    `$JS.API.*.*.${stream}.>`,
    `$JS.API.STREAM.MSG.*.${stream}`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.>`,
    `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.>`,
    `$JS.ACK.${stream}.>`,
  ];
}

const subjectOf = (x: { subject: string } | string) => (typeof x === "string" ? x : x.subject);
const unique = (xs: string[]) => [...new Set(xs)];

/** The permissions of service `name` declaring `bus`. */
export function permissionsOf(name: string, bus: BusAccess = {}): Permissions {
  const publish: string[] = [
    // Its own subjects too: a use case may call another of its own service.
    `svc.${name}.>`,
    ...(bus.calls ?? []).map(subjectOf),
    ...(bus.publishes ?? []).map(subjectOf),
    // JetStream: account info, and whether the platform's streams exist (it waits for them at
    // boot). Only the streams user creates and updates them (streamsPermissions); no service may.
    "$JS.API.INFO",
    ...Object.values(streams).map((s) => `$JS.API.STREAM.INFO.${s.name}`),
  ];
  const subscribe: string[] = [
    `svc.${name}.>`,
    `${inboxPrefixOf(name)}.>`,
    // The micro protocol's discovery ($SRV.PING/INFO/STATS[.<name>[.<id>]]).
    "$SRV.>",
    ...(bus.listens ?? []),
  ];
  for (const key of bus.consumes ?? []) {
    const stream = streams[key].name;
    publish.push(...streamApi(stream));
    if (bus.durables) {
      for (const durable of bus.durables) {
        publish.push(...durableApi(stream, durable), `dlq.${durable}`);
        subscribe.push(`$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${stream}.${durable}`);
      }
    } else {
      publish.push(...consumerApi(stream), "dlq.>");
      subscribe.push(`$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${stream}.>`);
    }
  }
  for (const key of bus.reads ?? []) publish.push(...streamApi(streams[key].name));
  for (const bucket of bus.kv ?? []) publish.push(`$KV.${bucket}.>`, ...ownedStreamApi(`KV_${bucket}`));
  for (const store of bus.objects ?? []) publish.push(`$O.${store}.>`, ...ownedStreamApi(`OBJ_${store}`));
  for (const store of bus.readObjects ?? []) publish.push(...streamApi(`OBJ_${store}`), ...consumerApi(`OBJ_${store}`));
  // Up to 3 replies per request: an idempotent call is sent up to 3 times with one reply subject
  // (kit/call.ts), and each copy is answered.
  return { publish: { allow: unique(publish) }, subscribe: { allow: unique(subscribe) }, allow_responses: { max: 3 } };
}

/**
 * The NATS user that creates and updates the platform's streams (EVENTS, WORK, DEAD_LETTERS…):
 * the bootstrap run by the migrations job, or by a process given its seed (NATS_STREAMS_NKEY_SEED,
 * make up and the tests). Not a service: it answers nothing and may delete nothing.
 */
export const STREAMS_USER = "streams";

/** What the streams user may do: create, update and inspect the platform's streams, nothing else. */
export function streamsPermissions(): Permissions {
  return {
    publish: { allow: ["$JS.API.INFO", ...Object.values(streams).flatMap((s) => ["INFO", "CREATE", "UPDATE"].map((op) => `$JS.API.STREAM.${op}.${s.name}`))] },
    subscribe: { allow: [`${inboxPrefixOf(STREAMS_USER)}.>`] },
  };
}

const declaredCalls = new WeakMap<object, { service: string; patterns: string[]; seen: Map<string, boolean> }>();

/** Makes `call` on `nc` refuse, with a clear error, a request `service` did not declare (the server would drop it silently). */
export function holdToDeclaredCalls(nc: object, service: string, permissions: Permissions): void {
  declaredCalls.set(nc, { service, patterns: permissions.publish.allow.filter((s) => s.startsWith("svc.")), seen: new Map() });
}

/** Why a request on `nc` to `subject` would be refused by the server, if it would. */
export function undeclaredCall(nc: object, subject: string): string | undefined {
  const d = declaredCalls.get(nc);
  if (!d) return undefined;
  let ok = d.seen.get(subject);
  if (ok === undefined) d.seen.set(subject, ok = d.patterns.some((p) => subjectMatches(p, subject)));
  return ok ? undefined : `${d.service} does not declare ${subject} in bus.calls (services/${d.service}/index.ts); its NATS user may not send it`;
}

/** Whether `subject` is matched by the NATS pattern `pattern` (`*` one token, `>` the rest). */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split(".");
  const s = subject.split(".");
  for (let i = 0; i < p.length; i++) {
    if (p[i] === ">") return s.length > i;
    if (i >= s.length || (p[i] !== "*" && p[i] !== s[i])) return false;
  }
  return p.length === s.length;
}
