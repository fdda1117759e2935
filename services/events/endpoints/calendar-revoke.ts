import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { revokeCalendarToken } from "../usecases/revoke-calendar-token.ts";

export const calendarRevokeEndpoint = (deps: Deps) =>
  endpoint(events.calendarRevoke, async (_input, ctx) => ({ revoked: await revokeCalendarToken(deps, requireCaller(ctx)) }));
