/** What the use cases of the payments service are given. */
import type { Db } from "../kit/db.ts";
import type { Logger } from "../kit/log.ts";
import type { OutboxRow } from "../kit/outbox.ts";
import type { Principal } from "../../subjects/principal.ts";
import type { OrderView } from "../../subjects/bookings.ts";
import type { PaymentProvider } from "./providers/provider.ts";

export type EventOwner = { eventId: string; organizerId: string; organizationId: string | null; title: string };

export type Deps = {
  db: Db;
  log: Logger;
  provider: PaymentProvider;
  /** Publish the outbox now (after a use case commits): the rows it wrote, or whatever a relay pass finds (kit/service.ts). */
  flushOutbox(committed?: OutboxRow[]): void;
  now(): Date;
  /** The bookings side of the saga (svc.bookings.orders.*), called without a principal. */
  bookings: {
    get(orderId: string): Promise<OrderView>;
    beginPayment(orderId: string, paymentId: string): Promise<OrderView>;
    /** Confirms many paid orders at once (a batch of callbacks): one outcome per item, in order. */
    settleMany(items: Array<{ orderId: string; paymentId: string }>): Promise<{ results: Array<{ orderId: string; outcome: "confirmed" | "gone" }> }>;
  };
  /** Who owns an event: the projection, else the events service (a published event is public to it). */
  eventOwner(eventId: string): Promise<EventOwner | undefined>;
  /** Whether the user is at least an admin of the organization (asks identity). */
  canActForOrg(principal: Principal, orgId: string): Promise<boolean>;
  config: {
    /** Our result URL as the provider calls it; its last segment is the signed script name. */
    resultUrl: string;
    callbackScript: string;
    /** Ask the provider about a pending payment this long after it was created, then every reconcileEveryMs. */
    reconcileAfterMs: number;
    reconcileEveryMs: number;
  };
};

/** Source of every domain event this service emits. */
export const SOURCE = "payments";

/** The provider accepts pg_lifetime of 300 s at least; a hold with less left cannot be paid safely. */
export const MIN_LIFETIME_SECONDS = 300;
