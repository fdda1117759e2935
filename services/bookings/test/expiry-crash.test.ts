/**
 * Holds end exactly once when the process firing their timers is killed: 600 paid holds lapse at
 * once in a bookings process that is SIGKILLed as soon as the first expiries commit (three times
 * over), then restarted. Every order ends expired with one evt.booking.expired, every seat is back
 * in its quota exactly once, and no timer is left.
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { type ServiceHarness, startServices } from "../../../test/support/harness.ts";
import { databaseUrl, natsEnv, testNats } from "../../../test/support/env.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { type Child, spawnTs } from "../../kit/test/helpers.ts";
import { openDb } from "../../kit/db.ts";
import { bookingsService } from "../index.ts";
import { bookings } from "../../../subjects/bookings.ts";
import { publishEventPublished } from "./support/published-event.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { HOLD_TIMER } from "../expiry-timers.ts";

const N = 600;
const worker = fileURLToPath(new URL("./support/worker.ts", import.meta.url));

describe("bookings: kill -9 while holds expire", function () {
  this.timeout(180_000);
  let h: ServiceHarness | undefined;
  let w: Child | undefined;

  after(async () => {
    w?.kill("SIGKILL");
    await w?.exited;
    await h?.stop();
  });

  it("expires each of 600 lapsed holds exactly once and returns every seat once", async () => {
    // 1. Holds made the normal way, by a bookings process that then stops.
    h = await startServices([bookingsService]);
    const nats = await testNats("bookings-crash-test");
    const organizer: Principal = { sub: randomUUID(), roles: ["organizer"] };
    const eventId = randomUUID();
    const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    await publishEventPublished(nats.js, { eventId, organizerId: organizer.sub, capacity: N, startsAt, title: "Crash", timeZone: "UTC" });
    const type = await eventually(
      "the event projected",
      () => h!.call(bookings.ticketTypesCreate, { eventId, name: "Paid", priceMinor: 1000, currency: "EUR" }, organizer).catch(() => undefined),
    );
    const orderIds: string[] = [];
    for (let i = 0; i < N; i += 50) {
      const batch = await Promise.all(
        Array.from(
          { length: 50 },
          () => h!.call(bookings.ordersCreate, { eventId, items: [{ ticketTypeId: type.id, quantity: 1 }] }, { sub: randomUUID(), roles: ["participant"] }),
        ),
      );
      for (const o of batch) orderIds.push(o.id);
    }
    const db = h.db("bookings");
    // (Other suites' held orders share the schema: count this test's.)
    expect(Number((await db("timers").where({ kind: HOLD_TIMER }).whereIn("key", orderIds).count({ n: "*" }))[0].n)).to.equal(N);
    await h.stop();
    h = undefined;
    await nats.nc.close();

    // 2. Their time comes, in a process that is killed as soon as the first expiries commit.
    const own = await openDb({ schema: "bookings", url: databaseUrl() });
    try {
      const past = new Date(Date.now() - 1_000);
      await own("orders").whereIn("id", orderIds).update({ reserved_until: past });
      await own("timers").where({ kind: HOLD_TIMER }).whereIn("key", orderIds).update({ due_at: past });
      const expiredEvents = async () =>
        Number(
          (await own("outbox").where({ subject: "evt.booking.expired" }).whereRaw("envelope::jsonb->'data'->>'eventId' = ?", [eventId]).count({ n: "*" }))[0].n,
        );
      const env = { ...natsEnv(), DATABASE_URL: databaseUrl(), LOG_LEVEL: "silent", HTTP_PORT: "0", TIMERS_POLL_MS: "50", SHUTDOWN_GRACE_MS: "1000" };
      let killedMidway = 0;
      for (let round = 0; round < 3; round++) {
        w = spawnTs(worker, env);
        await w.line(/bookings worker \d+ ready/, 60_000);
        const before = await expiredEvents();
        if (before === N) break;
        await eventually("expiries to commit", async () => (await expiredEvents()) > before, 30_000, 5);
        w.kill("SIGKILL");
        await w.exited;
        if ((await expiredEvents()) < N) killedMidway++;
      }
      expect(killedMidway, "the worker was killed while holds were still due").to.be.greaterThan(0);
      w = spawnTs(worker, env);
      await w.line(/bookings worker \d+ ready/, 60_000);
      await eventually("every hold to expire", async () => (await expiredEvents()) >= N, 60_000);

      const statuses: Array<{ status: string; n: string }> = await own("orders").whereIn("id", orderIds).groupBy("status").select("status").count({ n: "*" });
      expect(statuses.map((s) => [s.status, Number(s.n)])).to.deep.equal([["expired", N]]);
      const perOrder = await own("outbox").where({ subject: "evt.booking.expired" }).whereRaw("envelope::jsonb->'data'->>'eventId' = ?", [eventId]).select(
        own.raw("envelope::jsonb->'data'->>'orderId' as id"),
      ).count({ n: "*" }).groupByRaw("1");
      expect(perOrder).to.have.length(N);
      expect(perOrder.every((r) => Number(r.n) === 1)).to.equal(true);
      const quota = await own("quotas").where({ event_id: eventId, is_capacity: true }).first();
      expect(quota.taken).to.equal(0);
      const types = await own("ticket_types").where({ event_id: eventId }).select("name", "taken");
      expect(types.every((t) => t.taken === 0)).to.equal(true);
      expect(Number((await own("timers").where({ kind: HOLD_TIMER }).whereIn("key", orderIds).count({ n: "*" }))[0].n)).to.equal(0);
    } finally {
      await own.destroy();
    }
  });
});
