/**
 * Popularity as views decayed over time, kept as one number per event that never needs a rescore:
 * hot = ln Σ exp((t_view − epoch) / τ). Every event's decayed count at time t is
 * exp(hot − (t − epoch)/τ): the factor is common to all events, so ordering by `hot` is ordering
 * by decayed views, at any moment, with a plain index. A view adds one term in log space:
 * hot' = max(hot, x) + ln(1 + exp(−|hot − x|)), x = (now − epoch)/τ. Half-life: 3 days.
 * n views at once add one term of weight n (+ ln n); bookings, once they exist, will add
 * weighted terms the same way.
 */
import type { Deps } from "./deps.ts";
import { addViews } from "./store.ts";

const EPOCH_S = Date.UTC(2025, 0, 1) / 1000;
const HALF_LIFE_S = 3 * 86_400;
const TAU_S = HALF_LIFE_S / Math.LN2;

/** Counts `times` views of a published event now; returns its views (0 when not published). */
export async function countView(deps: Deps, eventId: string, times = 1): Promise<number> {
  const x = (deps.now().getTime() / 1000 - EPOCH_S) / TAU_S + Math.log(times);
  return addViews(deps.db, eventId, times, x);
}
