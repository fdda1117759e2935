/** What may be followed: an active user or an existing organization. */
import { notFound } from "../kit/errors.ts";
import type { Q } from "./store.ts";
import { followable, type Target } from "./store/follows.ts";

export type { Target };

/** not_found unless the target exists (and, for a user, is active). */
export async function assertFollowable(q: Q, target: Target): Promise<void> {
  if (!(await followable(q, target))) throw notFound(target.kind === "user" ? "user" : "organization");
}
