/**
 * The booker's display name for tickets booked without attendee names. Names come from the people
 * projection (consumers/users-projection.ts); lookups made in the same tick share one query, so a
 * flash sale pays one query per batch of bookings instead of an identity round trip per booking.
 * Someone the projection does not know yet (registered before it existed, or its event still in
 * flight) is asked of identity once and remembered.
 */
import type { Principal } from "../../subjects/principal.ts";
import type { Db } from "../kit/db.ts";
import type { Deps } from "./deps.ts";
import { displayNamesOf, upsertDisplayName } from "./store.ts";

/** Takes a user's name from identity's registered/profile_updated event into the projection. */
export async function rememberDisplayName(deps: Deps, e: { occurredAt: string; data: { userId: string; displayName: string } }): Promise<void> {
  await upsertDisplayName(deps.db, e.data.userId, e.data.displayName, new Date(e.occurredAt));
}

export type AskIdentity = (principal: Principal) => Promise<string | undefined>;

export class DisplayNames {
  private pending = new Map<string, Array<{ principal: Principal; resolve(name: string | undefined): void }>>();
  private readonly db: Db;
  private readonly ask: AskIdentity;

  constructor(db: Db, ask: AskIdentity) {
    this.db = db;
    this.ask = ask;
  }

  /** The principal's display name, or undefined when neither the projection nor identity can say. */
  of(principal: Principal): Promise<string | undefined> {
    return new Promise((resolve) => {
      const waiting = this.pending.get(principal.sub);
      if (waiting) return void waiting.push({ principal, resolve });
      if (this.pending.size === 0) queueMicrotask(() => void this.flush());
      this.pending.set(principal.sub, [{ principal, resolve }]);
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    // A booking must not fail because a name could not be read: the ticket then says "Guest".
    const known = await displayNamesOf(this.db, [...batch.keys()]).catch(() => new Map<string, string>());
    for (const [userId, waiting] of batch) {
      const name = known.get(userId);
      if (name !== undefined) {
        for (const w of waiting) w.resolve(name);
        continue;
      }
      void this.askIdentity(userId, waiting);
    }
  }

  private async askIdentity(userId: string, waiting: Array<{ principal: Principal; resolve(name: string | undefined): void }>): Promise<void> {
    const name = await this.ask(waiting[0].principal).catch(() => undefined);
    for (const w of waiting) w.resolve(name);
    // Remembered as of the epoch: any fact from identity's events is newer and wins.
    if (name !== undefined) await upsertDisplayName(this.db, userId, name, new Date(0)).catch(() => undefined);
  }
}
