/** What an unsubscribe link would turn off, for the confirmation page its GET opens; changes nothing. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { unsubscribeLinkOf } from "../unsubscribe.ts";

export async function previewUnsubscribe(deps: Pick<Deps, "config">, input: RequestOf<typeof notifications.preferencesPreviewUnsubscribe>) {
  return { kind: unsubscribeLinkOf(deps.config.unsubscribeSecret, input.token).kind };
}
