/**
 * The rate limiter on a real NATS KV bucket: exact fixed windows, one budget shared by replicas
 * (two limiters on two connections stand for two edge replicas), blocks that spare KV round
 * trips without admitting more, and failing open when KV is gone.
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { pino } from "pino";
import { connect } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/nats-core";
import type { KV } from "@nats-io/kv";
import { type CounterStore, type Limit, openRateLimitBucket, RateLimiter, retryAfterOf } from "../rate-limit.ts";
import { testNatsOptions } from "../../../test/support/env.ts";

const quiet = pino({ level: "silent" });

/** A bucket handle that counts the KV calls made through it. */
function counting(kv: KV): { store: CounterStore; calls: { put: number; get: number } } {
  const calls = { put: 0, get: 0 };
  return {
    calls,
    store: {
      put: (k, data, opts) => (calls.put++, kv.put(k, data, opts)),
      get: (k, opts) => (calls.get++, kv.get(k, opts)),
    },
  };
}

/** Fires all hits at once; returns how many were admitted and the errors of the others. */
async function admitted(hits: Array<Promise<void>>): Promise<{ admitted: number; refused: unknown[] }> {
  const results = await Promise.allSettled(hits);
  const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  return { admitted: results.length - refused.length, refused };
}

describe("RateLimiter (NATS KV)", () => {
  const connections: NatsConnection[] = [];
  const limiters: RateLimiter[] = [];
  let kvA: KV;
  let kvB: KV;

  const replica = (kv: CounterStore, opts: { maxBlock?: number } = {}) => {
    const l = new RateLimiter({ kv, log: quiet, ...opts });
    limiters.push(l);
    return l;
  };

  before(async function () {
    this.timeout(20_000);
    const [a, b] = await Promise.all([connect(testNatsOptions()), connect(testNatsOptions())]);
    connections.push(a, b);
    [kvA, kvB] = await Promise.all([openRateLimitBucket(jetstream(a)), openRateLimitBucket(jetstream(b))]);
  });
  after(async () => {
    for (const l of limiters) l.stop();
    await Promise.all(connections.map((nc) => nc.close()));
  });

  it("admits exactly max requests in a window, then refuses with rate_limited and Retry-After ≥ 1 s", async () => {
    const limiter = replica(kvA);
    const limit: Limit = { max: 5, windowMs: 60_000 };
    const key = `ip:10.0.0.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    for (let i = 0; i < limit.max; i++) await limiter.hit(key, limit);
    const err = await limiter.hit(key, limit).then(() => undefined, (e: unknown) => e);
    expect(err, "the 6th hit").to.have.property("code", "rate_limited");
    expect(retryAfterOf(err)).to.be.within(1, 60);
  });

  it("shares one budget between replicas: two limiters on two connections admit max in total, fired concurrently", async () => {
    const [a, b] = [replica(kvA), replica(kvB)];
    const limit: Limit = { max: 10, windowMs: 60_000 };
    const key = `auth:2001:db8::${randomUUID().slice(0, 4)}`; // an IPv6 key: ':' is not a KV key character
    const { admitted: n, refused } = await admitted(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).hit(key, limit)));
    // Blocks are 1 for a limit this small, so the budget is spent exactly.
    expect(n).to.equal(limit.max);
    for (const e of refused) expect(retryAfterOf(e)).to.be.at.least(1);
  });

  it("reserves in blocks (few KV calls) and still never admits more than max across replicas", async () => {
    const a = counting(kvA);
    const b = counting(kvB);
    const [ra, rb] = [replica(a.store), replica(b.store)];
    const limit: Limit = { max: 200, windowMs: 60_000 };
    const key = `user:${randomUUID()}`;
    const hits = 300;
    const { admitted: n } = await admitted(Array.from({ length: hits }, (_, i) => (i % 2 ? ra : rb).hit(key, limit)));
    expect(n).to.be.at.most(limit.max);
    // The documented slack: a block one replica reserved and did not spend (at most max/20 each).
    expect(n).to.be.at.least(limit.max - 2 * (limit.max / 20));
    expect(a.calls.put + b.calls.put, "KV writes").to.be.below(hits / 4);
  });

  it("opens a new window once the old one ends", async () => {
    const limiter = replica(kvA);
    const limit: Limit = { max: 2, windowMs: 1_000 };
    const key = `ip:${randomUUID()}`;
    const start = Date.now() - (Date.now() % limit.windowMs);
    await limiter.hit(key, limit, start);
    await limiter.hit(key, limit, start + 10);
    const err = await limiter.hit(key, limit, start + 20).then(() => undefined, (e: unknown) => e);
    expect(retryAfterOf(err)).to.equal(1);
    await limiter.hit(key, limit, start + limit.windowMs);
    await limiter.hit(key, limit, start + limit.windowMs + 1);
  });

  it("opens a new window in real time with a short windowMs", async function () {
    this.timeout(10_000);
    const limiter = replica(kvB);
    const limit: Limit = { max: 1, windowMs: 300 };
    const key = `ip:${randomUUID()}`;
    // Start right after a boundary so the two hits below fall in one window.
    await new Promise((r) => setTimeout(r, limit.windowMs - (Date.now() % limit.windowMs) + 5));
    await limiter.hit(key, limit);
    const err = await limiter.hit(key, limit).then(() => undefined, (e: unknown) => e);
    expect(err).to.have.property("code", "rate_limited");
    await new Promise((r) => setTimeout(r, limit.windowMs));
    await limiter.hit(key, limit);
  });

  it("fails open when KV is unreachable: admits and logs once", async () => {
    const nc = await connect(testNatsOptions());
    const kv = await openRateLimitBucket(jetstream(nc));
    await nc.close();
    const lines: Array<Record<string, unknown>> = [];
    const log = pino(
      { level: "warn", base: undefined },
      new Writable({ write: (chunk, _enc, cb) => (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), cb()) }),
    );
    const limiter = new RateLimiter({ kv, log });
    limiters.push(limiter);
    const limit: Limit = { max: 1, windowMs: 60_000 };
    const key = `ip:${randomUUID()}`;
    for (let i = 0; i < 5; i++) await limiter.hit(key, limit);
    expect(lines.map((l) => l.msg)).to.deep.equal(["rate limits unavailable: admitting requests (fail open)"]);
  });
});
