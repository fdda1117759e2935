import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { conflict } from "../../kit/errors.ts";
import { identityEvents, type identity } from "../../../subjects/identity.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import { slugify } from "../slug.ts";
import type { UserRow } from "../store.ts";

/** Creates an organization owned by its creator: evt.org.created and evt.org.member_added (owner). */
export async function createOrg(deps: { db: Db }, user: UserRow, input: RequestOf<typeof identity.orgsCreate>) {
  const id = randomUUID();
  const derived = slugify(input.name);
  // A chosen slug that is taken is the caller's to change; a derived one gets a suffix.
  const candidates = input.slug ? [input.slug] : [derived.length >= 2 ? derived : `org-${randomBytes(3).toString("hex")}`, `${derived || "org"}-${randomBytes(3).toString("hex")}`];
  for (const slug of candidates) {
    const created = await deps.db.transaction(async (trx) => {
      const inserted = await trx("orgs").insert({ id, name: input.name, slug, description: input.description ?? null, created_by: user.id }).onConflict("slug").ignore().returning("created_at");
      if (!inserted.length) return undefined;
      await trx("org_members").insert({ org_id: id, user_id: user.id, role: "owner" });
      await enqueue(trx, identityEvents.orgCreated, { orgId: id, name: input.name, slug, ownerId: user.id }, { source: "identity" });
      await enqueue(trx, identityEvents.orgMemberAdded, { orgId: id, userId: user.id, role: "owner" }, { source: "identity" });
      return { id, name: input.name, slug, description: input.description ?? null, members: 1, followers: 0, myRole: "owner" as const, createdAt: new Date(inserted[0].created_at).toISOString() };
    });
    if (created) return created;
  }
  throw conflict(`the slug ${candidates[0]} is taken`, [{ field: "slug", message: "is taken" }]);
}
