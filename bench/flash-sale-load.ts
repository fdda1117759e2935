/**
 * The clients of bench/flash-sale.ts, in their own thread: the 500 buyers calling the bookings
 * service over NATS (as the edge would, with a minted principal) or the edge over HTTP. In
 * production they are other machines; on the platform's thread they took a share of the event
 * loop the service needs and added their own turns to every latency measured.
 * Talks to the main thread by messages: it is told a sale to run and posts back its latencies.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createPrivateKey, randomUUID } from "node:crypto";
import { callForJson } from "../services/kit/call.ts";
import { mintPrincipalsOn } from "../services/kit/principal-token.ts";
import { connectNats } from "../services/kit/nats.ts";
import { bookings } from "../subjects/bookings.ts";
import type { Principal } from "../subjects/principal.ts";

export type LoadInput = { natsUrl: string; signingKeyPem: string; clients: number };
/** Main → worker: one sale, through the service as `principals` in turn, or through the edge as one user. */
export type SaleOrder = { events: string[]; via: { service: Principal[] } | { edge: string; token: string } };
/** Worker → main: the booked latencies (ms, in completion order) and the failed calls. */
export type SaleDone = { latencies: number[]; errors: number; seconds: number; cpuSeconds: number } | { failed: string };

const port = parentPort!;
const input = workerData as LoadInput;
const client = await connectNats({ servers: input.natsUrl, name: "flash-sale-load" });
// The platform trusts the main thread's development key pair: this thread signs with it.
mintPrincipalsOn(client.nc, createPrivateKey(input.signingKeyPem));

type Outcome = "ok" | "sold_out" | "error";

function viaService(principals: Principal[]) {
  let turn = 0;
  return async (eventId: string, seats: number): Promise<Outcome> => {
    try {
      // The reply as the text the service sent, as the edge forwards it: the clients need no parse.
      await callForJson(client.nc, bookings.ordersCreate, { eventId, seats }, { principal: principals[turn++ % principals.length], timeoutMs: 30_000 });
      return "ok";
    } catch (err) {
      return (err as { code?: string }).code === "sold_out" ? "sold_out" : "error";
    }
  };
}

function viaEdge(base: string, token: string) {
  return async (eventId: string, seats: number): Promise<Outcome> => {
    const r = await fetch(`${base}/v1/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": randomUUID() },
      body: JSON.stringify({ eventId, seats }),
    });
    await r.arrayBuffer();
    return r.status === 201 ? "ok" : r.status === 409 ? "sold_out" : "error";
  };
}

/** `clients` clients, each booking 1 or 2 seats of a random open event until all are sold out. */
async function sale(events: string[], book: (eventId: string, seats: number) => Promise<Outcome>): Promise<SaleDone> {
  const open = new Set(events);
  const latencies: number[] = [];
  let errors = 0;
  const cpu = process.threadCpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: input.clients }, async (_, c) => {
      while (open.size > 0) {
        const list = [...open];
        const eventId = list[(c + latencies.length) % list.length];
        const seats = 1 + ((c + latencies.length) % 2);
        const t = performance.now();
        const outcome = await book(eventId, seats);
        if (outcome === "ok") latencies.push(performance.now() - t);
        else if (outcome === "sold_out") {
          // One seat may still be left for a one-seat booking.
          if (seats === 1 || (await book(eventId, 1)) === "sold_out") open.delete(eventId);
        } else if (++errors > 1_000) throw new Error("over 1,000 failed bookings: stopping (see the service's log)");
      }
    }),
  );
  const used = process.threadCpuUsage(cpu);
  return { latencies, errors, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

port.on("message", (order: SaleOrder | "stop") => {
  if (order === "stop") {
    void client.nc.close().then(() => port.close());
    return;
  }
  const book = "service" in order.via ? viaService(order.via.service) : viaEdge(order.via.edge, order.via.token);
  sale(order.events, book).then(
    (done) => port.postMessage(done),
    (err) => port.postMessage({ failed: (err as Error).stack ?? String(err) } satisfies SaleDone),
  );
});
port.postMessage("ready");
