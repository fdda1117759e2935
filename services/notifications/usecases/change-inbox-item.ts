/** Marks one of the caller's inbox items read or unread, or archives it (archiving reads it too); another's is not found. */
import type { Principal } from "../../../subjects/principal.ts";
import { notFound } from "../../kit/errors.ts";
import type { Deps } from "../deps.ts";
import * as store from "../store.ts";

export async function changeInboxItem(
  deps: Pick<Deps, "db">,
  caller: Principal,
  input: { id: string; change: "read" | "unread" | "archive" },
): Promise<{ ok: true }> {
  if (!(await store.updateItem(deps.db, caller.sub, input.id, input.change))) throw notFound("inbox item");
  return { ok: true };
}
