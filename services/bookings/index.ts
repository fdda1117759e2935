/**
 * bookings: ticket types and quotas, orders that are never oversold (a per-event inventory owner
 * that batches reservations under the event's row lock), holds that expire once, signed tickets
 * with QR codes, check-in, participants and waitlists. Learns events from evt.event.* (a
 * projection), and talks to payments over svc.bookings.orders.* and evt.payment.*.
 */
import { Type } from "@sinclair/typebox";
import { defineService } from "../kit/service.ts";
import { call } from "../kit/call.ts";
import { identity } from "../../subjects/identity.ts";
import { bookingEvents, ticketEvents, waitlistEvents } from "../../subjects/bookings.ts";
import { schema } from "./migrations/001-bookings.ts";
import { expiryTimers as expiryTimersMigration } from "./migrations/002-expiry-timers.ts";
import { people } from "./migrations/003-people.ts";
import { batchRowsWithoutFk } from "./migrations/004-batch-rows-without-fk.ts";
import type { Deps } from "./deps.ts";
import { Inventory } from "./usecases/inventory.ts";
import { createSigner } from "./ticket-codes.ts";
import { DisplayNames } from "./display-names.ts";
import { expiryTimers } from "./expiry-timers.ts";
import { EVENTS_CONSUMER, eventsProjectionConsumer } from "./consumers/events-projection.ts";
import { PAYMENTS_CONSUMER, PAYMENTS_FAILED_CONSUMER, releaseFailedPaymentsConsumer } from "./consumers/release-failed-payments.ts";
import { PAYMENTS_REFUNDED_CONSUMER, recordRefundsConsumer } from "./consumers/record-refunds.ts";
import { USERS_CONSUMER, usersProjectionConsumer } from "./consumers/users-projection.ts";
import { ordersCreateEndpoint } from "./endpoints/orders-create.ts";
import { ordersGetEndpoint } from "./endpoints/orders-get.ts";
import { ordersCancelEndpoint } from "./endpoints/orders-cancel.ts";
import { ordersBeginPaymentEndpoint } from "./endpoints/orders-begin-payment.ts";
import { ordersSettleEndpoint } from "./endpoints/orders-settle.ts";
import { ordersSettleManyEndpoint } from "./endpoints/orders-settle-many.ts";
import { ordersMineEndpoint } from "./endpoints/orders-mine.ts";
import { availabilityGetEndpoint } from "./endpoints/availability-get.ts";
import { settingsGetEndpoint } from "./endpoints/settings-get.ts";
import { settingsPutEndpoint } from "./endpoints/settings-put.ts";
import { ticketTypesListEndpoint } from "./endpoints/ticket-types-list.ts";
import { ticketTypesCreateEndpoint } from "./endpoints/ticket-types-create.ts";
import { ticketTypesUpdateEndpoint } from "./endpoints/ticket-types-update.ts";
import { quotasCreateEndpoint } from "./endpoints/quotas-create.ts";
import { registrationsListEndpoint } from "./endpoints/registrations-list.ts";
import { salesGetEndpoint } from "./endpoints/sales-get.ts";
import { attendeesListEndpoint } from "./endpoints/attendees-list.ts";
import { ticketsGetEndpoint } from "./endpoints/tickets-get.ts";
import { ticketsQrEndpoint } from "./endpoints/tickets-qr.ts";
import { ticketsForOrderEndpoint } from "./endpoints/tickets-for-order.ts";
import { ticketsPublicKeyEndpoint } from "./endpoints/tickets-public-key.ts";
import { checkInsScanEndpoint } from "./endpoints/check-ins-scan.ts";
import { checkInsUploadEndpoint } from "./endpoints/check-ins-upload.ts";
import { checkInsPackageEndpoint } from "./endpoints/check-ins-package.ts";
import { checkInsListEndpoint } from "./endpoints/check-ins-list.ts";
import { waitlistJoinEndpoint } from "./endpoints/waitlist-join.ts";
import { waitlistMineEndpoint } from "./endpoints/waitlist-mine.ts";
import { waitlistLeaveEndpoint } from "./endpoints/waitlist-leave.ts";
import { waitlistAcceptEndpoint } from "./endpoints/waitlist-accept.ts";
import { waitlistDeclineEndpoint } from "./endpoints/waitlist-decline.ts";
import { waitlistListEndpoint } from "./endpoints/waitlist-list.ts";

/** A fixed development key, so replicas of `make up` agree; production sets its own. */
const DEV_TICKET_KEY = "ZGV2LW9ubHktdGlja2V0LWtleS1jaGFuZ2UtbWUtISE";

export const BookingsEnv = Type.Object({
  BOOKINGS_TICKET_KEY: Type.String({
    minLength: 43,
    maxLength: 44,
    default: DEV_TICKET_KEY,
    description: "Ed25519 seed (32 bytes, base64url) that signs ticket codes; the same on every replica. Rotating it invalidates issued codes.",
  }),
  BOOKINGS_BATCH_MAX: Type.Integer({
    minimum: 1,
    maximum: 5_000,
    default: 500,
    description: "Most reservations of one event committed in one transaction by the inventory owner.",
  }),
  BOOKINGS_DIRECT_BATCH_MAX: Type.Integer({
    minimum: 0,
    maximum: 5_000,
    default: 16,
    description:
      "A reservation batch this small, with no batch of its event ahead of it, takes the event's lock first and writes its rows with its commit (two round trips instead of four); larger batches write before the lock. 0: every batch writes before the lock.",
  }),
  BOOKINGS_DRAINS_MAX: Type.Integer({
    minimum: 1,
    maximum: 100,
    default: 6,
    description:
      "Reservation batches (of all events) committing at once per replica; keep it below the database pool's 10 connections, so reads and transitions still get one.",
  }),
  BOOKINGS_UNSAFE_NAIVE_GUARD: Type.Boolean({
    default: false,
    description:
      "TEST ONLY: book with a naive count-then-insert instead of the inventory owner; it oversells (the concurrency test proves it races). Never set in production.",
  }),
});

export const bookingsService = defineService({
  name: "bookings",
  bus: {
    calls: [identity.canActForOrg, identity.profilesGet],
    publishes: [...Object.values(bookingEvents), ...Object.values(waitlistEvents), ...Object.values(ticketEvents)],
    consumes: ["EVENTS"],
    // PAYMENTS_CONSUMER: the durable the two payments ones replaced, deleted at start (kit/consume.ts retireReplaced).
    durables: [EVENTS_CONSUMER, USERS_CONSUMER, PAYMENTS_FAILED_CONSUMER, PAYMENTS_REFUNDED_CONSUMER, PAYMENTS_CONSUMER],
  },
  version: "0.1.0",
  description: "Ticket types, orders and holds, signed tickets, check-in and waitlists.",
  env: BookingsEnv,
  migrations: [schema, expiryTimersMigration, people, batchRowsWithoutFk],
  devSecrets: (
    env,
  ) => [{ name: "BOOKINGS_TICKET_KEY", insecure: env.BOOKINGS_TICKET_KEY === DEV_TICKET_KEY, why: "is the development default (anyone could sign tickets)" }],
  async setup(rt) {
    const env = rt.env;
    if (env.BOOKINGS_UNSAFE_NAIVE_GUARD) rt.log.warn("BOOKINGS_UNSAFE_NAIVE_GUARD is on: bookings can oversell (tests only)");
    // A booking must not fail because a profile could not be read: the ticket then says "Guest".
    const names = new DisplayNames(
      rt.db,
      async (principal) =>
        (await call(rt.nats.nc, identity.profilesGet, { userId: principal.sub }, { principal, timeoutMs: 2_000 }).catch(() => undefined))?.displayName,
    );
    const deps = {
      db: rt.db,
      nats: rt.nats,
      log: rt.log,
      flushOutbox: (committed) => rt.flushOutbox(committed),
      async canActForOrg(principal, orgId) {
        const r = await call(rt.nats.nc, identity.canActForOrg, { userId: principal.sub, orgId, minRole: "admin" }, { principal, timeoutMs: 3_000 });
        return r.allowed;
      },
      displayName: (principal) => names.of(principal),
      forgetDisplayName: (userId) => names.forget(userId),
      signer: createSigner(env.BOOKINGS_TICKET_KEY),
      config: {
        batchMax: env.BOOKINGS_BATCH_MAX,
        directBatchMax: env.BOOKINGS_DIRECT_BATCH_MAX,
        drainsMax: env.BOOKINGS_DRAINS_MAX,
        naiveGuard: env.BOOKINGS_UNSAFE_NAIVE_GUARD,
      },
      now: () => new Date(),
    } as Deps;
    deps.inventory = new Inventory(deps);
    return {
      endpoints: [
        ordersCreateEndpoint(deps),
        ordersGetEndpoint(deps),
        ordersCancelEndpoint(deps),
        ordersBeginPaymentEndpoint(deps),
        ordersSettleEndpoint(deps),
        ordersSettleManyEndpoint(deps),
        ordersMineEndpoint(deps),
        availabilityGetEndpoint(deps),
        settingsGetEndpoint(deps),
        settingsPutEndpoint(deps),
        ticketTypesListEndpoint(deps),
        ticketTypesCreateEndpoint(deps),
        ticketTypesUpdateEndpoint(deps),
        quotasCreateEndpoint(deps),
        registrationsListEndpoint(deps),
        salesGetEndpoint(deps),
        attendeesListEndpoint(deps),
        ticketsGetEndpoint(deps),
        ticketsQrEndpoint(deps),
        ticketsForOrderEndpoint(deps),
        ticketsPublicKeyEndpoint(deps),
        checkInsScanEndpoint(deps),
        checkInsUploadEndpoint(deps),
        checkInsPackageEndpoint(deps),
        checkInsListEndpoint(deps),
        waitlistJoinEndpoint(deps),
        waitlistMineEndpoint(deps),
        waitlistLeaveEndpoint(deps),
        waitlistAcceptEndpoint(deps),
        waitlistDeclineEndpoint(deps),
        waitlistListEndpoint(deps),
      ],
      consumers: [eventsProjectionConsumer(deps), usersProjectionConsumer(deps), releaseFailedPaymentsConsumer(deps), recordRefundsConsumer(deps)],
      timers: expiryTimers(deps),
    };
  },
});
