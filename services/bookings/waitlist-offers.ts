/**
 * The rule of offering freed seats to a waitlist: while sales are open and the event has not
 * started, entries are offered seats in queue order; a group larger than what is free keeps its
 * place and smaller groups behind it may go first; each offer lasts the event's offer minutes.
 */

/** Which waiting entries (queue order) get an offer at `now`, and until when; none once sales closed or the event began. */
export function offersFor(
  waiting: Array<{ id: string; seats: number }>,
  free: number | null,
  window: { salesClose: Date; startsAt: Date; offerMinutes: number },
  now: Date,
): Array<{ id: string; seats: number; expiresAt: Date }> {
  if (free === 0 || window.salesClose <= now || window.startsAt <= now) return [];
  let left = free ?? Infinity;
  const offers: Array<{ id: string; seats: number; expiresAt: Date }> = [];
  const expiresAt = new Date(now.getTime() + window.offerMinutes * 60_000);
  for (const e of waiting) {
    if (left <= 0) break;
    if (e.seats > left) continue;
    offers.push({ id: e.id, seats: e.seats, expiresAt });
    left -= e.seats;
  }
  return offers;
}
