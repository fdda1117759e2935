/**
 * Booking, paying and tickets (attendees), waitlist offers, and the organizer's ticket types,
 * participants (search, CSV) and door check-in — all over the bookings and payments routes of
 * the edge (/v1/bookings, /v1/me/bookings, /v1/tickets, /v1/events/{id}/…, /v1/payments).
 */
import { Readable } from "node:stream";
import { markup } from "../html.ts";
import { errorPage, field, requireSession, sendPage, type WebContext, type WebRouter } from "../app.ts";
import { csrfField, layoutAssets, notice, problemAlert } from "../layout.ts";
import type { Problem } from "../edge-client.ts";
import { editableEvent, UUID } from "./editable-event.ts";
import { formatWhen, type Translate } from "../i18n.ts";
import { type EventView, money } from "./shared.ts";

type Sales = {
  days: Array<{ date: string; tickets: number; orders: number }>;
  ticketTypes: Array<
    {
      ticketTypeId: string;
      name: string;
      quantity: number | null;
      sold: number;
      held: number;
      checkedIn: number;
      revenueMinor: number;
      currency: string | null;
    }
  >;
};

type Ticket = { id: string; orderId: string; eventId: string; ticketTypeName: string; attendeeName: string; status: string; checkedInAt: string | null };
type Order = {
  id: string;
  eventId: string;
  status: string;
  seats: number;
  totalMinor: number;
  currency: string | null;
  reservedUntil: string | null;
  lines: Array<{ name: string; quantity: number; unitPriceMinor: number }>;
  tickets: Ticket[];
  createdAt: string;
};
type TicketType = {
  id: string;
  name: string;
  priceMinor: number;
  currency: string | null;
  quantity: number | null;
  remaining: number | null;
  visibility: string;
};
type Participant = {
  ticketId: string;
  attendeeName: string;
  attendeeEmail: string | null;
  ticketTypeName: string;
  status: string;
  checkedInAt: string | null;
  bookedAt: string;
};
type ScanOutcome = { result: "valid" | "already_checked_in" | "other_event" | "cancelled" | "forged"; ticket: Ticket | null; checkedInAt: string | null };
type WaitlistEntry = {
  id: string;
  eventId: string;
  seats: number;
  status: string;
  position: number | null;
  offerExpiresAt: string | null;
  orderId: string | null;
};

const PAYABLE = new Set(["reserved", "awaiting_payment"]);

export function bookingPages(router: WebRouter): void {
  /** Starts paying a held order and sends the browser to the provider's page. */
  const pay = async (c: WebContext, orderId: string): Promise<void> => {
    const back = new URL(`/me/bookings/${orderId}`, c.href).toString();
    const r = await c.state.api.send<{ paymentId: string; redirectUrl: string }>("POST", "/v1/payments", { bookingId: orderId, returnUrl: back }, {
      idempotencyKey: `pay-${orderId}`,
    });
    if (!r.ok) return errorPage(c, r.status, r.problem.detail);
    c.redirect(r.data.redirectUrl);
  };

  router.post("/events/:id/book", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c) || !UUID.test(ctx.params.id)) return;
    const body = (c.request.body ?? {}) as Record<string, unknown>;
    const items = Object.entries(body)
      .filter(([k]) => k.startsWith("qty:"))
      .map(([k, v]) => ({ ticketTypeId: k.slice(4), quantity: Number(v) }))
      .filter((i) => UUID.test(i.ticketTypeId) && Number.isInteger(i.quantity) && i.quantity > 0);
    const seats = Number(field(c, "seats") || 0);
    const request = items.length ? { eventId: ctx.params.id, items } : { eventId: ctx.params.id, seats: seats > 0 ? seats : 1 };
    const r = await c.state.api.send<Order>("POST", "/v1/bookings", request, { idempotencyKey: field(c, "key") || undefined });
    if (!r.ok) return errorPage(c, r.status, r.problem.detail);
    if (PAYABLE.has(r.data.status) && r.data.totalMinor > 0) return pay(c, r.data.id);
    ctx.redirect(`/me/bookings/${r.data.id}`);
  });

  router.post("/events/:id/waitlist", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c)) return;
    const r = await c.state.api.send("POST", `/v1/events/${ctx.params.id}/waitlist`, { seats: Number(field(c, "seats") || 1) }, {
      idempotencyKey: field(c, "key") || undefined,
    });
    if (!r.ok) return errorPage(c, r.status, r.problem.detail);
    ctx.redirect(`/events/${ctx.params.id}?ok=saved`);
  });
  for (const verb of ["accept", "decline"] as const) {
    router.post(`/waitlist/:entryId/${verb}`, async (ctx) => {
      const c = ctx as unknown as WebContext;
      if (!requireSession(c)) return;
      const r = await c.state.api.send<Order & WaitlistEntry>(
        "POST",
        `/v1/waitlist/${ctx.params.entryId}/${verb}`,
        undefined,
        verb === "accept" ? { idempotencyKey: `accept-${ctx.params.entryId}` } : {},
      );
      if (!r.ok) return errorPage(c, r.status, r.problem.detail);
      if (verb === "accept") {
        if (PAYABLE.has(r.data.status) && r.data.totalMinor > 0) return pay(c, r.data.id);
        return ctx.redirect(`/me/bookings/${r.data.id}`);
      }
      ctx.redirect("/me/bookings");
    });
  }

  const titles = async (c: WebContext, ids: string[]) => {
    const unique = [...new Set(ids)];
    const events = await Promise.all(unique.map((id) => c.state.api.get<EventView>(`/v1/events/${id}`)));
    return new Map(unique.map((id, i) => [id, events[i].ok ? (events[i] as { data: EventView }).data : undefined]));
  };

  router.get("/me/bookings", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c)) return;
    const { t, locale, api } = c.state;
    const r = await api.get<{ items: Order[]; nextCursor: string | null }>("/v1/me/bookings", { limit: 50 });
    if (!r.ok && r.status === 404) {
      return sendPage(c, { title: t("me.bookings"), body: markup`<h1>${t("me.bookings")}</h1><p class="muted">${t("org.notAvailable")}</p>` });
    }
    const orders = r.ok ? r.data.items : [];
    const events = await titles(c, orders.map((o) => o.eventId));
    sendPage(c, {
      title: t("me.bookings"),
      body: markup`<h1>${t("me.bookings")}</h1>${notice(ctx.query.ok ? t("me.saved") : undefined)}${r.ok ? "" : problemAlert(r.problem)}
${
        orders.length
          ? markup`<ul class="cards">${
            orders.map((o) => {
              const e = events.get(o.eventId);
              return markup`<li class="card"><h2><a href="/me/bookings/${o.id}">${e?.title ?? o.eventId}</a></h2>
${e ? markup`<p class="muted">${formatWhen(locale, e.startsAt, e.endsAt, e.timeZone)}</p>` : ""}
<p>${statusLabel(t, o.status)} · ${o.seats} × · ${money(locale, o.totalMinor, o.currency, t)}</p></li>`;
            })
          }</ul>`
          : markup`<p class="muted">${t("me.noBookings")}</p>`
      }`,
    });
  });

  router.get("/me/bookings/:id", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c) || !UUID.test(ctx.params.id)) return;
    const { t, locale, api } = c.state;
    const r = await api.get<Order>(`/v1/bookings/${ctx.params.id}`);
    if (!r.ok) return errorPage(c, r.status, r.problem.detail);
    const o = r.data;
    const e = (await titles(c, [o.eventId])).get(o.eventId);
    const codes = await Promise.all(o.tickets.map((tk) => api.get<{ code: string }>(`/v1/tickets/${tk.id}`)));
    sendPage(c, {
      title: `${t("me.ticket")}: ${e?.title ?? ""}`,
      body: markup`<h1>${e ? markup`<a href="/events/${e.id}">${e.title}</a>` : t("me.ticket")}</h1>
${e ? markup`<p>${formatWhen(locale, e.startsAt, e.endsAt, e.timeZone)}${e.venue ? markup` · ${e.venue.name}, ${e.venue.address}` : ""}</p>` : ""}
<p id="order-status" data-status="${o.status}">${statusLabel(t, o.status)} · ${money(locale, o.totalMinor, o.currency, t)}</p>
${
        o.status === "awaiting_payment"
          ? markup`<p class="notice" data-awaiting-payment="${o.id}">${t("booking.awaiting")} <a href="/me/bookings/${o.id}">${t("booking.refresh")}</a></p>`
          : ""
      }
${
        PAYABLE.has(o.status) && o.totalMinor > 0
          ? markup`<form method="post" action="/me/bookings/${o.id}/pay">${csrfField(c)}<button type="submit">${t("booking.pay")}</button></form>`
          : ""
      }
${
        o.status === "confirmed"
          ? markup`<div class="cards">${
            o.tickets.map(
              (tk, i) =>
                markup`<section class="ticket" aria-label="${t("me.ticket")} ${i + 1}"><h2>${t("me.ticket")} ${
                  i + 1
                }: ${tk.ticketTypeName}</h2><p>${tk.attendeeName}</p>
<img src="/tickets/${tk.id}/qr.svg" alt="${t("booking.qrAlt")}" width="240" height="240">
${
                  codes[i].ok
                    ? markup`<details><summary>${t("org.code")}</summary><code class="code" data-ticket-code>${
                      (codes[i] as { data: { code: string } }).data.code
                    }</code></details>`
                    : ""
                }
${tk.checkedInAt ? markup`<p class="ok">${t("booking.checkedIn")}</p>` : ""}</section>`,
            )
          }</div>`
          : ""
      }
${
        ["confirmed", "reserved", "awaiting_payment"].includes(o.status)
          ? markup`<form method="post" action="/me/bookings/${o.id}/cancel" data-confirm="${t("me.cancelBooking")}?">${
            csrfField(c)
          }<button class="danger" type="submit">${t("me.cancelBooking")}</button></form>`
          : ""
      }`,
    });
  });
  router.post("/me/bookings/:id/pay", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c) || !UUID.test(ctx.params.id)) return;
    await pay(c, ctx.params.id);
  });
  router.post("/me/bookings/:id/cancel", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c) || !UUID.test(ctx.params.id)) return;
    const r = await c.state.api.send("DELETE", `/v1/bookings/${ctx.params.id}`);
    if (!r.ok) return errorPage(c, r.status, r.problem.detail);
    ctx.redirect("/me/bookings?ok=1");
  });
  // The QR image needs the session's token: the web app fetches it for the browser.
  router.get("/tickets/:id/qr.svg", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!c.state.session || !UUID.test(ctx.params.id)) return void (ctx.status = 404);
    const r = await c.state.api.get<string>(`/v1/tickets/${ctx.params.id}/qr.svg`);
    if (!r.ok) return void (ctx.status = r.status);
    ctx.set("Cache-Control", "private, max-age=300");
    ctx.type = "image/svg+xml";
    ctx.body = r.data;
  });

  // --- organizers -----------------------------------------------------------------------------
  router.get("/events/:id/tickets", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const e = await editableEvent(c);
    if (!e) return;
    await ticketTypesPage(c, e);
  });
  const ticketTypesPage = async (c: WebContext, e: EventView, problem?: Problem) => {
    const { t, locale, api } = c.state;
    const r = await api.get<{ items: TicketType[] }>(`/v1/events/${e.id}/ticket-types`);
    sendPage(c, {
      status: problem?.status ?? 200,
      title: t("org.ticketTypes"),
      body: markup`<h1>${t("org.ticketTypes")}: <a href="/events/${e.id}">${e.title}</a></h1>${problemAlert(problem ?? (r.ok ? undefined : r.problem))}
${
        r.ok && r.data.items.length
          ? markup`<table><thead><tr><th scope="col">${t("org.ticketName")}</th><th scope="col">${t("org.price")}</th><th scope="col">${
            t("org.quantity")
          }</th></tr></thead><tbody>${
            r.data.items.map((tt) =>
              markup`<tr><td>${tt.name}</td><td>${money(locale, tt.priceMinor, tt.currency, t)}</td><td>${tt.remaining ?? "∞"} / ${
                tt.quantity ?? "∞"
              }</td></tr>`
            )
          }</tbody></table>`
          : ""
      }
<h2>${t("org.addTicketType")}</h2>
<form class="stack" method="post" action="/events/${e.id}/tickets">${csrfField(c)}<input type="hidden" name="key" value="${crypto.randomUUID()}">
<div><label for="tt-name">${t("org.ticketName")}</label><input id="tt-name" name="name" required maxlength="100"></div>
<div><label for="tt-price">${t("org.price")}</label><input id="tt-price" name="price" inputmode="decimal" value="0"></div>
<div><label for="tt-currency">${t("org.currency")}</label><input id="tt-currency" name="currency" maxlength="3" value="EUR"></div>
<div><label for="tt-quantity">${t("org.quantity")}</label><input id="tt-quantity" name="quantity" type="number" min="1"></div>
<div><button type="submit">${t("org.addTicketType")}</button></div></form>`,
    });
  };
  router.post("/events/:id/tickets", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const e = await editableEvent(c);
    if (!e) return;
    const price = Math.round(Number(field(c, "price").replace(",", ".") || 0) * 100);
    const currency = field(c, "currency").toUpperCase();
    const body = {
      name: field(c, "name"),
      priceMinor: price,
      currency: price > 0 ? currency : null,
      quantity: field(c, "quantity") ? Number(field(c, "quantity")) : null,
    };
    const r = await c.state.api.send("POST", `/v1/events/${e.id}/ticket-types`, body, { idempotencyKey: field(c, "key") || undefined });
    if (!r.ok) return ticketTypesPage(c, e, r.problem);
    ctx.redirect(`/events/${e.id}/tickets`);
  });

  router.get("/events/:id/participants", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const e = await editableEvent(c);
    if (!e) return;
    const { t, api } = c.state;
    const q = typeof ctx.query.q === "string" ? ctx.query.q.trim() : "";
    const r = await api.get<{ items: Participant[]; nextCursor: string | null; counts: Record<string, number> }>(`/v1/events/${e.id}/registrations`, {
      q: q || undefined,
      limit: 100,
    });
    sendPage(c, {
      title: t("org.participants"),
      body: markup`<h1>${t("org.participants")}: <a href="/events/${e.id}">${e.title}</a></h1>
<form method="get" role="search" class="filters"><div><label for="q">${
        t("org.searchParticipants")
      }</label><input id="q" name="q" type="search" value="${q}"></div><div><button type="submit">${t("search.submit")}</button></div></form>
<p><a class="button secondary" href="/events/${e.id}/participants.csv${q ? `?q=${encodeURIComponent(q)}` : ""}" download>${t("org.exportCsv")}</a></p>
${
        r.ok
          ? markup`<p class="muted">${Object.entries(r.data.counts).map(([k, n]) => `${k}: ${n}`).join(" · ")}</p>
<table><thead><tr><th scope="col">${t("admin.name")}</th><th scope="col">${t("auth.email")}</th><th scope="col">${t("me.ticket")}</th><th scope="col">${
            t("common.status")
          }</th><th scope="col">${t("event.checkIn")}</th></tr></thead><tbody>
${
            r.data.items.map((p) =>
              markup`<tr><td>${p.attendeeName}</td><td>${p.attendeeEmail ?? ""}</td><td>${p.ticketTypeName}</td><td>${p.status}</td><td>${
                p.checkedInAt ? markup`<time datetime="${p.checkedInAt}">${p.checkedInAt.slice(11, 16)}</time>` : "—"
              }</td></tr>`
            )
          }
</tbody></table>`
          : problemAlert(r.problem)
      }`,
    });
  });
  // Sales: the tables are the page (and what a screen reader reads); the script draws the chart from them.
  router.get("/events/:id/sales", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const e = await editableEvent(c);
    if (!e) return;
    const { t, locale, api } = c.state;
    const r = await api.get<Sales>(`/v1/events/${e.id}/sales`);
    if (!r.ok) return errorPage(c, r.status, r.problem.detail);
    const { days, ticketTypes } = r.data;
    let total = 0;
    sendPage(c, {
      title: t("org.sales"),
      body: markup`<h1>${t("org.sales")}: <a href="/events/${e.id}">${e.title}</a></h1>
${
        days.length
          ? markup`<div id="sales-chart" data-script="${layoutAssets.chartScript}" data-css="${layoutAssets.chartCss}" data-label-day="${
            t("org.salesPerDay")
          }" data-label-total="${t("org.salesTotal")}" aria-hidden="true"></div>
<table id="sales-days"><caption>${t("org.salesPerDay")}</caption><thead><tr><th scope="col">${t("org.date")}</th><th scope="col">${
            t("org.ticketsSold")
          }</th><th scope="col">${t("org.orders")}</th><th scope="col">${t("org.salesTotal")}</th></tr></thead><tbody>
${
            days.map((d) =>
              markup`<tr data-date="${d.date}" data-tickets="${d.tickets}"><td><time datetime="${d.date}">${d.date}</time></td><td>${d.tickets}</td><td>${d.orders}</td><td>${(total +=
                d.tickets)}</td></tr>`
            )
          }
</tbody></table>`
          : markup`<p class="muted">${t("org.noSales")}</p>`
      }
<table id="sales-types"><caption>${t("org.ticketTypes")}</caption><thead><tr><th scope="col">${t("org.ticketName")}</th><th scope="col">${
        t("org.ticketsSold")
      }</th><th scope="col">${t("org.held")}</th><th scope="col">${t("event.checkIn")}</th><th scope="col">${t("org.quantity")}</th><th scope="col">${
        t("org.revenue")
      }</th></tr></thead><tbody>
${
        ticketTypes.map((tt) =>
          markup`<tr><td>${tt.name}</td><td>${tt.sold}</td><td>${tt.held}</td><td>${tt.checkedIn}</td><td>${tt.quantity ?? "∞"}</td><td>${
            tt.revenueMinor ? money(locale, tt.revenueMinor, tt.currency, t) : "—"
          }</td></tr>`
        )
      }
</tbody></table>`,
    });
  });
  // The edge streams the whole list as CSV; the web app passes it through with the session's token.
  router.get("/events/:id/participants.csv", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const e = await editableEvent(c);
    if (!e) return;
    const q = typeof ctx.query.q === "string" ? ctx.query.q.trim() : "";
    const abort = new AbortController();
    ctx.req.once("close", () => abort.abort());
    const upstream = await c.state.api.stream(
      `/v1/events/${e.id}/registrations.csv${q ? `?q=${encodeURIComponent(q)}` : ""}`,
      { accept: "text/csv" },
      abort.signal,
    );
    if (!upstream.ok || !upstream.body) {
      await upstream.body?.cancel();
      return errorPage(c, upstream.status, c.state.t("common.error"));
    }
    ctx.type = "text/csv; charset=utf-8";
    ctx.attachment(`participants-${e.id}.csv`);
    ctx.set("Cache-Control", "private, no-store");
    ctx.body = Readable.fromWeb(upstream.body as Parameters<typeof Readable.fromWeb>[0]);
  });

  const checkInPage = (c: WebContext, e: EventView, result?: { ok: boolean; message: string }) => {
    const { t } = c.state;
    sendPage(c, {
      title: t("org.checkInTitle"),
      body: markup`<h1>${t("org.checkInTitle")}: <a href="/events/${e.id}">${e.title}</a></h1>
<div id="checkin-result" class="${result ? `result ${result.ok ? "ok" : "bad"}` : ""}" role="status" aria-live="assertive">${result?.message ?? ""}</div>
<form id="checkin-form" class="stack" method="post" action="/events/${e.id}/check-in">${csrfField(c)}
<div><label for="code">${t("org.code")}</label><input id="code" name="code" autocomplete="off" autofocus required></div>
<div class="actions"><button type="submit">${
        t("org.checkIn")
      }</button><button id="scan" class="secondary" type="button" hidden data-scanner="${layoutAssets.scannerScript}" data-wasm="${layoutAssets.scannerWasm}">${
        t("org.scan")
      }</button></div></form>
<video id="camera" hidden muted playsinline aria-label="${t("org.scan")}"></video>`,
    });
  };
  router.get("/events/:id/check-in", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const e = await editableEvent(c);
    if (e) checkInPage(c, e);
  });
  router.post("/events/:id/check-in", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const e = await editableEvent(c);
    if (!e) return;
    const { t } = c.state;
    const r = await c.state.api.send<ScanOutcome>("POST", `/v1/events/${e.id}/check-ins`, { code: field(c, "code") });
    const outcome = r.ok ? r.data.result : "invalid";
    const message = !r.ok
      ? r.problem.detail
      : outcome === "valid"
      ? `${t("org.valid")} ${r.data.ticket?.attendeeName ?? ""} (${r.data.ticket?.ticketTypeName ?? ""})`
      : outcome === "already_checked_in"
      ? `${t("org.alreadyUsed")} ${r.data.checkedInAt ? new Date(r.data.checkedInAt).toLocaleTimeString(c.state.locale) : ""}`
      : t("org.invalid");
    if (ctx.accepts("html", "json") === "json") {
      ctx.body = { outcome: outcome === "valid" ? "checked_in" : outcome, message };
      return;
    }
    checkInPage(c, e, { ok: outcome === "valid", message });
  });
}

const STATUSES = ["reserved", "awaiting_payment", "confirmed", "expired", "cancelled", "refunded", "partially_refunded"] as const;
function statusLabel(t: Translate, status: string): string {
  return (STATUSES as readonly string[]).includes(status) ? t(`booking.status.${status as (typeof STATUSES)[number]}`) : status;
}

export type { WaitlistEntry };
