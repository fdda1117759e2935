import type { Deps } from "../deps.ts";
import { notFound } from "../../kit/errors.ts";
import { followerCount } from "../store/follows.ts";
import { memberCount, orgById, orgRole } from "../store/orgs.ts";

/** An organization's public page, with the caller's role in it (null for anonymous callers and non-members). */
export async function getOrg(deps: Pick<Deps, "db">, callerId: string | undefined, input: { orgId: string }) {
  const org = await orgById(deps.db, input.orgId);
  if (!org) throw notFound("organization");
  const [members, followers, myRole] = await Promise.all([
    memberCount(deps.db, org.id),
    followerCount(deps.db, "org", org.id),
    callerId ? orgRole(deps.db, org.id, callerId) : null,
  ]);
  return {
    id: org.id,
    name: org.name,
    slug: org.slug,
    description: org.description,
    members,
    followers,
    myRole,
    createdAt: new Date(org.created_at).toISOString(),
  };
}
