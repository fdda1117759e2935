/**
 * Organizer pages: create and edit an event (venue, online URL, capacity, visibility, tags,
 * attachments), publish, back to draft, cancel; participants and check-in are in bookings.ts,
 * messages to attendees in messages.ts.
 */
import { markup, raw } from "../html.ts";
import { errorPage, field, requireSession, sendPage, type WebContext, type WebRouter } from "../app.ts";
import { csrfField, problemAlert } from "../layout.ts";
import type { Problem } from "../edge-client.ts";
import { editableEvent } from "./editable-event.ts";
import type { EventView } from "./shared.ts";
import { instantToWall, wallToInstant } from "../zoned.ts";

type Category = { slug: string; name: string };

export function organizerPages(router: WebRouter): void {
  const form = async (c: WebContext, opts: { event?: EventView; values?: Record<string, string>; problem?: Problem }) => {
    const { t, api } = c.state;
    const e = opts.event;
    const tz = opts.values?.timeZone ?? e?.timeZone ?? "UTC";
    const v: Record<string, string> = opts.values ?? {
      title: e?.title ?? "",
      description: e?.description ?? "",
      startsAt: e ? instantToWall(e.startsAt, e.timeZone) : "",
      endsAt: e ? instantToWall(e.endsAt, e.timeZone) : "",
      timeZone: tz,
      venueName: e?.venue?.name ?? "",
      address: e?.venue?.address ?? "",
      lat: e?.venue ? String(e.venue.lat) : "",
      lng: e?.venue ? String(e.venue.lng) : "",
      onlineUrl: e?.onlineUrl ?? "",
      capacity: e?.capacity ? String(e.capacity) : "",
      category: e?.category ?? "",
      tags: e?.tags.join(", ") ?? "",
      visibility: e?.visibility ?? "public",
    };
    const categories = await api.get<{ items: Category[] }>("/v1/categories");
    const input = (name: string, label: string, attrs = "") =>
      markup`<div><label for="${name}">${label}</label><input id="${name}" name="${name}" value="${v[name] ?? ""}"${raw(attrs ? ` ${attrs}` : "")}></div>`;
    const action = e ? `/events/${e.id}/edit` : "/events/new";
    const title = e ? `${t("event.edit")}: ${e.title}` : t("nav.create");
    sendPage(c, {
      status: opts.problem ? opts.problem.status : 200,
      title,
      body: markup`<h1>${title}</h1>${e ? markup`<p><a href="/events/${e.id}">${e.title}</a> (${e.status})</p>` : ""}${problemAlert(opts.problem)}
<form class="stack" method="post" action="${action}">${csrfField(c)}
${input("title", t("org.title"), 'required maxlength="200"')}
<div><label for="description">${t("org.description")}</label><textarea id="description" name="description" rows="6">${v.description}</textarea></div>
${input("startsAt", t("org.startsAt"), 'type="datetime-local" required')}
${input("endsAt", t("org.endsAt"), 'type="datetime-local" required')}
${input("timeZone", t("org.timeZone"), 'required autocomplete="off"')}
<fieldset><legend>${t("event.where")}</legend>
${input("venueName", t("org.venueName"))}${input("address", t("org.address"))}
${input("lat", "Lat", 'inputmode="decimal"')}${input("lng", "Lng", 'inputmode="decimal"')}
${input("onlineUrl", t("org.onlineUrl"), 'type="url"')}</fieldset>
${input("capacity", t("org.capacity"), 'type="number" min="1"')}
<div><label for="category">${t("event.category")}</label><select id="category" name="category"><option value="">—</option>${
        (categories.ok ? categories.data.items : []).map((cat) =>
          markup`<option value="${cat.slug}"${cat.slug === v.category ? raw(" selected") : ""}>${cat.name}</option>`
        )
      }</select></div>
${input("tags", t("search.tags"))}
<fieldset><legend>${t("org.visibility")}</legend>${
        (["public", "unlisted", "private"] as const).map((vis) =>
          markup`<label class="check"><input type="radio" name="visibility" value="${vis}"${v.visibility === vis ? raw(" checked") : ""}> ${
            t(`org.visibility.${vis}`)
          }</label>`
        )
      }</fieldset>
${
        e
          ? ""
          : markup`<input type="hidden" name="key" value="${
            opts.values?.key || crypto.randomUUID()
          }"><label class="check"><input type="checkbox" name="publish" value="1"> ${t("org.publishNow")}</label>`
      }
<div><button type="submit">${t("org.save")}</button></div></form>
${e ? management(c, e) : ""}`,
    });
  };

  /** The event's fields from the form; a problem naming the field when one is malformed. */
  const fromForm = (c: WebContext): { body?: Record<string, unknown>; values: Record<string, string>; problem?: Problem } => {
    const names = [
      "title",
      "description",
      "startsAt",
      "endsAt",
      "timeZone",
      "venueName",
      "address",
      "lat",
      "lng",
      "onlineUrl",
      "capacity",
      "category",
      "tags",
      "visibility",
    ];
    const values = Object.fromEntries(names.map((n) => [n, field(c, n)]));
    const tz = values.timeZone || "UTC";
    const startsAt = wallToInstant(values.startsAt, tz);
    const endsAt = wallToInstant(values.endsAt, tz);
    const bad = (f: string) => ({
      values,
      problem: { status: 400, code: "invalid_request", detail: `${f}: is not valid`, errors: [{ field: f, message: "is not valid" }] },
    });
    if (!startsAt) return bad("startsAt");
    if (!endsAt) return bad("endsAt");
    const venue = values.venueName ? { name: values.venueName, address: values.address, lat: Number(values.lat || 0), lng: Number(values.lng || 0) } : null;
    if (venue && (!Number.isFinite(venue.lat) || !Number.isFinite(venue.lng))) return bad("venue.lat");
    return {
      values,
      body: {
        title: values.title,
        description: values.description,
        startsAt,
        endsAt,
        timeZone: tz,
        venue,
        onlineUrl: values.onlineUrl || null,
        capacity: values.capacity ? Number(values.capacity) : null,
        category: values.category || null,
        tags: values.tags.split(",").map((s) => s.trim()).filter(Boolean),
        visibility: values.visibility || "public",
      },
    };
  };

  router.get("/events/new", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c)) return;
    await form(c, {});
  });
  router.post("/events/new", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c)) return;
    const f = fromForm(c);
    if (!f.body) return form(c, { values: f.values, problem: f.problem });
    // The form's own key: a double submit or a retry creates one event, not two.
    const key = field(c, "key");
    f.values.key = key;
    const r = await c.state.api.send<EventView>("POST", "/v1/events", { ...f.body, publish: field(c, "publish") === "1" }, {
      idempotencyKey: key || undefined,
    });
    if (!r.ok) return form(c, { values: f.values, problem: r.problem });
    ctx.redirect(`/events/${r.data.id}/edit?ok=1`);
  });

  router.get("/events/:id/edit", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const e = await editableEvent(c);
    if (e) await form(c, { event: e });
  });
  router.post("/events/:id/edit", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const e = await editableEvent(c);
    if (!e) return;
    const f = fromForm(c);
    if (!f.body) return form(c, { event: e, values: f.values, problem: f.problem });
    const r = await c.state.api.send<EventView>("PATCH", `/v1/events/${e.id}`, f.body);
    if (!r.ok) return form(c, { event: e, values: f.values, problem: r.problem });
    ctx.redirect(`/events/${e.id}?ok=saved`);
  });

  for (const [verb, withReason] of [["publish", false], ["unpublish", true], ["cancel", true]] as const) {
    router.post(`/events/:id/${verb}`, async (ctx) => {
      const c = ctx as unknown as WebContext;
      if (!requireSession(c)) return;
      const reason = field(c, "reason");
      const r = await c.state.api.send("POST", `/v1/events/${ctx.params.id}/${verb}`, withReason ? (reason ? { reason } : {}) : undefined);
      if (!r.ok) return errorPage(c, r.status, r.problem.detail);
      ctx.redirect(`/events/${ctx.params.id}?ok=${verb === "publish" ? "published" : "saved"}`);
    });
  }

  router.post("/events/:id/attachments", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c)) return;
    const r = await c.state.api.send("POST", `/v1/events/${ctx.params.id}/attachments`, {
      filename: field(c, "filename"),
      contentType: field(c, "contentType"),
      dataBase64: field(c, "dataBase64"),
    }, { idempotencyKey: field(c, "key") || undefined });
    if (!r.ok) return errorPage(c, r.status, r.problem.detail);
    ctx.redirect(`/events/${ctx.params.id}/edit`);
  });
  router.post("/events/:id/attachments/:attachmentId/delete", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c)) return;
    const r = await c.state.api.send("DELETE", `/v1/events/${ctx.params.id}/attachments/${ctx.params.attachmentId}`);
    if (!r.ok) return errorPage(c, r.status, r.problem.detail);
    ctx.redirect(`/events/${ctx.params.id}/edit`);
  });
}

/** Publish / draft / cancel and attachments, under the edit form. */
function management(c: WebContext, e: EventView) {
  const { t } = c.state;
  return markup`<h2>${t("common.actions")}</h2><div class="actions">
${
    e.status === "draft"
      ? markup`<form class="inline" method="post" action="/events/${e.id}/publish">${csrfField(c)}<button type="submit">${t("event.publish")}</button></form>`
      : ""
  }
${
    e.status === "published"
      ? markup`<form class="inline" method="post" action="/events/${e.id}/unpublish">${csrfField(c)}<button class="secondary" type="submit">${
        t("event.unpublish")
      }</button></form>`
      : ""
  }
</div>
${
    e.status !== "cancelled"
      ? markup`<form class="stack" method="post" action="/events/${e.id}/cancel" data-confirm="${t("event.cancel")}?">${csrfField(c)}<div><label for="reason">${
        t("event.cancelReason")
      }</label><input id="reason" name="reason" maxlength="1000"></div><div><button class="danger" type="submit">${t("event.cancel")}</button></div></form>`
      : ""
  }
<p><a href="/events/${e.id}/tickets">${t("org.ticketTypes")}</a> · <a href="/events/${e.id}/participants">${
    t("event.participants")
  }</a> · <a href="/events/${e.id}/sales">${t("org.sales")}</a> · <a href="/events/${e.id}/check-in">${
    t("event.checkIn")
  }</a> · <a href="/events/${e.id}/messages">${t("event.messages")}</a></p>
<h2>${t("event.attachments")}</h2>
<ul>${
    e.attachments.map((a) =>
      markup`<li><a href="/events/${e.id}/attachments/${a.id}">${a.filename}</a> <form class="inline" method="post" action="/events/${e.id}/attachments/${a.id}/delete">${
        csrfField(c)
      }<button class="secondary" type="submit">${t("org.remove")}<span class="visually-hidden"> ${a.filename}</span></button></form></li>`
    )
  }</ul>
<form class="stack" method="post" action="/events/${e.id}/attachments" data-file-upload>${csrfField(c)}
<input type="hidden" name="filename"><input type="hidden" name="contentType"><input type="hidden" name="dataBase64"><input type="hidden" name="key" value="${crypto.randomUUID()}">
<div><label for="file">${
    t("org.attach")
  }</label><input id="file" type="file" accept="image/png,image/jpeg,image/webp,image/gif,application/pdf,text/plain" required></div>
<div><button type="submit">${t("org.upload")}</button></div></form>`;
}
