import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { setReminders } from "../usecases/set-reminders.ts";

export const remindersSetEndpoint = (deps: Deps) => endpoint(notifications.remindersSet, async (input, ctx) => setReminders(deps, requireCaller(ctx), input));
