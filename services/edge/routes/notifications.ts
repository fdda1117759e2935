/** The in-app inbox, devices, preferences and unsubscribe links (svc.notifications.*). */
import { notifications } from "../../../subjects/notifications.ts";
import { notificationsSms } from "../../../subjects/notifications/sms.ts";
import { type Route, route } from "./route.ts";

const tag = "notifications";

export const notificationRoutes: Route[] = [
  route({
    method: "GET",
    path: "/v1/me/notifications",
    contract: notifications.inboxList,
    auth: "user",
    tag,
    summary: "My inbox, newest first",
    input: { query: ["cursor", "limit", "unreadOnly", "archived"] },
  }),
  route({
    method: "GET",
    path: "/v1/me/notifications/unread-count",
    contract: notifications.inboxUnreadCount,
    auth: "user",
    tag,
    summary: "How many inbox items are unread",
  }),
  route({
    method: "POST",
    path: "/v1/me/notifications/read-all",
    contract: notifications.inboxMarkAllRead,
    auth: "user",
    tag,
    summary: "Mark every inbox item read",
  }),
  route({
    method: "POST",
    path: "/v1/me/notifications/{id}/read",
    contract: notifications.inboxMarkRead,
    auth: "user",
    tag,
    summary: "Mark an inbox item read",
    input: { path: { id: "id" } },
  }),
  route({
    method: "POST",
    path: "/v1/me/notifications/{id}/unread",
    contract: notifications.inboxMarkUnread,
    auth: "user",
    tag,
    summary: "Mark an inbox item unread",
    input: { path: { id: "id" } },
  }),
  route({
    method: "POST",
    path: "/v1/me/notifications/{id}/archive",
    contract: notifications.inboxArchive,
    auth: "user",
    tag,
    summary: "Archive an inbox item",
    input: { path: { id: "id" } },
  }),
  route({
    method: "POST",
    path: "/v1/me/devices",
    contract: notifications.devicesRegister,
    auth: "user",
    tag,
    summary: "Register this device for push notifications",
    input: { body: true },
  }),
  route({
    method: "DELETE",
    path: "/v1/me/devices/{token}",
    contract: notifications.devicesRemove,
    auth: "user",
    tag,
    summary: "Forget a device token",
    input: { path: { token: "token" } },
  }),
  route({
    method: "GET",
    path: "/v1/me/notification-preferences",
    contract: notifications.preferencesGet,
    auth: "user",
    tag,
    summary: "My notification preferences",
  }),
  route({
    method: "PUT",
    path: "/v1/me/notification-preferences",
    contract: notifications.preferencesSet,
    auth: "user",
    tag,
    summary: "Replace my notification preferences",
    input: { body: true },
  }),
  // RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` as a form to the link, so
  // the token travels in the query string and the form body is ignored.
  // The link in an email's body opens the GET page, which asks before acting (link scanners
  // follow GETs); its form and the List-Unsubscribe one-click POST (RFC 8058) do the change.
  route({
    method: "GET",
    path: "/v1/notifications/unsubscribe",
    contract: notifications.preferencesPreviewUnsubscribe,
    auth: "public",
    tag,
    summary: "The page an email's unsubscribe link opens: asks to confirm",
    input: { query: ["token"] },
    representation: { type: "text/html; charset=utf-8", render: (reply) => confirmPage(reply as { kind: string }) },
  }),
  route({
    method: "POST",
    path: "/v1/notifications/unsubscribe",
    contract: notifications.preferencesUnsubscribe,
    auth: "public",
    tag,
    summary: "One-click unsubscribe from an email link",
    input: { query: ["token"] },
    html: { type: "text/html; charset=utf-8", render: (reply) => donePage(reply as { kind: string }) },
  }),
  route({ method: "GET", path: "/v1/me/phone", contract: notificationsSms.phoneGet, auth: "user", tag, summary: "My phone number for SMS notifications" }),
  // Each attempt sends a code by SMS: a retry with the same Idempotency-Key answers the first one.
  route({
    method: "POST",
    path: "/v1/me/phone",
    contract: notificationsSms.phoneSet,
    auth: "user",
    tag,
    summary: "Set my phone number: a 6-digit code is sent to it by SMS",
    input: { body: true },
    status: 201,
    creates: true,
  }),
  route({
    method: "POST",
    path: "/v1/me/phone/confirm",
    contract: notificationsSms.phoneConfirm,
    auth: "user",
    tag,
    summary: "Confirm my phone number with the code it received",
    input: { body: true },
  }),
  route({ method: "DELETE", path: "/v1/me/phone", contract: notificationsSms.phoneRemove, auth: "user", tag, summary: "Forget my phone number (no more SMS)" }),
  // Twilio's StatusCallback: its X-Twilio-Signature over the URL and every field is the only
  // authentication, checked by the notifications service (it holds the auth token).
  route({
    method: "POST",
    path: "/v1/notifications/sms/status",
    contract: notificationsSms.smsStatus,
    auth: "public",
    tag,
    summary: "SMS delivery receipt (Twilio status callback, form post, signed)",
    input: { rawForm: "body", headers: { "x-twilio-signature": "signature" } },
  }),
  route({
    method: "PUT",
    path: "/v1/events/{id}/reminders",
    contract: notifications.remindersSet,
    auth: "user",
    tag,
    summary: "When the event's attendees are reminded (its organizer)",
    input: { path: { id: "eventId" }, body: true },
  }),
  route({
    method: "POST",
    path: "/v1/events/{id}/messages",
    contract: notifications.messagesSend,
    auth: "user",
    tag,
    summary:
      "Write to the event's attendees: all, one ticket type's holders or the checked-in (its organizers; 429 message_rate_limited past NOTIFY_MESSAGES_PER_HOUR)",
    input: { path: { id: "eventId" }, body: true },
    status: 201,
    creates: true,
  }),
  route({
    method: "GET",
    path: "/v1/events/{id}/messages",
    contract: notifications.messagesList,
    auth: "user",
    tag,
    summary: "Messages the event's organizers sent its attendees, newest first (its organizers)",
    input: { path: { id: "eventId" }, query: ["cursor", "limit"] },
  }),
  route({
    method: "POST",
    path: "/v1/notifications",
    contract: notifications.noticesSend,
    auth: "admin",
    tag,
    summary: "Send a notification to one user or a list (admins)",
    input: { body: true },
    status: 201,
    creates: true,
  }),
  route({
    method: "GET",
    path: "/v1/admin/notifications/dead-letters",
    contract: notifications.deadLettersList,
    auth: "admin",
    tag,
    summary: "Dead letters of the notification consumers",
    input: { query: ["afterSeq", "limit"] },
  }),
  route({
    method: "POST",
    path: "/v1/admin/notifications/dead-letters/{seq}/replay",
    contract: notifications.deadLettersReplay,
    auth: "admin",
    tag,
    summary: "Replay a dead letter",
    input: { path: { seq: "seq" } },
  }),
];

const what = (
  kind: string,
) => (kind === "digest" ? "emails about people, organizations and events you follow" : `emails of the kind “${kind.replaceAll("_", " ")}”`);
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>` +
  `<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2933}button{font:inherit;padding:.5rem 1rem}</style></head><body>${body}</body></html>`;

/**
 * The confirmation page; the form posts to the same URL (its query keeps the token).
 * REVIEW: English only; the recipient's locale would come with the check reply.
 */
function confirmPage(reply: { kind: string }): string {
  return page(
    "Unsubscribe",
    `<h1>Unsubscribe?</h1><p>You will no longer get ${
      escapeHtml(what(reply.kind))
    } by email. Your inbox in the app stays as it is.</p><form method="post"><button type="submit">Unsubscribe</button></form>`,
  );
}

function donePage(reply: { kind: string }): string {
  return page(
    "Unsubscribed",
    `<h1>You are unsubscribed</h1><p>You will no longer get ${
      escapeHtml(what(reply.kind))
    } by email. You can turn them back on in your notification settings.</p>`,
  );
}
