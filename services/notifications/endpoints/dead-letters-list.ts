import { endpoint } from "../../kit/serve.ts";
import { requireRole } from "../../kit/caller.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { listDeadLetters } from "../usecases/list-dead-letters.ts";

export const deadLettersListEndpoint = (deps: Deps) =>
  endpoint(notifications.deadLettersList, async (input, ctx) => listDeadLetters(deps, requireRole(ctx, "admin"), input));
