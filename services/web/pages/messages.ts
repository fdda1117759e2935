/**
 * An organizer writes to the event's attendees (all, one ticket type's holders, the checked-in)
 * and sees what was sent: POST/GET /v1/events/{id}/messages. A plain form; the edge and the
 * notifications service hold the limits (size: 400 naming the field; rate: 429), shown with the
 * entered text kept.
 */
import type { Static } from "@sinclair/typebox";
import {
  MESSAGE_BODY_MAX,
  MESSAGE_SUBJECT_MAX,
  type MessageAudience,
  type OrganizerMessage as OrganizerMessageSchema,
} from "../../../subjects/notifications.ts";
import type { TicketTypeView } from "../../../subjects/bookings.ts";
import { markup, raw } from "../html.ts";
import { field, sendPage, type WebContext, type WebRouter } from "../app.ts";
import { csrfField, notice, problemAlert } from "../layout.ts";
import type { Problem } from "../edge-client.ts";
import { formatWhen } from "../i18n.ts";
import { editableEvent, UUID } from "./editable-event.ts";
import type { EventView } from "./shared.ts";

type OrganizerMessage = Static<typeof OrganizerMessageSchema>;
type TicketType = Static<typeof TicketTypeView>;

export function messagePages(router: WebRouter): void {
  const page = async (c: WebContext, e: EventView, opts: { values?: Record<string, string>; problem?: Problem } = {}) => {
    const { t, locale, api } = c.state;
    const [types, sent] = await Promise.all([
      api.get<{ items: TicketType[] }>(`/v1/events/${e.id}/ticket-types`),
      api.get<{ items: OrganizerMessage[] }>(`/v1/events/${e.id}/messages`, { limit: 50 }),
    ]);
    const typeName = new Map((types.ok ? types.data.items : []).map((tt) => [tt.id, tt.name]));
    const v = opts.values ?? { audience: "all", subject: "", body: "", key: crypto.randomUUID() };
    const audienceLabel = (a: MessageAudience) =>
      a.type === "all"
        ? t("org.audience.all")
        : a.type === "checked_in"
        ? t("org.audience.checkedIn")
        : t("org.audience.ticketType", { name: typeName.get(a.ticketTypeId) ?? a.ticketTypeId });
    const option = (value: string, label: string) => markup`<option value="${value}"${v.audience === value ? raw(" selected") : ""}>${label}</option>`;
    const ok = typeof c.query.sent === "string" && /^\d+$/.test(c.query.sent) ? t("org.messageSent", { n: c.query.sent }) : undefined;
    sendPage(c, {
      status: opts.problem?.status ?? (sent.ok ? 200 : sent.status),
      title: t("event.messages"),
      body: markup`<h1>${t("event.messages")}: <a href="/events/${e.id}">${e.title}</a></h1>${notice(ok)}${problemAlert(opts.problem)}
<form class="stack" method="post" action="/events/${e.id}/messages">${csrfField(c)}<input type="hidden" name="key" value="${v.key}">
<div><label for="audience">${t("org.audience")}</label><select id="audience" name="audience">${option("all", t("org.audience.all"))}${
        option("checked_in", t("org.audience.checkedIn"))
      }${(types.ok ? types.data.items : []).map((tt) => option(`ticket_type:${tt.id}`, t("org.audience.ticketType", { name: tt.name })))}</select></div>
<div><label for="subject">${
        t("org.messageSubject")
      }</label><input id="subject" name="subject" required maxlength="${MESSAGE_SUBJECT_MAX}" value="${v.subject}" aria-describedby="message-limits"></div>
<div><label for="body">${
        t("org.messageBody")
      }</label><textarea id="body" name="body" required rows="8" maxlength="${MESSAGE_BODY_MAX}" aria-describedby="message-limits">${v.body}</textarea></div>
<p id="message-limits" class="muted">${t("org.messageLimits", { subject: MESSAGE_SUBJECT_MAX, body: MESSAGE_BODY_MAX })}</p>
<div><button type="submit">${t("org.send")}</button></div></form>
<h2>${t("org.sentMessages")}</h2>
${
        !sent.ok
          ? problemAlert(sent.problem)
          : sent.data.items.length === 0
          ? markup`<p class="muted">${t("org.noMessages")}</p>`
          : markup`<table><thead><tr><th scope="col">${t("org.sentAt")}</th><th scope="col">${t("org.audience")}</th><th scope="col">${
            t("org.messageSubject")
          }</th><th scope="col">${t("org.recipients")}</th></tr></thead><tbody>
${
            sent.data.items.map((m) =>
              markup`<tr><td><time datetime="${m.sentAt}">${formatWhen(locale, m.sentAt, undefined, e.timeZone)}</time></td><td>${
                audienceLabel(m.audience)
              }</td><td><details><summary>${m.subject}</summary><p class="pre">${m.body}</p></details></td><td>${m.recipients}</td></tr>`
            )
          }
</tbody></table>`
      }`,
    });
  };

  router.get("/events/:id/messages", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const e = await editableEvent(c);
    if (e) await page(c, e);
  });

  router.post("/events/:id/messages", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const e = await editableEvent(c);
    if (!e) return;
    const values = { audience: field(c, "audience"), subject: field(c, "subject"), body: field(c, "body"), key: field(c, "key") || crypto.randomUUID() };
    const tt = values.audience.match(/^ticket_type:(.+)$/)?.[1];
    const audience: MessageAudience | undefined = values.audience === "all"
      ? { type: "all" }
      : values.audience === "checked_in"
      ? { type: "checked_in" }
      : tt && UUID.test(tt)
      ? { type: "ticket_type", ticketTypeId: tt }
      : undefined;
    if (!audience) {
      return page(c, e, {
        values,
        problem: { status: 400, code: "invalid_request", detail: "audience: is not valid", errors: [{ field: "audience", message: "is not valid" }] },
      });
    }
    // The form's key twice: as Idempotency-Key (the edge replays a retried request) and in the
    // body (the service answers the message already sent to a second submit of the same form).
    const r = await c.state.api.send<OrganizerMessage>("POST", `/v1/events/${e.id}/messages`, {
      audience,
      subject: values.subject,
      body: values.body,
      idempotencyKey: values.key,
    }, { idempotencyKey: values.key });
    // A refusal is the answer the edge replays for that key: the corrected form is a new request.
    if (!r.ok) return page(c, e, { values: { ...values, key: crypto.randomUUID() }, problem: r.problem });
    ctx.redirect(`/events/${e.id}/messages?sent=${r.data.recipients}`);
  });
}
