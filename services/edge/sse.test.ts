import { expect } from "chai";
import { EventEmitter } from "node:events";
import type Koa from "koa";
import type { NatsConnection } from "@nats-io/nats-core";
import { createLogger } from "../kit/log.ts";
import { sseHub } from "./sse.ts";

describe("edge sse hub (a client that leaves while its stream opens)", () => {
  it("writes nothing, starts no heartbeat and frees the user's slot when the client went during the subscription's round trip", async () => {
    // Each open's round trip, held until the test lets it return.
    const flushes: Array<() => void> = [];
    let flushAsked = Promise.withResolvers<void>();
    let unsubscribed = 0;
    const nc = {
      subscribe: () => ({ unsubscribe: () => void unsubscribed++ }),
      flush: () =>
        new Promise<void>((resolve) => {
          flushes.push(resolve);
          flushAsked.resolve();
        }),
    } as unknown as NatsConnection;
    const hub = sseHub({ nc, log: createLogger({ name: "test", level: "silent" }), heartbeatMs: 10, maxPerUser: 1 });
    const res = Object.assign(new EventEmitter(), {
      writeHead: () => expect.fail("headers written for a client that left"),
      flushHeaders: () => undefined,
    });
    const socket = { setTimeout: () => undefined, setKeepAlive: () => undefined };
    const ctx = { res, req: { socket }, get: () => "", query: {}, respond: true } as unknown as Koa.Context;
    const principal = { sub: "0b8a3f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", roles: ["participant" as const] };

    const opening = hub.open(ctx, principal);
    await flushAsked.promise;
    res.emit("close");
    flushes[0]();
    await opening;
    expect(hub.size).to.equal(0);
    expect(unsubscribed).to.equal(1);
    expect(ctx.respond).to.equal(false);
    // No heartbeat was started for it (it would write to the ended stream and keep the slot).
    await new Promise((r) => setTimeout(r, 30));
    expect(hub.size).to.equal(0);
    // The user's one slot is free again: a second open gets as far as its own round trip.
    flushAsked = Promise.withResolvers<void>();
    const again = hub.open(
      { ...ctx, res: Object.assign(new EventEmitter(), { writeHead: () => undefined, flushHeaders: () => undefined }) } as unknown as Koa.Context,
      principal,
    );
    await flushAsked.promise;
    expect(hub.size).to.equal(1);
    hub.closeAll();
    flushes[1]();
    await again.catch(() => undefined);
  });
});
