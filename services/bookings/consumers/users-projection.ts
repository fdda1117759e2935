/**
 * bookings-users: keeps the people projection (display names for tickets booked without attendee
 * names) from identity's user events. Other types under evt.user.> are acked and skipped.
 * WARNING: the durable name is stored in JetStream; renaming it is a migration.
 */
import { type ConsumerSpec, on } from "../../kit/consume.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import type { Deps } from "../deps.ts";
import { rememberDisplayName } from "../display-names.ts";

/** WARNING: the durable name is stored in JetStream and processed_messages; renaming it is a migration. */
export const USERS_CONSUMER = "bookings-users";

export function usersProjectionConsumer(deps: Deps): ConsumerSpec {
  // Idempotent by construction (the newest fact wins), so no processed_messages row is needed.
  const remember = (e: { occurredAt: string; data: { userId: string; displayName: string } }) => rememberDisplayName(deps, e);
  return {
    durable: USERS_CONSUMER,
    stream: "EVENTS",
    filter: "evt.user.>",
    concurrency: 4,
    handlers: [on(identityEvents.userRegistered, remember), on(identityEvents.profileUpdated, remember)],
  };
}
