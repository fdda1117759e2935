/** What a scanner needs offline (the event's organizers): the key, the revoked tickets, the valid ones. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { organizedEvent } from "../access.ts";
import { ticketsOfEvent } from "../store/tickets.ts";

export async function getCheckInPackage(deps: Deps, staff: Principal, input: RequestOf<typeof bookings.checkInsPackage>) {
  await organizedEvent(deps, input.eventId, staff);
  const ts = await ticketsOfEvent(deps.db, input.eventId);
  return {
    eventId: input.eventId,
    publicKey: { kid: deps.signer.kid, alg: "EdDSA" as const, jwk: deps.signer.publicJwk },
    revoked: ts.filter((t) => t.order_status !== "confirmed").map((t) => t.id),
    tickets: ts.filter((t) => t.order_status === "confirmed").map((t) => ({
      id: t.id,
      attendeeName: t.attendee_name,
      ticketTypeName: t.type_name,
      checkedInAt: t.checked_in_at ? new Date(t.checked_in_at).toISOString() : null,
    })),
    generatedAt: deps.now().toISOString(),
  };
}
