/**
 * notifications-planner: reads EVENTS. Identity facts feed the projections (and the
 * transactional emails); event facts become fan-out plans published as deliver jobs.
 * WARNING: the durable name is stored in JetStream and processed_messages; renaming it is a migration.
 */
import type { ConsumerSpec } from "../../kit/consume.ts";
import { on, once } from "../../kit/consume.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { eventEvents } from "../../../subjects/events.ts";
import { bookingEvents, waitlistEvents } from "../../../subjects/bookings.ts";
import { paymentEvents } from "../../../subjects/payments.ts";
import type { NotificationKind } from "../../../subjects/notifications.ts";
import { type ConsumerDeps, delivered, type Deps } from "../deps.ts";
import { planFanout } from "../usecases/plan-fanout.ts";
import { planTransactional } from "../usecases/plan-transactional.ts";
import { planInvitation } from "../usecases/plan-invitation.ts";
import { tellNamedAttendees } from "../usecases/tell-named-attendees.ts";
import { onBookingFact } from "../usecases/on-booking-fact.ts";
import { onUserFact } from "../usecases/on-user-fact.ts";
import { projectEvent } from "../usecases/project-event.ts";
import type { Marker } from "../sending.ts";
import * as store from "../store.ts";

export const PLANNER = "notifications-planner";

export function plannerConsumer(deps: Deps, marker: Marker): ConsumerSpec {
  const db = deps.db;
  const ucDeps: ConsumerDeps = { ...deps, durable: PLANNER, marker };
  return {
    durable: PLANNER,
    stream: "EVENTS",
    filter: "evt.>",
    concurrency: 32,
    ackWaitMs: 60_000,
    handlers: [
      on(identityEvents.userRegistered, async (e) => {
        const d = e.data;
        const messages: Array<{ kind: NotificationKind; params: Record<string, string>; link: string; sealedToken?: string }> = [{
          kind: "welcome",
          params: {},
          link: "/events",
        }];
        // Links with a single-use token keep it sealed; it is opened only to send the email (links.ts).
        if (d.sealedVerificationToken) {
          messages.unshift({ kind: "verify_email" as const, params: {}, link: "/verify-email", sealedToken: d.sealedVerificationToken });
        }
        const { roles: _roles, sealedVerificationToken: _sealed, ...contact } = d;
        await planTransactional(ucDeps, { ...e, data: contact, emails: messages });
      }),
      on(identityEvents.passwordResetRequested, async (e) => {
        const { sealedToken, expiresAt, ...contact } = e.data;
        await planTransactional(ucDeps, {
          ...e,
          data: contact,
          emails: [{ kind: "password_reset", params: { expiresAt }, link: "/reset-password", sealedToken }],
        });
      }),
      on(identityEvents.verificationRequested, async (e) => {
        const { sealedToken, expiresAt, ...contact } = e.data;
        await planTransactional(ucDeps, { ...e, data: contact, emails: [{ kind: "verify_email", params: { expiresAt }, link: "/verify-email", sealedToken }] });
      }),
      on(identityEvents.emailChangeRequested, async (e) => {
        // The projection keeps the current address: the new one is not the account's until confirmed.
        const { newEmail, sealedToken, expiresAt, ...contact } = e.data;
        // The link goes to the new address; the current one is told, so an owner whose session
        // was stolen hears of it while the account is still theirs.
        await planTransactional(ucDeps, {
          ...e,
          data: contact,
          emails: [
            { kind: "email_change", params: { expiresAt, newEmail }, link: "/confirm-email", sealedToken, to: newEmail },
            { kind: "email_change_notice", params: { newEmail }, link: "/settings/security" },
          ],
        });
      }),
      on(identityEvents.orgInvitationCreated, (e) => planInvitation(ucDeps, e)),
      on(identityEvents.profileUpdated, async (e) => void (await once(db, PLANNER, e.id, (trx) => store.upsertContact(trx, e.data, e.occurredAt)))),
      on(identityEvents.deactivated, async (e) => void (await once(db, PLANNER, e.id, (trx) => store.setActive(trx, e.data.userId, false)))),
      on(identityEvents.reactivated, async (e) => void (await once(db, PLANNER, e.id, (trx) => store.setActive(trx, e.data.userId, true)))),
      // Projections copy a fact and decide nothing: they write through the store without a use case.
      // REVIEW: a follow and an unfollow of the same pair handled concurrently may apply out of
      // order; a per-pair version (occurredAt) column would settle it.
      on(identityEvents.followed, async (e) => void (await once(db, PLANNER, e.id, (trx) => store.follow(trx, e.data.followerId, e.data.target)))),
      on(identityEvents.unfollowed, async (e) => void (await once(db, PLANNER, e.id, (trx) => store.unfollow(trx, e.data.followerId, e.data.target)))),
      on(eventEvents.published, async (e, ctx) => {
        ctx.working();
        await projectEvent(deps, e.data);
        await planFanout(ucDeps, { ...e, kind: "event_published" });
      }),
      on(eventEvents.updated, async (e, ctx) => {
        ctx.working();
        await projectEvent(deps, e.data);
        await planFanout(ucDeps, { ...e, kind: "event_updated" });
      }),
      on(eventEvents.cancelled, async (e, ctx) => {
        ctx.working();
        await projectEvent(deps, e.data);
        await planFanout(ucDeps, { ...e, kind: "event_cancelled" });
      }),
      // Reminders stop for an event that is no longer on.
      on(eventEvents.unpublished, (e) => projectEvent(deps, e.data)),
      on(eventEvents.deleted, (e) => projectEvent(deps, { ...e.data, status: "deleted" })),
      // What bookings and payments mean to the booker (usecases/on-booking-fact.ts, on-user-fact.ts).
      on(bookingEvents.confirmed, async (e, ctx) => {
        await onBookingFact(ucDeps, {
          ...delivered(e, ctx),
          notify: () => ({
            kind: "booking_confirmed",
            params: { orderId: e.data.orderId, seats: String(e.data.seats), amountMinor: String(e.data.totalMinor), currency: e.data.currency ?? "" },
            link: `/me/bookings/${e.data.orderId}`,
          }),
        });
        await tellNamedAttendees(ucDeps, delivered(e, ctx));
      }),
      on(
        bookingEvents.expired,
        (e, ctx) =>
          onBookingFact(ucDeps, {
            ...delivered(e, ctx),
            notify: () => ({ kind: "booking_expired", params: { orderId: e.data.orderId, seats: String(e.data.seats) }, link: `/events/${e.data.eventId}` }),
          }),
      ),
      on(bookingEvents.cancelled, (e, ctx) =>
        onBookingFact(ucDeps, {
          ...delivered(e, ctx),
          notify: () =>
            // The event's cancellation tells its attendees itself (one notice, not two).
            e.data.reason === "event_cancelled" ? null : {
              kind: "booking_cancelled",
              params: {
                orderId: e.data.orderId,
                seats: String(e.data.seats),
                reason: e.data.reason,
                refundMinor: String(e.data.refundDueMinor),
                currency: e.data.currency ?? "",
              },
              link: `/me/bookings/${e.data.orderId}`,
            },
        })),
      // The refund notice comes from payments (evt.payment.refunded); this only ends the attendance.
      on(bookingEvents.refunded, (e, ctx) => onBookingFact(ucDeps, { ...delivered(e, ctx), notify: null })),
      on(paymentEvents.succeeded, (e, ctx) =>
        onUserFact(ucDeps, {
          ...delivered(e, ctx),
          notify: () => ({
            kind: "payment_succeeded",
            params: {
              orderId: e.data.orderId,
              paymentId: e.data.paymentId,
              amountMinor: String(e.data.amountMinor),
              currency: e.data.currency,
              receiptNumber: e.data.receiptNumber,
              receiptUrl: `/v1/payments/${e.data.paymentId}/receipt.pdf`,
            },
            link: `/me/bookings/${e.data.orderId}`,
          }),
        })),
      on(
        paymentEvents.failed,
        (e, ctx) =>
          onUserFact(ucDeps, {
            ...delivered(e, ctx),
            notify: () => ({
              kind: "payment_failed",
              params: { orderId: e.data.orderId, amountMinor: String(e.data.amountMinor), currency: e.data.currency, reason: e.data.reason },
              link: `/me/bookings/${e.data.orderId}`,
            }),
          }),
      ),
      on(paymentEvents.refunded, (e, ctx) =>
        onUserFact(ucDeps, {
          ...delivered(e, ctx),
          notify: () => ({
            kind: "payment_refunded",
            params: {
              orderId: e.data.orderId,
              amountMinor: String(e.data.refundAmountMinor),
              refundedMinor: String(e.data.refundedMinor),
              currency: e.data.currency,
            },
            link: `/me/bookings/${e.data.orderId}`,
          }),
        })),
      // Accepting and declining are POSTs (a GET link would be followed by mail scanners): the
      // links open the event's page, which shows the offer with both buttons.
      on(waitlistEvents.offered, (e, ctx) =>
        onUserFact(ucDeps, {
          ...delivered(e, ctx),
          notify: () => ({
            kind: "waitlist_offered",
            params: {
              entryId: e.data.entryId,
              seats: String(e.data.seats),
              expiresAt: e.data.expiresAt,
              acceptUrl: `/events/${e.data.eventId}?offer=${e.data.entryId}&answer=accept`,
              declineUrl: `/events/${e.data.eventId}?offer=${e.data.entryId}&answer=decline`,
            },
            link: `/events/${e.data.eventId}?offer=${e.data.entryId}`,
          }),
        })),
    ],
  };
}
