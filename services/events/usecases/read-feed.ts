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
import { feedPage, orders } from "../store/listing.ts";

type Input = Static<typeof events.feed.request>;
type Reply = Static<typeof events.feed.reply>;

export async function readFeed(deps: Deps, principal: Principal | undefined, input: Input): Promise<Reply> {
  if (input.kind === "following" && !principal) throw unauthenticated();
  return feedPage(deps.db, principal, {
    now: deps.now(),
    notStarted: input.kind === "upcoming",
    followerId: input.kind === "following" ? principal!.sub : undefined,
    order: input.kind === "upcoming" ? orders.start : input.kind === "popular" ? orders.popularity : orders.recent,
    cursor: input.cursor,
    limit: input.limit ?? 20,
  });
}
