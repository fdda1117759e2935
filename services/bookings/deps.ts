/** What the use cases of the bookings service are given. */
import type { Db } from "../kit/db.ts";
import type { Nats } from "../kit/nats.ts";
import type { Logger } from "../kit/log.ts";
import type { OutboxRow } from "../kit/outbox.ts";
import type { Principal } from "../../subjects/principal.ts";
import type { Signer } from "./ticket-codes.ts";
import type { Inventory } from "./usecases/inventory.ts";

export type Deps = {
  db: Db;
  nats: Nats;
  log: Logger;
  /** Publish the outbox now (after a use case commits): the rows it wrote, or whatever a relay pass finds (kit/service.ts). */
  flushOutbox(committed?: OutboxRow[]): void;
  /** Whether the user is at least an admin of the organization (asks identity). */
  canActForOrg(principal: Principal, orgId: string): Promise<boolean>;
  /** The booker's public display name, named on tickets booked without attendee names (asks identity; undefined when it cannot say). */
  displayName(principal: Principal): Promise<string | undefined>;
  /** Forgets what this replica keeps of a user's display name (the projection just took a fact about it). */
  forgetDisplayName(userId: string): void;
  signer: Signer;
  /** The per-event inventory owner of this replica (set once at setup). */
  inventory: Inventory;
  config: {
    /** Most reservations of one event committed in one transaction. */
    batchMax: number;
    /** A batch of at most this many with none of its event ahead locks first and writes with its commit (0: never). */
    directBatchMax: number;
    /** Batches (of all events) committing at once in this replica; below the pool's size. */
    drainsMax: number;
    /** TEST ONLY: replace the guarded inventory by a naive count-then-insert (oversells). */
    naiveGuard: boolean;
  };
  now(): Date;
};

/** Source of every domain event this service emits. */
export const SOURCE = "bookings";
