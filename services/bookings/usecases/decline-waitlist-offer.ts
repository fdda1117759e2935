/** The caller declines the seats offered to them; they move on to the next entries. */
import { AppError } from "../../kit/errors.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { endOffer, type EntryView, entryView, ownEntry } from "../waitlist.ts";

export async function declineWaitlistOffer(deps: Deps, caller: Principal, input: RequestOf<typeof bookings.waitlistDecline>): Promise<EntryView> {
  const now = deps.now();
  const e = await ownEntry(deps, caller, input.entryId);
  if (e.status === "declined") return entryView(deps.db, e);
  if (e.status !== "offered") throw new AppError("no_open_offer", `the entry is ${e.status}`, { status: 409 });
  await deps.db.transaction((trx) => endOffer(deps, trx, e, "declined", now));
  deps.flushOutbox();
  return entryView(deps.db, await ownEntry(deps, caller, input.entryId));
}
