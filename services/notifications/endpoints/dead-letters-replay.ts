import { endpoint } from "../../kit/serve.ts";
import { requireRole } from "../../kit/caller.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import type { ConsumerSpec } from "../../kit/consume.ts";
import { replayDeadLetter } from "../usecases/replay-dead-letter.ts";

export const deadLettersReplayEndpoint = (deps: Deps, consumers: () => ConsumerSpec[]) =>
  endpoint(notifications.deadLettersReplay, async (input, ctx) => replayDeadLetter(deps, consumers, requireRole(ctx, "admin"), input));
