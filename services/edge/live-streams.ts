/**
 * Live streams per user across every edge replica: each open stream is a key
 * `<userId>.<streamId>` in the KV bucket EDGE_LIVE_STREAMS, written when it opens, rewritten on
 * every heartbeat and deleted when it closes. The bucket's max_age drops the keys of a replica
 * that died without closing its streams (nats-server 2.9 has no per-key TTL), so a user is never
 * locked out for longer than that. Two opens at the same instant may both pass (a soft cap);
 * if KV fails, the stream opens (fail open, like the rate limits) and the replica's own count
 * still caps it.
 */
import { type KV, Kvm } from "@nats-io/kv";
import type { JetStreamClient } from "@nats-io/jetstream";
import type { Logger } from "../kit/log.ts";

export const LIVE_STREAMS_BUCKET = "EDGE_LIVE_STREAMS";

/** Creates or opens the bucket; a key lives `ttlMs` after its last heartbeat. */
export function openLiveStreamsBucket(js: JetStreamClient, ttlMs: number): Promise<KV> {
  return new Kvm(js).create(LIVE_STREAMS_BUCKET, { ttl: ttlMs, history: 1, description: "Open live (SSE) streams per user, shared by the edge's replicas." });
}

export type LiveStreams = {
  /** How many streams the user has open on every replica together (0 when KV cannot say). */
  count(userId: string): Promise<number>;
  /** Marks a stream open (again, on each heartbeat). */
  touch(userId: string, streamId: string): Promise<void>;
  close(userId: string, streamId: string): Promise<void>;
};

export function liveStreams(kv: KV, log: Logger): LiveStreams {
  const key = (userId: string, streamId: string) => `${userId}.${streamId}`;
  const quiet = (what: string) => (err: unknown) => log.warn({ err, bucket: LIVE_STREAMS_BUCKET }, `live stream registry: ${what} failed`);
  return {
    async count(userId) {
      try {
        let n = 0;
        for await (const _ of await kv.keys(`${userId}.*`)) n++;
        return n;
      } catch (err) {
        quiet("count")(err);
        return 0;
      }
    },
    touch: (userId, streamId) => kv.put(key(userId, streamId), "1").then(() => undefined, quiet("touch")),
    close: (userId, streamId) => kv.delete(key(userId, streamId)).then(() => undefined, quiet("close")),
  };
}
