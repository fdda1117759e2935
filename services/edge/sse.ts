/**
 * Server-Sent Events: a user's new inbox items as they arrive on core NATS (live.inbox.<userId>),
 * resumable with Last-Event-ID. On (re)connect the subscription starts first, then missed items
 * are fetched and written, then the live items that arrived meanwhile (minus duplicates), so no
 * item falls in the gap between the two.
 */
import { PassThrough } from "node:stream";
import type Koa from "koa";
import type { NatsConnection, Subscription } from "@nats-io/nats-core";
import type { Principal } from "../../subjects/principal.ts";
import type { Logger } from "../kit/log.ts";
import { call } from "../kit/call.ts";
import { AppError } from "../kit/errors.ts";
import { liveInboxSubject, notifications } from "../../subjects/notifications.ts";
import type { LiveStreams } from "./live-streams.ts";

export { liveInboxSubject };

export type InboxItem = { id?: unknown } & Record<string, unknown>;
/** Items after `lastEventId`, oldest first (the notifications service's inbox list). */
export type MissedSince = (principal: Principal, lastEventId: string) => Promise<InboxItem[]>;

/** What keeps a stream's right to stay open: its token's expiry and its session (checked on every heartbeat). */
export type StreamGrant = { expiresAt: number; stillValid(): Promise<boolean> };

export type SseHub = {
  /** Opens a stream; refuses (429) a user who already has `maxPerUser` open (on every replica together, with `registry`). */
  open(ctx: Koa.Context, principal: Principal, grant?: StreamGrant): Promise<void>;
  /** Ends every open stream (shutdown). */
  closeAll(): void;
  readonly size: number;
};

const decoder = new TextDecoder();

export function sseHub(
  opts: { nc: NatsConnection; log: Logger; heartbeatMs: number; missedSince?: MissedSince; maxPerUser?: number; registry?: LiveStreams },
): SseHub {
  const open = new Set<() => void>();
  const perUser = new Map<string, number>();
  const maxPerUser = opts.maxPerUser ?? 5;
  return {
    get size() {
      return open.size;
    },
    closeAll() {
      for (const close of [...open]) close();
    },
    async open(ctx, principal, grant) {
      // Each stream holds a socket and a subscription until the client goes: a cap per user keeps
      // one account from holding the edge's sockets — on this replica, and with the shared
      // registry on all of them together (live-streams.ts).
      const streams = perUser.get(principal.sub) ?? 0;
      const everywhere = streams >= maxPerUser ? streams : Math.max(streams, (await opts.registry?.count(principal.sub)) ?? 0);
      if (everywhere >= maxPerUser) {
        throw new AppError("rate_limited", `at most ${maxPerUser} live streams per user; close one first`, { details: { retryAfterSeconds: 30 } });
      }
      perUser.set(principal.sub, (perUser.get(principal.sub) ?? 0) + 1);
      const streamId = crypto.randomUUID();
      void opts.registry?.touch(principal.sub, streamId);
      const stream = new PassThrough();
      // A write after the client went is dropped, never an unhandled error.
      stream.on("error", () => undefined);
      const write = (item: InboxItem) => {
        const id = typeof item.id === "string" || typeof item.id === "number" ? String(item.id).replace(/[\r\n]/g, "") : undefined;
        stream.write(`${id ? `id: ${id}\n` : ""}event: notification\ndata: ${JSON.stringify(item)}\n\n`);
      };
      // Assigned once below, but read by close() which must exist first.
      // deno-lint-ignore prefer-const
      let sub: Subscription | undefined;
      // deno-lint-ignore prefer-const
      let heartbeat: ReturnType<typeof setInterval> | undefined;
      const close = () => {
        if (!open.delete(close)) return;
        const left = (perUser.get(principal.sub) ?? 1) - 1;
        if (left > 0) perUser.set(principal.sub, left);
        else perUser.delete(principal.sub);
        void opts.registry?.close(principal.sub, streamId);
        clearInterval(heartbeat);
        sub?.unsubscribe();
        stream.end();
      };
      open.add(close);
      ctx.res.on("close", close);
      ctx.req.socket.setTimeout(0);
      ctx.req.socket.setKeepAlive(true);

      let buffered: InboxItem[] | undefined = [];
      sub = opts.nc.subscribe(liveInboxSubject(principal.sub), {
        callback: (err, msg) => {
          if (err) return close();
          let item: InboxItem;
          try {
            item = JSON.parse(decoder.decode(msg.data)) as InboxItem;
          } catch {
            opts.log.warn({ subject: msg.subject }, "live inbox message is not JSON; dropped");
            return;
          }
          if (buffered) buffered.push(item);
          else write(item);
        },
      });

      // The server has the subscription once a round trip on its connection returns: only then is
      // the client told it is connected (an item published by another connection in between would
      // otherwise pass this stream by). A flush that fails (NATS reconnecting) is no reason to
      // refuse the stream: the subscription is renewed on reconnect, as for a stream already open.
      await opts.nc.flush().catch(() => undefined);
      // The client may have gone meanwhile (close() ran): nothing more to write, nothing to start.
      if (!open.has(close)) return void (ctx.respond = false);

      // Written straight to the socket: Koa's piping of a stream body reports every client that
      // goes away as an error.
      ctx.status = 200;
      ctx.respond = false;
      ctx.res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" });
      ctx.res.flushHeaders();
      stream.pipe(ctx.res);
      stream.write("retry: 3000\n: connected\n\n");

      const lastEventId = ctx.get("Last-Event-ID") || (typeof ctx.query.lastEventId === "string" ? ctx.query.lastEventId : "");
      const seen = new Set<string>();
      if (lastEventId && opts.missedSince) {
        try {
          for (const item of await opts.missedSince(principal, lastEventId)) {
            seen.add(String(item.id));
            write(item);
          }
        } catch (err) {
          // The stream still works live; the client can reload the inbox list.
          opts.log.warn({ err }, "could not fetch missed inbox items");
          stream.write(`event: resync\ndata: {}\n\n`);
        }
      }
      if (!open.has(close)) return;
      for (const item of buffered) if (!seen.has(String(item.id))) write(item);
      buffered = undefined;
      // A stream lives no longer than its token, nor than its session (logout-all ends it).
      heartbeat = setInterval(() => {
        if (grant && Date.now() >= grant.expiresAt) return close();
        stream.write(": keep-alive\n\n");
        void opts.registry?.touch(principal.sub, streamId);
        grant?.stillValid().then(
          (ok) => ok || close(),
          () => undefined,
        );
      }, opts.heartbeatMs);
      heartbeat.unref?.();
    },
  };
}

/**
 * Missed items from the notifications service: its inbox list runs newest first by cursor, so
 * page back until an item at or before `lastEventId` (ids are increasing integers), at most
 * `maxItems`; beyond that the client is told to resync by listing its inbox.
 */
export function inboxMissedSince(nc: NatsConnection, opts: { maxItems?: number; timeoutMs?: number } = {}): MissedSince {
  const maxItems = opts.maxItems ?? 200;
  return async (principal, lastEventId) => {
    if (!/^[0-9]{1,19}$/.test(lastEventId)) return [];
    const last = BigInt(lastEventId);
    const missed: InboxItem[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await call(nc, notifications.inboxList, cursor ? { cursor, limit: 100 } : { limit: 100 }, { principal, timeoutMs: opts.timeoutMs ?? 2_000 });
      for (const item of page.items) {
        if (BigInt(item.id) <= last) return missed.reverse();
        missed.push(item);
        if (missed.length >= maxItems) throw new Error(`more than ${maxItems} missed items`);
      }
      if (!page.nextCursor) return missed.reverse();
      cursor = page.nextCursor;
    }
  };
}
