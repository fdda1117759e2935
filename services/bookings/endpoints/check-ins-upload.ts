import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { callerOf, organizedEvent } from "../access.ts";
import { scan } from "../usecases/tickets.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { RequestOf } from "../../../subjects/contract.ts";

/** Offline scans in the order they were made, so the earliest scan of a ticket wins. */
async function uploadScans(deps: Deps, staff: Principal, input: RequestOf<typeof bookings.checkInsUpload>) {
  await organizedEvent(deps, input.eventId, staff);
  const order = input.scans.map((s, i) => ({ ...s, i })).sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
  const results = new Array(input.scans.length);
  for (const s of order) results[s.i] = await scan(deps, staff, input.eventId, s.code, new Date(s.scannedAt), true);
  return { results };
}

export const checkInsUploadEndpoint = (deps: Deps) => endpoint(bookings.checkInsUpload, async (input, ctx) => uploadScans(deps, callerOf(ctx), input));
