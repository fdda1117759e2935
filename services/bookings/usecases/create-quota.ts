/** An organizer adds a quota (seats shared by several ticket types) to their event. */
import { randomUUID } from "node:crypto";
import { notFound } from "../../kit/errors.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { organizedEvent } from "../access.ts";
import { lockInventory } from "../store.ts";
import { insertQuota } from "../store/ticket-types.ts";
import { quotaView } from "../ticket-types.ts";

export async function createQuota(deps: Deps, caller: Principal, input: RequestOf<typeof bookings.quotasCreate>) {
  await organizedEvent(deps, input.eventId, caller);
  return deps.db.transaction(async (trx) => {
    if (!(await lockInventory(trx, input.eventId))) throw notFound("event");
    const q = await insertQuota(trx, { id: randomUUID(), event_id: input.eventId, name: input.name, size: input.size, taken: 0, is_capacity: false });
    return quotaView(q);
  });
}
