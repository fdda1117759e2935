/** The in-app inbox, devices, preferences and unsubscribe links (svc.notifications.*). */
import { notifications } from "../../../subjects/notifications.ts";
import { route, type Route } from "./route.ts";

const tag = "notifications";

export const notificationRoutes: Route[] = [
  route({ method: "GET", path: "/v1/me/notifications", contract: notifications.inboxList, auth: "user", tag, summary: "My inbox, newest first", input: { query: ["cursor", "limit", "unreadOnly", "archived"] } }),
  route({ method: "GET", path: "/v1/me/notifications/unread-count", contract: notifications.inboxUnreadCount, auth: "user", tag, summary: "How many inbox items are unread" }),
  route({ method: "POST", path: "/v1/me/notifications/read-all", contract: notifications.inboxMarkAllRead, auth: "user", tag, summary: "Mark every inbox item read" }),
  route({ method: "POST", path: "/v1/me/notifications/{id}/read", contract: notifications.inboxMarkRead, auth: "user", tag, summary: "Mark an inbox item read", input: { path: { id: "id" } } }),
  route({ method: "POST", path: "/v1/me/notifications/{id}/unread", contract: notifications.inboxMarkUnread, auth: "user", tag, summary: "Mark an inbox item unread", input: { path: { id: "id" } } }),
  route({ method: "POST", path: "/v1/me/notifications/{id}/archive", contract: notifications.inboxArchive, auth: "user", tag, summary: "Archive an inbox item", input: { path: { id: "id" } } }),
  route({ method: "POST", path: "/v1/me/devices", contract: notifications.devicesRegister, auth: "user", tag, summary: "Register this device for push notifications", input: { body: true } }),
  route({ method: "DELETE", path: "/v1/me/devices/{token}", contract: notifications.devicesRemove, auth: "user", tag, summary: "Forget a device token", input: { path: { token: "token" } } }),
  route({ method: "GET", path: "/v1/me/notification-preferences", contract: notifications.preferencesGet, auth: "user", tag, summary: "My notification preferences" }),
  route({ method: "PUT", path: "/v1/me/notification-preferences", contract: notifications.preferencesSet, auth: "user", tag, summary: "Replace my notification preferences", input: { body: true } }),
  // RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` as a form to the link, so
  // the token travels in the query string and the form body is ignored.
  route({ method: "POST", path: "/v1/notifications/unsubscribe", contract: notifications.unsubscribe, auth: "public", tag, summary: "One-click unsubscribe from an email link", input: { query: ["token"] } }),
  route({ method: "GET", path: "/v1/admin/notifications/dead-letters", contract: notifications.deadLettersList, auth: "admin", tag, summary: "Dead letters of the notification consumers", input: { query: ["afterSeq", "limit"] } }),
  route({ method: "POST", path: "/v1/admin/notifications/dead-letters/{seq}/replay", contract: notifications.deadLettersReplay, auth: "admin", tag, summary: "Replay a dead letter", input: { path: { seq: "seq" } } }),
];
