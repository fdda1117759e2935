/**
 * The expiry sweep: claims due holds and lapsed waitlist offers and ends them, each in its own
 * transaction. Every replica sweeps; the guarded transition makes a second attempt a no-op, so an
 * expiry happens once even
 * when the replica that held it was killed mid-way (its transaction rolled back; the next sweep
 * takes the row again).
 * REVIEW: services/kit/timers.ts (durable timers) replaces this loop once it is on main.
 */
import type { Deps } from "../deps.ts";
import { meter } from "../../kit/trace.ts";
import { expireInTrx } from "./transitions.ts";
import { expireOffers } from "./waitlist.ts";

export async function expireDueHolds(deps: Deps, limit = 200): Promise<number> {
  const now = deps.now();
  let n = 0;
  // Read the due ids without locking them: each expiry then takes the event's inventory lock
  // first, like every other transition (one lock order, no deadlock), and its guarded UPDATE
  // makes a replica that comes second change nothing.
  const due: string[] = await deps.db("orders").whereIn("status", ["reserved", "awaiting_payment"]).where("reserved_until", "<=", now).orderBy("reserved_until").limit(limit).pluck("id");
  overdue = due.length;
  for (const id of due) if (await deps.db.transaction((trx) => expireInTrx(deps, trx, id, now))) n++;
  if (n) deps.flushOutbox();
  return n + (await expireOffers(deps, now));
}

/** Holds found past their time by the last sweep (an alert fires when they pile up). */
let overdue = 0;

export function startSweeper(deps: Deps, everyMs: number): { stop(): Promise<void>; kick(): Promise<number> } {
  meter().createObservableGauge("bookings_holds_overdue", { description: "Holds past reservedUntil that the last expiry sweep found." }).addCallback((r) => r.observe(overdue));
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;
  const tick = () => (running = running.then(() => expireDueHolds(deps)).catch((err) => (deps.log.warn({ err }, "expiry sweep failed"), 0)));
  const timer = setInterval(() => void (stopped || tick()), everyMs);
  timer.unref?.();
  return {
    kick: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
