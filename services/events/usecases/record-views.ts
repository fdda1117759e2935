/**
 * Page views the edge answered from its read cache, reported in batches: each adds to the
 * event's views and popularity as that many views at once (popularity.ts).
 */
import type { Deps } from "../deps.ts";
import { countView } from "../popularity.ts";

export async function recordViews(deps: Deps, input: { views: Array<{ eventId: string; count: number }> }): Promise<{ recorded: number }> {
  let recorded = 0;
  // One statement per event: a report holds a few events, those read often.
  for (const v of input.views) if ((await countView(deps, v.eventId, v.count)) > 0) recorded++;
  return { recorded };
}
