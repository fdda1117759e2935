/**
 * Notifications: the in-app inbox, device tokens, preferences, the delivery job of the fan-out
 * and the live inbox message the edge streams over SSE. The service is fed by identity and
 * events domain events (subjects/identity.ts, subjects/events.ts); it publishes no domain event.
 * One file per sub-domain under subjects/notifications/ (sms.ts is listed on its own); this module
 * puts the others back together.
 */
import { messages } from "./notifications/messages.ts";
import { inbox } from "./notifications/inbox.ts";
import { preferences } from "./notifications/preferences.ts";
import { admin } from "./notifications/admin.ts";

export {
  ATTENDEE_KINDS,
  AttendeeKind,
  Channel,
  FOLLOWER_KINDS,
  FollowerKind,
  InboxItem,
  LIVE_INBOX_PREFIX,
  LiveInboxItem,
  liveInboxSubject,
  MESSAGE_BODY_MAX,
  MESSAGE_SUBJECT_MAX,
  MessageAudience,
  NotificationKind,
  OrganizerMessage,
  Preferences,
  SendKind,
} from "./notifications/schemas.ts";
export { notificationJobs } from "./notifications/jobs.ts";

/** Every request notifications serves (svc.notifications.*), SMS apart (notifications/sms.ts). */
export const notifications = { ...messages, ...inbox, ...preferences, ...admin } as const;
