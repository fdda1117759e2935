/**
 * Every service this repository ships, in start order (a service that others call at boot
 * comes first). Adding a service is one import and one entry here.
 */
import type { ServiceDefinition } from "./kit/service.ts";
import { identityService } from "./identity/index.ts";
import { eventsService } from "./events/index.ts";
import { edgeService } from "./edge/index.ts";
import { notificationsService } from "./notifications/index.ts";
import { bookingsService } from "./bookings/index.ts";
import { paymentsService } from "./payments/index.ts";
import { webService } from "./web/index.ts";

export const registry: ServiceDefinition[] = [identityService, eventsService, notificationsService, paymentsService, bookingsService, edgeService, webService];
