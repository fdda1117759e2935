/** Pages everyone sees: home feeds, search with filters, the event page, organizer and organization pages. */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { type Html, markup, raw } from "../html.ts";
import { formatWhen } from "../i18n.ts";
import { errorPage, field, requireSession, safeNext, sendPage, type WebContext, type WebRouter } from "../app.ts";
import { csrfField, notice, problemAlert } from "../layout.ts";
import { eventList, type EventPage, type EventView, money, type Organization, type PublicProfile } from "./shared.ts";
import { UUID } from "./editable-event.ts";

type Category = { slug: string; name: string };
type TicketType = { id: string; name: string; priceMinor: number; currency: string | null; remaining: number | null };
/** Seats left and the public ticket types (GET /v1/events/{id}/availability, the bookings service). */
type Availability = { capacity: number | null; remaining: number | null; soldOut: boolean; waitlistOpen: boolean; ticketTypes: TicketType[] };
type WaitlistEntry = { id: string; status: string; position: number | null; offerExpiresAt: string | null };

export function publicPages(router: WebRouter): void {
  router.get("/", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const { t, locale, api, session } = c.state;
    const [upcoming, popular, following] = await Promise.all([
      api.get<EventPage>("/v1/feeds/upcoming", { limit: 12 }),
      api.get<EventPage>("/v1/feeds/popular", { limit: 6 }),
      session ? api.get<EventPage>("/v1/feeds/following", { limit: 12 }) : undefined,
    ]);
    const section = (id: string, title: string, r: typeof upcoming | undefined, empty: string) =>
      markup`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${
        r?.ok ? eventList(r.data.items, locale, t, empty) : problemAlert(r && !r.ok ? r.problem : undefined)
      }</section>`;
    sendPage(c, {
      title: t("nav.home"),
      body: markup`<h1>${t("app.tagline")}</h1>
${session ? section("following", t("home.following"), following, t("home.followingEmpty")) : ""}
${section("upcoming", t("home.upcoming"), upcoming, t("home.empty"))}
${section("popular", t("home.popular"), popular, t("home.empty"))}
<p><a href="/events">${t("home.more")}</a></p>`,
    });
  });

  router.get("/events", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const { t, locale, api } = c.state;
    const q = (k: string) => (typeof ctx.query[k] === "string" ? (ctx.query[k] as string).trim() : "");
    const day = (s: string, end = false) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T${end ? "23:59:59" : "00:00:00"}Z` : undefined);
    const tags = q("tags").split(",").map((s) => s.trim()).filter(Boolean);
    const near = q("near") === "1" && q("lat") && q("lng");
    const sort = ["relevance", "start", "popularity"].includes(q("sort")) ? q("sort") : q("q") ? "relevance" : "start";
    const query: Record<string, string | number | undefined> = {
      q: q("q") || undefined,
      category: q("category") || undefined,
      from: day(q("from")),
      to: day(q("to"), true),
      sort,
      cursor: q("cursor") || undefined,
      limit: 20,
    };
    if (near) Object.assign(query, { "near[lat]": q("lat"), "near[lng]": q("lng"), "near[radiusKm]": q("radius") || "25" });
    const tagQuery = tags.length ? `?${tags.map((tag) => `tags=${encodeURIComponent(tag)}`).join("&")}` : "";
    const [results, categories] = await Promise.all([api.get<EventPage>(`/v1/events${tagQuery}`, query), api.get<{ items: Category[] }>("/v1/categories")]);
    const cats = categories.ok ? categories.data.items : [];
    const next = results.ok && results.data.nextCursor
      ? `/events?${new URLSearchParams({
        ...Object.fromEntries(Object.entries(ctx.query).filter(([, v]) => typeof v === "string") as Array<[string, string]>),
        cursor: results.data.nextCursor,
      })}`
      : "";
    sendPage(c, {
      title: t("search.title"),
      body: markup`<h1>${t("search.title")}</h1>
<form class="filters" method="get" action="/events" role="search">
<div><label for="q">${t("search.q")}</label><input id="q" name="q" type="search" value="${q("q")}"></div>
<div><label for="category">${t("search.category")}</label><select id="category" name="category"><option value="">${t("search.anyCategory")}</option>${
        cats.map((cat) => markup`<option value="${cat.slug}"${cat.slug === q("category") ? raw(" selected") : ""}>${cat.name}</option>`)
      }</select></div>
<div><label for="tags">${t("search.tags")}</label><input id="tags" name="tags" value="${q("tags")}"></div>
<div><label for="from">${t("search.from")}</label><input id="from" name="from" type="date" value="${q("from")}"></div>
<div><label for="to">${t("search.to")}</label><input id="to" name="to" type="date" value="${q("to")}"></div>
<div><label for="sort">${t("search.sort")}</label><select id="sort" name="sort">${
        (["relevance", "start", "popularity"] as const).map((s) =>
          markup`<option value="${s}"${s === sort ? raw(" selected") : ""}>${t(`search.sort.${s}`)}</option>`
        )
      }</select></div>
<div><label class="check"><input id="near" name="near" type="checkbox" value="1"${near ? raw(" checked") : ""}> ${t("search.near")}</label>
<input id="lat" name="lat" type="hidden" value="${q("lat")}"><input id="lng" name="lng" type="hidden" value="${q("lng")}"></div>
<div><label for="radius">${t("search.radius")}</label><input id="radius" name="radius" type="number" min="1" max="20000" value="${q("radius") || "25"}"></div>
<div><button type="submit">${t("search.submit")}</button></div>
</form>
<section aria-labelledby="results"><h2 id="results">${t("search.results")}</h2>
${results.ok ? eventList(results.data.items, locale, t, t("search.none")) : problemAlert(results.problem)}
${next ? markup`<p><a href="${next}" rel="next">${t("search.next")}</a></p>` : ""}</section>`,
    });
  });

  // Attachments through the web app, with the session's token: a private or draft event's files
  // need the signed-in person, whose token never reaches the browser. Streamed, never buffered.
  router.get("/events/:id/attachments/:attachmentId", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!UUID.test(ctx.params.id) || !UUID.test(ctx.params.attachmentId)) return void (ctx.status = 404);
    const abort = new AbortController();
    ctx.req.once("close", () => abort.abort());
    const conditional: Record<string, string> = ctx.get("If-None-Match") ? { "if-none-match": ctx.get("If-None-Match") } : {};
    const upstream = await c.state.api.stream(
      `/v1/events/${ctx.params.id}/attachments/${ctx.params.attachmentId}`,
      { accept: "*/*", ...conditional },
      abort.signal,
    );
    ctx.status = upstream.status;
    for (const h of ["content-type", "content-length", "content-disposition", "etag", "cache-control"]) {
      const v = upstream.headers.get(h);
      if (v) ctx.set(h, v);
    }
    // A session's private file must not sit in a shared cache.
    if (c.state.session) ctx.set("Cache-Control", "private, no-cache");
    if (!upstream.ok || !upstream.body) {
      await upstream.body?.cancel();
      if (upstream.status !== 304) {
        return errorPage(c, upstream.status === 401 || upstream.status === 403 ? 404 : upstream.status, c.state.t("common.notFound"));
      }
      return;
    }
    ctx.body = Readable.fromWeb(upstream.body as Parameters<typeof Readable.fromWeb>[0]);
  });

  router.get("/events/:id", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const { t, locale, api, session } = c.state;
    const id = ctx.params.id;
    if (!/^[0-9a-f-]{36}$/i.test(id)) return;
    const event = await api.get<EventView>(`/v1/events/${id}`);
    if (!event.ok) return errorPage(c, event.status === 404 ? 404 : event.status, event.status === 404 ? t("common.notFound") : event.problem.detail);
    const e = event.data;
    const [organizer, org, availability, waitlist] = await Promise.all([
      api.get<PublicProfile>(`/v1/users/${e.organizerId}`),
      e.organizationId ? api.get<Organization>(`/v1/orgs/${e.organizationId}`) : undefined,
      api.get<Availability>(`/v1/events/${id}/availability`),
      session && e.status === "published" ? api.get<WaitlistEntry>(`/v1/events/${id}/waitlist/me`) : undefined,
    ]);
    const a = availability.ok ? availability.data : undefined;
    const seats = a
      ? a.remaining === null ? t("event.unlimited") : a.remaining > 0 ? t("event.seatsLeft", { n: a.remaining }) : t("event.soldOut")
      : e.capacity === null
      ? t("event.unlimited")
      : t("event.capacity", { n: e.capacity });
    const types = (a?.ticketTypes ?? []).filter((tt) => tt.remaining === null || tt.remaining > 0);
    const entry = waitlist?.ok ? waitlist.data : undefined;
    // A waitlist offer's email links here with ?offer=<entry>&answer=accept|decline: the answer is
    // still a POST (mail scanners follow links), so the page shows the offer with that button focused.
    const offerId = typeof ctx.query.offer === "string" ? ctx.query.offer : undefined;
    const answer = offerId && entry?.id === offerId ? String(ctx.query.answer ?? "") : "";
    const focus = (which: string) => (answer === which ? raw(" autofocus") : "");
    const key = markup`<input type="hidden" name="key" value="${randomUUID()}">`;
    const booking = e.status !== "published" || !a
      ? ""
      : !session
      ? markup`<p><a class="button" href="/sign-in?next=${encodeURIComponent(offerId ? ctx.url : `/events/${id}`)}">${
        t(offerId ? "booking.signInToAnswer" : "event.signInToBook")
      }</a></p>`
      : entry?.status === "offered"
      ? markup`<section id="offer" aria-labelledby="offer-h"><h2 id="offer-h">${t("booking.offerTitle")}</h2><p class="notice">${
        t("booking.offer", { time: entry.offerExpiresAt ? formatWhen(locale, entry.offerExpiresAt, undefined, e.timeZone) : "" })
      }</p>
<div class="actions"><form class="inline" method="post" action="/waitlist/${entry.id}/accept">${csrfField(c)}<button type="submit"${focus("accept")}>${
        t("booking.accept")
      }</button></form>
<form class="inline" method="post" action="/waitlist/${entry.id}/decline">${csrfField(c)}<button class="secondary" type="submit"${focus("decline")}>${
        t("booking.decline")
      }</button></form></div></section>`
      : offerId && entry?.id === offerId
      ? markup`<p class="notice" role="status">${t("booking.offerClosed")}</p>`
      : entry?.status === "waiting"
      ? markup`<p class="notice">${t("booking.waitlistPosition", { n: entry.position ?? "?" })}</p>`
      : !a.soldOut
      ? markup`<form class="stack" method="post" action="/events/${id}/book" aria-labelledby="book-h"><h2 id="book-h">${t("event.tickets")}</h2>${
        csrfField(c)
      }${key}
${
        types.length
          ? types.map((tt, i) =>
            markup`<div><label for="qty-${i}">${tt.name} — ${
              money(locale, tt.priceMinor, tt.currency, t)
            }</label><input id="qty-${i}" name="qty:${tt.id}" type="number" min="0" max="10" value="${i === 0 ? 1 : 0}" inputmode="numeric"></div>`
          )
          : markup`<div><label for="seats-n">${
            t("booking.seats")
          }</label><input id="seats-n" name="seats" type="number" min="1" max="10" value="1" inputmode="numeric"></div>`
      }
<div><button type="submit">${t("event.book")}</button></div></form>`
      : a.waitlistOpen
      ? markup`<form class="stack" method="post" action="/events/${id}/waitlist">${csrfField(c)}${key}<div><label for="wl-seats">${
        t("booking.seats")
      }</label><input id="wl-seats" name="seats" type="number" min="1" max="10" value="1"></div><div><button type="submit">${
        t("booking.waitlistJoin")
      }</button></div></form>`
      : "";
    const editor = e.canEdit
      ? markup`<div class="actions">
<a class="button secondary" href="/events/${id}/edit">${t("event.edit")}</a>
<a class="button secondary" href="/events/${id}/tickets">${t("org.ticketTypes")}</a>
<a class="button secondary" href="/events/${id}/participants">${t("event.participants")}</a>
<a class="button secondary" href="/events/${id}/check-in">${t("event.checkIn")}</a>
<a class="button secondary" href="/events/${id}/messages">${t("event.messages")}</a>
${
        e.status === "draft"
          ? markup`<form class="inline" method="post" action="/events/${id}/publish">${csrfField(c)}<button type="submit">${t("event.publish")}</button></form>`
          : ""
      }
</div>`
      : "";
    const ok = typeof ctx.query.ok === "string" ? ctx.query.ok : "";
    sendPage(c, {
      title: e.title,
      description: `${e.title} — ${formatWhen(locale, e.startsAt, e.endsAt, e.timeZone)}${e.venue ? `, ${e.venue.name}` : ""}`,
      body: markup`<article>
${notice(ok === "published" ? t("event.publish") + " ✓" : ok === "saved" ? t("me.saved") : undefined)}
<h1>${e.title}</h1>
${e.status === "cancelled" ? markup`<p class="error" role="alert">${t("event.cancelled")}${e.cancelReason ? markup` ${e.cancelReason}` : ""}</p>` : ""}
${e.status === "draft" ? markup`<p class="notice">${t("event.draft")}</p>` : ""}
${editor}
<dl class="facts">
<dt>${t("event.when")}</dt><dd><time datetime="${e.startsAt}">${
        formatWhen(locale, e.startsAt, e.endsAt, e.timeZone)
      }</time> <span class="muted">(${e.timeZone})</span></dd>
<dt>${t("event.where")}</dt><dd>${e.venue ? markup`${e.venue.name}, ${e.venue.address}` : ""}${
        e.onlineUrl ? markup` <a href="${e.onlineUrl}" rel="noopener">${t("event.online")}</a>` : ""
      }</dd>
<dt>${t("event.organizer")}</dt><dd>${organizer.ok ? markup`<a href="/users/${e.organizerId}">${organizer.data.displayName}</a>` : "—"}</dd>
${org?.ok ? markup`<dt>${t("event.organization")}</dt><dd><a href="/orgs/${org.data.id}">${org.data.name}</a></dd>` : ""}
${e.category ? markup`<dt>${t("event.category")}</dt><dd><a href="/events?category=${e.category}">${e.category}</a></dd>` : ""}
${
        e.tags.length
          ? markup`<dt>${t("event.tags")}</dt><dd>${
            e.tags.map((tag, i) => markup`${i ? ", " : ""}<a href="/events?tags=${encodeURIComponent(tag)}">${tag}</a>`)
          }</dd>`
          : ""
      }
${seats ? markup`<dt>${t("event.tickets")}</dt><dd id="seats">${seats}</dd>` : ""}
</dl>
<div class="description">${raw(e.descriptionHtml)}</div>
${
        e.attachments.length
          ? markup`<h2>${t("event.attachments")}</h2><ul>${
            e.attachments.map((a) =>
              markup`<li><a href="/events/${id}/attachments/${a.id}">${a.filename}</a> <span class="muted">(${Math.ceil(a.size / 1024)} KB)</span></li>`
            )
          }</ul>`
          : ""
      }
${booking}
<div class="actions">
<a class="button secondary" href="/v1/events/${id}/calendar.ics">${t("event.ics")}</a>
<a class="button secondary" href="${e.googleCalendarUrl}" rel="noopener">${t("event.google")}</a>
${
        session
          ? markup`<form class="inline" method="post" action="/events/${id}/follow">${csrfField(c)}<button class="secondary" type="submit">${
            t("event.follow")
          }</button></form>`
          : ""
      }
</div>
</article>`,
    });
  });

  router.post("/events/:id/follow", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c)) return;
    const r = await c.state.api.send("POST", `/v1/events/${ctx.params.id}/follow`);
    if (!r.ok) return errorPage(c, r.status, r.problem.detail);
    ctx.redirect(`/events/${ctx.params.id}?ok=saved`);
  });

  const profilePage = (kind: "users" | "orgs") => async (ctx: WebContext) => {
    const { t, locale, api, session } = ctx.state;
    const id = ctx.params.id;
    if (!/^[0-9a-f-]{36}$/i.test(id)) return;
    const [who, events, following] = await Promise.all([
      kind === "users" ? api.get<PublicProfile>(`/v1/users/${id}`) : api.get<Organization>(`/v1/orgs/${id}`),
      api.get<EventPage>("/v1/events", { [kind === "users" ? "organizerId" : "organizationId"]: id, sort: "start", limit: 20 }),
      session
        ? api.get<{ items: Array<{ target?: { kind: string; id: string }; kind?: string; id?: string }> }>("/v1/me/following", { limit: 100 })
        : undefined,
    ]);
    if (!who.ok) return errorPage(ctx, who.status, who.status === 404 ? t("common.notFound") : who.problem.detail);
    const name = "displayName" in who.data ? who.data.displayName : who.data.name;
    const bio = "bio" in who.data ? who.data.bio : who.data.description;
    const follows = following?.ok ? following.data.items.some((f) => (f.target?.id ?? f.id) === id) : false;
    const ok = typeof ctx.query.ok === "string";
    ctx.state.t = t;
    sendPage(ctx, {
      title: name,
      body: markup`${notice(ok ? t("me.saved") : undefined)}<h1>${name}</h1>
${bio ? markup`<p>${bio}</p>` : ""}
<p class="muted" id="followers">${t("organizer.followers", { n: who.data.followers })}</p>
${
        session && session.userId !== id
          ? markup`<form method="post" action="/${kind}/${id}/follow">${csrfField(ctx)}<input type="hidden" name="follow" value="${
            follows ? "0" : "1"
          }"><button type="submit"${follows ? raw(' class="secondary"') : ""}>${follows ? t("organizer.unfollow") : t("organizer.follow")}</button></form>`
          : ""
      }
<h2>${t("organizer.events")}</h2>
${events.ok ? eventList(events.data.items, locale, t, t("home.empty")) : problemAlert(events.problem)}`,
    });
  };
  router.get("/users/:id", (ctx) => profilePage("users")(ctx as unknown as WebContext));
  router.get("/orgs/:id", (ctx) => profilePage("orgs")(ctx as unknown as WebContext));
  for (const kind of ["users", "orgs"] as const) {
    router.post(`/${kind}/:id/follow`, async (ctx) => {
      const c = ctx as unknown as WebContext;
      if (!requireSession(c)) return;
      const follow = field(c, "follow") !== "0";
      const r = await c.state.api.send(follow ? "POST" : "DELETE", `/v1/${kind}/${ctx.params.id}/follow`);
      if (!r.ok) return errorPage(c, r.status, r.problem.detail);
      ctx.redirect(safeNext(`/${kind}/${ctx.params.id}?ok=1`));
    });
  }
}

export type { Html };
