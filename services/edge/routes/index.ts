/** Every route of the public API. A service adds its file under routes/ and one line here. */
import type { Route } from "./route.ts";
import { identityRoutes } from "./identity.ts";
import { eventRoutes } from "./events.ts";
import { notificationRoutes } from "./notifications.ts";
import { paymentRoutes } from "./payments.ts";

export const routes: Route[] = [
  ...identityRoutes,
  ...eventRoutes,
  ...notificationRoutes,
  ...paymentRoutes,
];
