/** Waitlists: joining, offers, accepting and declining, and the organizer's list. */
import { Type } from "@sinclair/typebox";
import { request } from "../contract.ts";
import { PageRequest } from "../common.ts";
import { EntryId, EventId, OrderView, Page, WaitlistEntryView } from "./schemas.ts";

export const waitlist = {
  waitlistJoin: request({
    subject: "svc.bookings.waitlist.join",
    description:
      "Joins an event's waitlist with a group size (one entry per user and event; joining again changes nothing). Fairness: first come, first offered; an entry whose group does not fit the seats freed keeps its place and smaller entries behind it may be offered first.",
    request: Type.Object({ eventId: EventId, seats: Type.Integer({ minimum: 1, maximum: 10, description: "Group size." }) }, { additionalProperties: false }),
    reply: WaitlistEntryView,
    idempotent: false,
  }),
  waitlistMine: request({
    subject: "svc.bookings.waitlist.mine",
    description: "The caller's entry on an event's waitlist; not_found when none.",
    request: Type.Object({ eventId: EventId }, { additionalProperties: false }),
    reply: WaitlistEntryView,
    idempotent: true,
  }),
  waitlistLeave: request({
    subject: "svc.bookings.waitlist.leave",
    description: "Leaves an event's waitlist (an open offer is declined).",
    request: Type.Object({ eventId: EventId }, { additionalProperties: false }),
    reply: WaitlistEntryView,
    idempotent: true,
  }),
  waitlistAccept: request({
    subject: "svc.bookings.waitlist.accept",
    description:
      "Accepts an open offer: its held seats become an order (confirmed when free, reserved for payment otherwise). conflict `offer_expired` once it lapsed.",
    request: Type.Object({ entryId: EntryId }, { additionalProperties: false }),
    reply: OrderView,
    idempotent: true,
  }),
  waitlistDecline: request({
    subject: "svc.bookings.waitlist.decline",
    description: "Declines an open offer; its seats move on to the next entry.",
    request: Type.Object({ entryId: EntryId }, { additionalProperties: false }),
    reply: WaitlistEntryView,
    idempotent: true,
  }),
  waitlistList: request({
    subject: "svc.bookings.waitlist.list",
    description: "An event's waitlist in queue order (its organizers).",
    request: Type.Object({ eventId: EventId, ...PageRequest }, { additionalProperties: false }),
    reply: Page(WaitlistEntryView),
    idempotent: true,
  }),
} as const;
