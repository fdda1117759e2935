import { expect } from "chai";
import { createServer, type Server } from "node:http";
import pg from "pg";
import type { AddressInfo } from "node:net";
import type { Nats } from "../nats.ts";
import { type Db, openDb } from "../db.ts";
import { createOpsApp, type OpsApp, type ReadinessCheck } from "../http.ts";
import { databaseUrl, testNats } from "../../../test/support/env.ts";
import { freePort } from "../../../test/support/nats-server.ts";

/** Serves `app.callback()` on an ephemeral port for the length of one test. */
async function listen(ops: OpsApp): Promise<{ base: string; server: Server }> {
  const server = createServer(ops.app.callback());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

type Readiness = { status: string; checks?: Record<string, string> };

describe("kit ops HTTP (/healthz /readyz)", () => {
  let nats: Nats;
  let db: Db;
  let server: Server | undefined;
  before(async () => {
    nats = await testNats("kit-http-test");
    db = await openDb({ schema: "kit_http", url: databaseUrl() });
  });
  afterEach(() => server?.close());
  after(async () => {
    await nats.nc.close();
    await db.destroy();
  });

  const checksOf = (n: Nats, d: Db): ReadinessCheck[] => [
    { name: "nats", check: async () => void (await n.nc.rtt()) },
    { name: "db:kit", check: async () => void (await d.raw("select 1")) },
  ];

  it("answers /healthz with 200", async () => {
    const ops = createOpsApp({ checks: [{ name: "never", check: () => Promise.reject(new Error("down")) }] });
    const l = await listen(ops);
    server = l.server;
    const res = await fetch(`${l.base}/healthz`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({ status: "ok" });
  });

  it("answers /readyz with 200 when NATS and the database answer", async () => {
    const ops = createOpsApp({ checks: checksOf(nats, db) });
    const l = await listen(ops);
    server = l.server;
    const res = await fetch(`${l.base}/readyz`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({ status: "ready", checks: { nats: "ok", "db:kit": "ok" } });
  });

  it("answers /readyz with 503 naming the check that fails (NATS closed, database unreachable)", async () => {
    const closedNats = await testNats("kit-http-closed");
    await closedNats.nc.close();
    // A database server that is not there: nothing listens on this port.
    const deadDb = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${await freePort()}/nowhere` });
    const ops = createOpsApp({
      timeoutMs: 1_000,
      checks: [
        { name: "nats", check: async () => void (await closedNats.nc.rtt()) },
        { name: "db:kit", check: async () => void (await db.raw("select 1")) },
      ],
    });
    const l = await listen(ops);
    server = l.server;
    const res = await fetch(`${l.base}/readyz`);
    expect(res.status).to.equal(503);
    const body = (await res.json()) as Readiness;
    expect(body.status).to.equal("unavailable");
    expect(body.checks!["db:kit"]).to.equal("ok");
    expect(body.checks!.nats).to.not.equal("ok");

    const dbDown = createOpsApp({
      timeoutMs: 1_000,
      checks: [{ name: "nats", check: async () => void (await nats.nc.rtt()) }, { name: "db:kit", check: async () => void (await deadDb.query("select 1")) }],
    });
    const l2 = await listen(dbDown);
    try {
      const res2 = await fetch(`${l2.base}/readyz`);
      expect(res2.status).to.equal(503);
      const body2 = (await res2.json()) as Readiness;
      expect(body2.checks).to.include({ nats: "ok" });
      expect(body2.checks!["db:kit"], "named, not explained (the reason is logged)").to.equal("failing");
      expect(JSON.stringify(body2)).to.not.match(/ECONNREFUSED|127\.0\.0\.1|postgres/);
    } finally {
      l2.server.close();
      await deadDb.end();
    }
  });

  it("answers /readyz with 503 naming a check that hangs past the timeout", async () => {
    const ops = createOpsApp({ timeoutMs: 200, checks: [{ name: "slow", check: () => new Promise<void>(() => undefined) }] });
    const l = await listen(ops);
    server = l.server;
    const res = await fetch(`${l.base}/readyz`);
    expect(res.status).to.equal(503);
    expect(await res.json()).to.deep.equal({ status: "unavailable", checks: { slow: "failing" } });
  });

  it("answers /readyz with 503 once draining, though every dependency answers", async () => {
    const ops = createOpsApp({ checks: checksOf(nats, db) });
    const l = await listen(ops);
    server = l.server;
    expect((await fetch(`${l.base}/readyz`)).status).to.equal(200);
    ops.drain();
    const res = await fetch(`${l.base}/readyz`);
    expect(res.status).to.equal(503);
    expect(await res.json()).to.deep.equal({ status: "draining" });
    expect((await fetch(`${l.base}/healthz`)).status).to.equal(200);
  });
});
