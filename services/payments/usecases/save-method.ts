/** Saves a provider's card token for the caller (the same token again renames it); never card data. */
import { randomUUID } from "node:crypto";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { saveMethodRow } from "../store.ts";

export async function saveMethod(deps: Deps, caller: Principal, input: { token: string; name: string; last4?: string }) {
  const saved = await saveMethodRow(deps.db, { id: randomUUID(), userId: caller.sub, token: input.token, name: input.name, last4: input.last4 ?? null });
  return { ...saved, kind: "card" as const, saved: true };
}
