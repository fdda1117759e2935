import { randomBytes, randomUUID } from "node:crypto";
import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { conflict } from "../../kit/errors.ts";
import { type identity, identityEvents } from "../../../subjects/identity.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import { slugify } from "../slug.ts";
import type { UserRow } from "../store.ts";
import { addMember, insertOrg } from "../store/orgs.ts";

/** Creates an organization owned by its creator: evt.org.created and evt.org.member_added (owner). */
export async function createOrg(deps: Pick<Deps, "db">, user: UserRow, input: RequestOf<typeof identity.orgsCreate>) {
  const id = randomUUID();
  const derived = slugify(input.name);
  // A chosen slug that is taken is the caller's to change; a derived one gets a suffix.
  const candidates = input.slug
    ? [input.slug]
    : [derived.length >= 2 ? derived : `org-${randomBytes(3).toString("hex")}`, `${derived || "org"}-${randomBytes(3).toString("hex")}`];
  for (const slug of candidates) {
    const created = await deps.db.transaction(async (trx) => {
      const createdAt = await insertOrg(trx, { id, name: input.name, slug, description: input.description ?? null, created_by: user.id });
      if (!createdAt) return undefined;
      await addMember(trx, id, user.id, "owner");
      await enqueue(trx, identityEvents.orgCreated, { orgId: id, name: input.name, slug, ownerId: user.id }, { source: "identity" });
      await enqueue(trx, identityEvents.orgMemberAdded, { orgId: id, userId: user.id, role: "owner" }, { source: "identity" });
      return {
        id,
        name: input.name,
        slug,
        description: input.description ?? null,
        members: 1,
        followers: 0,
        myRole: "owner" as const,
        createdAt: createdAt.toISOString(),
      };
    });
    if (created) return created;
  }
  throw conflict(`the slug ${candidates[0]} is taken`, [{ field: "slug", message: "is taken" }]);
}
