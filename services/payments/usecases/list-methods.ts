/** The payment methods the caller may use: what the provider offers, and their saved ones (provider tokens only, never card data). */
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { savedMethodsOf } from "../store.ts";

export async function listMethods(deps: Deps, caller: Principal) {
  const saved = await savedMethodsOf(deps.db, caller.sub);
  return {
    items: [
      ...deps.provider.methods().map((m) => ({ ...m, saved: false, last4: null })),
      ...saved.map((s) => ({ ...s, kind: "card" as const, saved: true })),
    ],
  };
}
