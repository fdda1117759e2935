/**
 * Holds and waitlist offers end on the kit's durable timers (kit/timers.ts): the reservation or
 * offer plans ("bookings.hold", orderId) or ("bookings.offer", entryId) in its own transaction
 * (a batch of reservations with kit/timers.ts scheduleTimersSql, usecases/inventory.ts),
 * and the fire expires it in the transaction that deletes the timer, so a crash between the two
 * cannot lose or repeat an expiry.
 *
 * Payment, cancellation, acceptance and decline do not cancel the timer: they hold the event's
 * inventory lock, and deleting a timer row that a fire has claimed (and that waits for the same
 * lock) would deadlock. The fire finds the order or offer already moved and does nothing.
 */
import type { Knex } from "knex";
import { scheduleTimer, type TimerHandler } from "../kit/timers.ts";
import type { Deps } from "./deps.ts";
import { HELD } from "./store.ts";
import { orderById } from "./store/tickets.ts";
import { expireInTrx } from "./transitions.ts";
import { endOffer } from "./waitlist.ts";
import { openOffer } from "./store/waitlist.ts";

export const HOLD_TIMER = "bookings.hold";
export const OFFER_TIMER = "bookings.offer";

export async function planOfferExpiry(trx: Knex.Transaction, entryId: string, expiresAt: Date): Promise<void> {
  await scheduleTimer(trx, { kind: OFFER_TIMER, key: entryId, dueAt: expiresAt });
}

export function expiryTimers(deps: Deps): TimerHandler[] {
  return [
    {
      kind: HOLD_TIMER,
      async handle(trx, timer) {
        if (await expireInTrx(deps, trx, timer.key, deps.now())) return;
        // Fired early by another replica's clock: plan it again for the hold's own time.
        const o = await orderById(trx, timer.key);
        if (o && HELD.includes(o.status) && o.reserved_until) await scheduleTimer(trx, { kind: HOLD_TIMER, key: o.id, dueAt: new Date(o.reserved_until) });
      },
    },
    {
      kind: OFFER_TIMER,
      async handle(trx, timer) {
        const e = await openOffer(trx, timer.key);
        if (!e || (await endOffer(deps, trx, e, "expired", deps.now()))) return;
        if (e.offer_expires_at) await scheduleTimer(trx, { kind: OFFER_TIMER, key: e.id, dueAt: new Date(e.offer_expires_at) });
      },
    },
  ];
}
