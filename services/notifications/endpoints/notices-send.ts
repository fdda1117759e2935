import { endpoint } from "../../kit/serve.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { requireRole } from "../../kit/caller.ts";
import type { Marker } from "../sending.ts";
import { sendNotice } from "../usecases/send-notice.ts";

/**
 * Admins through the edge; a service calls without a principal (only services and the edge may
 * publish on svc.>, and the edge always forwards the caller).
 */
export const noticesSendEndpoint = (deps: Deps, marker: Marker) =>
  endpoint(notifications.noticesSend, async (input, ctx) => sendNotice(deps, marker, ctx.principal ? requireRole(ctx, "admin") : undefined, input));
