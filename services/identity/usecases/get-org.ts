import type { Db } from "../../kit/db.ts";
import { notFound } from "../../kit/errors.ts";
import { followerCount, orgRole } from "../store.ts";

/** An organization's public page, with the caller's role in it (null for anonymous callers and non-members). */
export async function getOrg(deps: { db: Db }, callerId: string | undefined, input: { orgId: string }) {
  const org = await deps.db("orgs").where({ id: input.orgId }).first();
  if (!org) throw notFound("organization");
  const [members, followers, myRole] = await Promise.all([
    deps.db("org_members").where({ org_id: org.id }).count<{ n: number }[]>({ n: "*" }),
    followerCount(deps.db, "org", org.id),
    callerId ? orgRole(deps.db, org.id, callerId) : null,
  ]);
  return { id: org.id, name: org.name, slug: org.slug, description: org.description, members: Number(members[0].n), followers, myRole, createdAt: new Date(org.created_at).toISOString() };
}
