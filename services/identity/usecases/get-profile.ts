import type { Deps } from "../deps.ts";
import { notFound } from "../../kit/errors.ts";
import { followerCount, followingCount } from "../store/follows.ts";
import { userById } from "../store/users.ts";

/** What anyone may see of a user: no email, locale, time zone or roles. Deactivated users are not found. */
export async function getProfile(deps: Pick<Deps, "db">, input: { userId: string }) {
  const u = await userById(deps.db, input.userId);
  if (!u || u.status !== "active") throw notFound("user");
  const [followers, following] = await Promise.all([followerCount(deps.db, "user", u.id), followingCount(deps.db, u.id)]);
  return { id: u.id, displayName: u.display_name, bio: u.bio, avatarUrl: u.avatar_url, followers, following, createdAt: new Date(u.created_at).toISOString() };
}
