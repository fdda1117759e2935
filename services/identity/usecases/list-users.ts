import type { Deps } from "../deps.ts";
import type { Role } from "../../../subjects/principal.ts";
import { decodeCursor, page } from "../../kit/cursor.ts";
import { adminUser } from "../store.ts";
import { usersPage } from "../store/users.ts";

/** Accounts newest first, searched by email or name, filtered by role and status (keyset pages). */
export async function listUsers(
  deps: Pick<Deps, "db">,
  input: { query?: string; role?: Role; status?: "active" | "deactivated"; cursor?: string; limit?: number },
) {
  const limit = input.limit ?? 20;
  const rows = await usersPage(deps.db, { query: input.query, role: input.role, status: input.status, after: decodeCursor(input.cursor), limit });
  const { rows: kept, nextCursor } = page(rows, limit, (r) => ({ at: r.at, id: r.id }));
  return { items: kept.map(adminUser), nextCursor };
}
