/**
 * Feeds of published events the caller may see and that are not over: recent (newest published),
 * upcoming (soonest first), popular (decayed views, see popularity.ts) and following (events of
 * the users and organizations the caller follows, from the identity projection; newest first).
 */
import type { Static } from "@sinclair/typebox";
import { unauthenticated } from "../../kit/errors.ts";
import type { events } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { listedTo } from "../access.ts";
import { listPage, orders } from "../listing.ts";

type Input = Static<typeof events.feed.request>;
type Reply = Static<typeof events.feed.reply>;

export async function readFeed(deps: Deps, principal: Principal | undefined, input: Input): Promise<Reply> {
  const visible = listedTo(principal);
  const where = [visible.sql];
  const bindings = [...visible.bindings];
  const now = deps.now();
  if (input.kind === "upcoming") {
    where.push("e.starts_at >= ?");
  } else {
    where.push("e.ends_at >= ?");
  }
  bindings.push(now);
  if (input.kind === "following") {
    if (!principal) throw unauthenticated();
    where.push(`exists (select 1 from follows f where f.follower_id = ?
      and ((f.target_kind = 'user' and f.target_id = e.organizer_id) or (f.target_kind = 'org' and f.target_id = e.organization_id)))`);
    bindings.push(principal.sub);
  }
  const order = input.kind === "upcoming" ? orders.start : input.kind === "popular" ? orders.popularity : orders.recent;
  return listPage(deps.db, { where, bindings, order, cursor: input.cursor, limit: input.limit ?? 20 });
}
