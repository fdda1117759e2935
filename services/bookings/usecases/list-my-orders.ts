/** The caller's own orders, newest first, a page at a time. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { decodeCursor, encodeCursor } from "../../kit/cursor.ts";
import { orderViews } from "../store.ts";
import { ordersOfUser } from "../store/orders.ts";

// The kit's codec: a malformed cursor is a 400 naming the field, and the key keeps Postgres' microseconds.
const cursorOf = (o: { created_iso: string; id: string }) => encodeCursor({ at: o.created_iso, id: o.id });

export async function listMyOrders(deps: Deps, caller: Principal, input: RequestOf<typeof bookings.ordersMine>) {
  const limit = input.limit ?? 20;
  const rows = await ordersOfUser(deps.db, caller.sub, { status: input.status, before: decodeCursor(input.cursor), limit });
  const page = rows.slice(0, limit);
  return { items: await orderViews(deps.db, page), nextCursor: rows.length > limit ? cursorOf(page[page.length - 1]) : null };
}
