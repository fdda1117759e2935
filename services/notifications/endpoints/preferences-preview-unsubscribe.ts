import { endpoint } from "../../kit/serve.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { previewUnsubscribe } from "../usecases/preview-unsubscribe.ts";

export const preferencesPreviewUnsubscribeEndpoint = (deps: Deps) =>
  endpoint(notifications.preferencesPreviewUnsubscribe, async (input) => previewUnsubscribe(deps, input));
