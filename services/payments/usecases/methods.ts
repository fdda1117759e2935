/** Payment methods: what the provider offers, and the caller's saved ones — provider tokens only, never card data. */
import { randomUUID } from "node:crypto";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";

export async function listMethods(deps: Deps, caller: Principal) {
  const saved = await deps.db("saved_methods").where({ user_id: caller.sub }).orderBy("created_at");
  return {
    items: [
      ...deps.provider.methods().map((m) => ({ ...m, saved: false, last4: null })),
      ...saved.map((s: Record<string, unknown>) => ({ id: s.id as string, name: s.name as string, kind: "card" as const, saved: true, last4: (s.last4 as string | null) ?? null })),
    ],
  };
}

export async function saveMethod(deps: Deps, caller: Principal, input: { token: string; name: string; last4?: string }) {
  const id = randomUUID();
  const [row] = await deps.db("saved_methods")
    .insert({ id, user_id: caller.sub, token: input.token, name: input.name, last4: input.last4 ?? null })
    .onConflict(["user_id", "token"])
    .merge({ name: input.name, last4: input.last4 ?? null })
    .returning(["id", "name", "last4"]);
  return { id: row.id as string, name: row.name as string, kind: "card" as const, saved: true, last4: (row.last4 as string | null) ?? null };
}
