/** identity's queries on follows (a user following a user or an organization). */
import { isoOf, type Position } from "../../kit/cursor.ts";
import type { Q } from "../store.ts";

export type Target = { kind: "user" | "org"; id: string };

/** Whether the target exists (and, for a user, is active). */
export async function followable(q: Q, target: Target): Promise<boolean> {
  const found = target.kind === "user"
    ? await q("users").where({ id: target.id, status: "active" }).first("id")
    : await q("orgs").where({ id: target.id }).first("id");
  return Boolean(found);
}

/** Follows unless already following; when this call made the follow, its time. */
export async function insertFollow(trx: Q, followerId: string, target: Target): Promise<Date | undefined> {
  const [row] = await trx("follows").insert({ follower_id: followerId, target_kind: target.kind, target_id: target.id }).onConflict([
    "follower_id",
    "target_kind",
    "target_id",
  ]).ignore().returning("created_at");
  return row ? new Date(row.created_at) : undefined;
}

/** Whether a follow was removed. */
export async function deleteFollow(trx: Q, followerId: string, target: Target): Promise<boolean> {
  return (await trx("follows").where({ follower_id: followerId, target_kind: target.kind, target_id: target.id }).delete()) > 0;
}

/** Active users following a target. */
export async function followerCount(q: Q, kind: Target["kind"], id: string): Promise<number> {
  const row = await q("follows as f").join("users as u", "u.id", "f.follower_id").where({ "f.target_kind": kind, "f.target_id": id, "u.status": "active" })
    .count<{ n: number }[]>({ n: "*" });
  return Number(row[0].n);
}

/** Active followers newest first (keyset page of limit + 1). */
export function followersPage(
  q: Q,
  target: Target,
  after: Position | undefined,
  limit: number,
): Promise<Array<{ follower_id: string; display_name: string; avatar_url: string | null; at: string }>> {
  const sql = q("follows as f")
    .join("users as u", "u.id", "f.follower_id")
    .where({ "f.target_kind": target.kind, "f.target_id": target.id, "u.status": "active" })
    .select("f.follower_id", "u.display_name", "u.avatar_url", q.raw(`${isoOf("f.created_at")} as at`));
  if (after) sql.whereRaw("(f.created_at, f.follower_id) < (?::timestamptz, ?::uuid)", [after.at, after.id]);
  return sql.orderBy([{ column: "f.created_at", order: "desc" }, { column: "f.follower_id", order: "desc" }]).limit(limit + 1);
}

/** What a user follows: organizations, and users that are active. */
function following(q: Q, userId: string) {
  return q("follows as f")
    .leftJoin("users as u", function () {
      this.on("u.id", "=", "f.target_id").andOn("f.target_kind", "=", q.raw("'user'"));
    })
    .leftJoin("orgs as o", function () {
      this.on("o.id", "=", "f.target_id").andOn("f.target_kind", "=", q.raw("'org'"));
    })
    .where("f.follower_id", userId)
    .andWhere((w) => w.where("u.status", "active").orWhereNotNull("o.id"));
}

export async function followingCount(q: Q, userId: string): Promise<number> {
  const row = await following(q, userId).count<{ n: number }[]>({ n: "*" });
  return Number(row[0].n);
}

/** What a user follows, newest first (keyset page of limit + 1). */
export function followingPage(
  q: Q,
  userId: string,
  after: Position | undefined,
  limit: number,
): Promise<Array<{ target_kind: Target["kind"]; target_id: string; name: string; at: string }>> {
  const sql = following(q, userId).select(
    "f.target_kind",
    "f.target_id",
    q.raw("coalesce(u.display_name, o.name) as name"),
    q.raw(`${isoOf("f.created_at")} as at`),
  );
  if (after) sql.whereRaw("(f.created_at, f.target_id) < (?::timestamptz, ?::uuid)", [after.at, after.id]);
  return sql.orderBy([{ column: "f.created_at", order: "desc" }, { column: "f.target_id", order: "desc" }]).limit(limit + 1);
}
