/**
 * The booker's display name for tickets booked without attendee names. Names come from the people
 * projection (consumers/users-projection.ts); lookups made in the same tick share one query, so a
 * flash sale pays one query per batch of bookings instead of an identity round trip per booking.
 * Someone the projection does not know yet (registered before it existed, or its event still in
 * flight) is asked of identity once and remembered.
 *
 * A name found is kept in memory for NAME_KEPT_MS: a buyer books again and again in a sale, and each
 * booking waited for that query before it could join its event's mailbox (one query per tick, ≈ 65
 * bookings each in the flash sale). The projection's consumer forgets the name it just changed, so
 * this replica books under a new name as soon as it has the event; another replica's copy lives at
 * most NAME_KEPT_MS. A name nobody could say is not kept: identity may answer next time.
 */
import type { Principal } from "../../subjects/principal.ts";
import type { Db } from "../kit/db.ts";
import type { Deps } from "./deps.ts";
import { displayNamesOf, upsertDisplayName } from "./store.ts";

/** Takes a user's name from identity's registered/profile_updated event into the projection. */
export async function rememberDisplayName(deps: Deps, e: { occurredAt: string; data: { userId: string; displayName: string } }): Promise<void> {
  await upsertDisplayName(deps.db, e.data.userId, e.data.displayName, new Date(e.occurredAt));
  // Read again next time, whether this fact won (newer) or not (an older one arriving late).
  deps.forgetDisplayName(e.data.userId);
}

const NAME_KEPT_MS = 60_000;
const NAMES_MAX = 10_000;

export type AskIdentity = (principal: Principal) => Promise<string | undefined>;

export class DisplayNames {
  private pending = new Map<string, Array<{ principal: Principal; resolve(name: string | undefined): void }>>();
  private readonly kept = new Map<string, { name: string; until: number }>();
  /** Counts forgets: a lookup that was under way when one happened keeps nothing (it may have read the name before the change). */
  private forgets = 0;
  private readonly db: Db;
  private readonly ask: AskIdentity;

  constructor(db: Db, ask: AskIdentity) {
    this.db = db;
    this.ask = ask;
  }

  /** The principal's display name, or undefined when neither the projection nor identity can say. */
  of(principal: Principal): Promise<string | undefined> {
    const hit = this.kept.get(principal.sub);
    if (hit && hit.until > Date.now()) return Promise.resolve(hit.name);
    return new Promise((resolve) => {
      const waiting = this.pending.get(principal.sub);
      if (waiting) return void waiting.push({ principal, resolve });
      // After this turn's I/O callbacks, not its microtasks: requests whose principals were checked
      // off the event loop come back one callback each, and share the query only so.
      if (this.pending.size === 0) setImmediate(() => void this.flush());
      this.pending.set(principal.sub, [{ principal, resolve }]);
    });
  }

  /** Drops what is kept of `userId`'s name: the projection just took a fact about it. */
  forget(userId: string): void {
    this.forgets++;
    this.kept.delete(userId);
  }

  private keep(userId: string, name: string, forgetsBefore: number): void {
    if (forgetsBefore !== this.forgets) return;
    if (this.kept.size >= NAMES_MAX) this.kept.clear();
    this.kept.set(userId, { name, until: Date.now() + NAME_KEPT_MS });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    const forgets = this.forgets;
    // A booking must not fail because a name could not be read: the ticket then says "Guest".
    const known = await displayNamesOf(this.db, [...batch.keys()]).catch(() => new Map<string, string>());
    for (const [userId, waiting] of batch) {
      const name = known.get(userId);
      if (name !== undefined) {
        this.keep(userId, name, forgets);
        for (const w of waiting) w.resolve(name);
        continue;
      }
      void this.askIdentity(userId, waiting);
    }
  }

  private async askIdentity(userId: string, waiting: Array<{ principal: Principal; resolve(name: string | undefined): void }>): Promise<void> {
    const forgets = this.forgets;
    const name = await this.ask(waiting[0].principal).catch(() => undefined);
    if (name !== undefined) this.keep(userId, name, forgets);
    for (const w of waiting) w.resolve(name);
    // Remembered as of the epoch: any fact from identity's events is newer and wins.
    if (name !== undefined) await upsertDisplayName(this.db, userId, name, new Date(0)).catch(() => undefined);
  }
}
