/**
 * The signed-in person's pages: the inbox (live over SSE, proxied from the edge with the
 * session's token), bookings and tickets, waitlist offers, settings (notification preferences,
 * devices, calendar feed, security).
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { ATTENDEE_KINDS, type AttendeeKind, FOLLOWER_KINDS, type FollowerKind } from "../../../subjects/notifications.ts";
import { markup, raw } from "../html.ts";
import { errorPage, field, requireSession, sendPage, type WebContext, type WebRouter } from "../app.ts";
import { csrfField, notice, problemAlert } from "../layout.ts";
import type { Problem } from "../edge-client.ts";

type InboxItem = { id: string; kind: string; title: string; body: string; link: string; createdAt: string; readAt: string | null };
type Switches = { in_app: boolean; email: boolean; push: boolean; sms?: boolean };
type Preferences = { kinds: Partial<Record<Kind, Switches>>; quietHours: { start: string; end: string } | null; digest: boolean };
type Phone = {
  number: string | null;
  status: "none" | "verified" | "suppressed";
  pending: { number: string; codeExpiresAt: string; attemptsLeft: number } | null;
};
type Me = { id: string; email: string; displayName: string; emailVerified: boolean; totpEnabled: boolean; roles: string[] };

/** Every kind a person can switch per channel: about whom they follow, then about what they booked. */
const KINDS = [...FOLLOWER_KINDS, ...ATTENDEE_KINDS];
type Kind = FollowerKind | AttendeeKind;
/** The kinds SMS may carry (the API refuses it elsewhere). */
const SMS_KINDS: readonly Kind[] = ["event_reminder", "event_updated", "event_cancelled"];
const ALL_ON: Switches = { in_app: true, email: true, push: true };
const CHANNELS = [
  ["in_app", "me.channel.inApp"],
  ["email", "me.channel.email"],
  ["push", "me.channel.push"],
] as const;

export function mePages(router: WebRouter): void {
  router.get("/me/notifications", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c)) return;
    const { t, api } = c.state;
    const list = await api.get<{ items: InboxItem[]; nextCursor: string | null }>("/v1/me/notifications", {
      limit: 50,
      cursor: typeof ctx.query.cursor === "string" ? ctx.query.cursor : undefined,
    });
    sendPage(c, {
      title: t("me.inbox"),
      body: markup`<h1>${t("me.inbox")}</h1><p class="muted">${t("me.live")}</p>
<form method="post" action="/me/notifications/read-all">${csrfField(c)}<button class="secondary" type="submit">${t("me.markAllRead")}</button></form>
${list.ok ? "" : problemAlert(list.problem)}
<ul id="inbox-list" class="cards inbox" aria-live="polite">${
        (list.ok ? list.data.items : []).map(
          (n) =>
            markup`<li class="card${n.readAt ? "" : " unread"}"><a href="${n.link.startsWith("/") ? n.link : "/"}">${n.title}</a><p>${n.body}</p>
<p class="muted"><time datetime="${n.createdAt}">${new Date(n.createdAt).toLocaleString(c.state.locale)}</time></p>
${
              n.readAt
                ? ""
                : markup`<form class="inline" method="post" action="/me/notifications/${n.id}/read">${csrfField(c)}<button class="secondary" type="submit">${
                  t("me.markRead")
                }<span class="visually-hidden">: ${n.title}</span></button></form>`
            }</li>`,
        )
      }</ul>
${list.ok && !list.data.items.length ? markup`<p id="inbox-empty" class="muted">${t("me.inboxEmpty")}</p>` : ""}
${
        list.ok && list.data.nextCursor
          ? markup`<p><a href="/me/notifications?cursor=${encodeURIComponent(list.data.nextCursor)}" rel="next">${t("common.next")}</a></p>`
          : ""
      }`,
    });
  });
  router.post("/me/notifications/read-all", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c)) return;
    await c.state.api.send("POST", "/v1/me/notifications/read-all");
    ctx.redirect("/me/notifications");
  });
  router.post("/me/notifications/:id/read", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c)) return;
    await c.state.api.send("POST", `/v1/me/notifications/${encodeURIComponent(ctx.params.id)}/read`);
    ctx.redirect("/me/notifications");
  });

  // The live stream: the edge's SSE with this session's token, piped through unchanged.
  router.get("/me/notifications/stream", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!c.state.session) return void (ctx.status = 401);
    const abort = new AbortController();
    ctx.req.on("close", () => abort.abort());
    const lastEventId = ctx.get("last-event-id");
    let upstream: Response;
    try {
      upstream = await c.state.api.stream("/v1/me/notifications/stream", {
        accept: "text/event-stream",
        ...(lastEventId ? { "last-event-id": lastEventId } : {}),
      }, abort.signal);
    } catch {
      return void (ctx.status = 503);
    }
    if (!upstream.ok || !upstream.body) {
      ctx.status = upstream.status === 401 ? 401 : 503;
      return;
    }
    ctx.req.socket.setTimeout(0);
    ctx.set("Cache-Control", "no-cache, no-transform");
    ctx.set("X-Accel-Buffering", "no");
    ctx.type = "text/event-stream";
    const body = Readable.fromWeb(upstream.body as import("node:stream/web").ReadableStream);
    body.on("error", () => undefined);
    ctx.body = body;
  });

  const settings = async (
    c: WebContext,
    opts: { problem?: Problem; done?: string; calendarUrl?: string; enrol?: { secret: string; uri: string }; recovery?: string[] } = {},
  ) => {
    const { t, api } = c.state;
    const [me, prefs, phone] = await Promise.all([
      api.get<Me>("/v1/me"),
      api.get<Preferences>("/v1/me/notification-preferences"),
      api.get<Phone>("/v1/me/phone"),
    ]);
    if (!me.ok) return errorPage(c, me.status, me.problem.detail);
    const p = prefs.ok ? prefs.data : undefined;
    const ph = phone.ok ? phone.data : undefined;
    const smsReady = ph?.status === "verified";
    const base = new URL(c.href).origin;
    // A kind the API left out is on for every channel (SMS off).
    const switches = (k: Kind): Switches => p?.kinds[k] ?? ALL_ON;
    const row = (k: Kind) =>
      markup`<tr><th scope="row">${t(`kind.${k}`)}</th>${
        CHANNELS.map(([ch, label]) =>
          markup`<td><input type="checkbox" name="${k}:${ch}" aria-label="${t(`kind.${k}`)}: ${t(label)}"${switches(k)[ch] ? raw(" checked") : ""}></td>`
        )
      }<td>${
        SMS_KINDS.includes(k)
          ? markup`<input type="checkbox" name="${k}:sms" aria-label="${t(`kind.${k}`)}: SMS"${switches(k).sms ? raw(" checked") : ""}${
            smsReady ? "" : raw(" disabled")
          }>`
          : ""
      }</td></tr>`;
    const head = (caption: string) =>
      markup`<thead><tr><th scope="col">${caption}</th>${
        CHANNELS.map(([, label]) => markup`<th scope="col">${t(label)}</th>`)
      }<th scope="col">SMS</th></tr></thead>`;
    sendPage(c, {
      status: opts.problem ? opts.problem.status : 200,
      title: t("me.settings"),
      body: markup`<h1>${t("me.settings")}</h1>${problemAlert(opts.problem)}${notice(opts.done)}
<section aria-labelledby="prefs"><h2 id="prefs">${t("me.preferences")}</h2>
${
        p
          ? markup`<form method="post" action="/me/settings/preferences">${csrfField(c)}
<table id="prefs-following"><caption class="visually-hidden">${t("me.kinds.following")}</caption>${head(t("me.kinds.following"))}<tbody>${
            FOLLOWER_KINDS.map(row)
          }</tbody></table>
<table id="prefs-attending"><caption class="visually-hidden">${t("me.kinds.attending")}</caption>${head(t("me.kinds.attending"))}<tbody>${
            ATTENDEE_KINDS.map(row)
          }</tbody></table>
${smsReady ? "" : markup`<p class="muted">${t("me.smsNeedsPhone")}</p>`}
<p><label class="check"><input type="checkbox" name="digest"${p.digest ? raw(" checked") : ""}> ${t("me.digest")}</label></p>
<input type="hidden" name="quietStart" value="${p.quietHours?.start ?? ""}"><input type="hidden" name="quietEnd" value="${p.quietHours?.end ?? ""}">
<button type="submit">${t("me.save")}</button></form>`
          : problemAlert(prefs.ok ? undefined : prefs.problem)
      }
</section>
${ph ? phoneSection(c, ph) : ""}
<section aria-labelledby="calendar"><h2 id="calendar">${t("me.calendar")}</h2><p>${t("me.calendarHelp")}</p>
${opts.calendarUrl ? markup`<p><label for="feed">${t("me.calendar")}</label><input id="feed" readonly value="${opts.calendarUrl}"></p>` : ""}
<div class="actions"><form class="inline" method="post" action="/me/settings/calendar">${csrfField(c)}<button type="submit">${
        t("me.calendarIssue")
      }</button></form>
<form class="inline" method="post" action="/me/settings/calendar/revoke">${csrfField(c)}<button class="secondary" type="submit">${
        t("me.calendarRevoke")
      }</button></form></div></section>
<section aria-labelledby="devices"><h2 id="devices">${t("me.devices")}</h2><p>${t("me.devicesHelp")}</p>
<form class="stack" method="post" action="/me/settings/devices">${csrfField(c)}
<div><label for="token">${t("me.deviceToken")}</label><input id="token" name="token" required></div>
<div><label for="platform">${
        t("me.platform")
      }</label><select id="platform" name="platform"><option>web</option><option>android</option><option>ios</option></select></div>
<div><button type="submit">${t("me.register")}</button></div></form></section>
<section aria-labelledby="security"><h2 id="security">${t("me.security")}</h2>
${
        me.data.emailVerified
          ? ""
          : markup`<p>${t("me.emailUnverified")}</p><form method="post" action="/me/settings/verify">${csrfField(c)}<button class="secondary" type="submit">${
            t("me.verifyResend")
          }</button></form>`
      }
<h3>${t("me.totp")}</h3>
${
        me.data.totpEnabled
          ? markup`<p>${t("me.totpOn")}</p><form class="stack" method="post" action="/me/settings/totp/disable">${csrfField(c)}<div><label for="off-password">${
            t("auth.password")
          }</label><input id="off-password" name="password" type="password" autocomplete="current-password" required></div><div><label for="off-code">${
            t("auth.totpCode")
          }</label><input id="off-code" name="code" autocomplete="one-time-code" required></div><div><button class="danger" type="submit">${
            t("me.totpDisable")
          }</button></div></form>`
          : opts.enrol
          ? markup`<p>${t("me.totpSecret")}: <code>${opts.enrol.secret}</code></p><form class="stack" method="post" action="/me/settings/totp/verify">${
            csrfField(c)
          }<div><label for="on-code">${
            t("auth.totpCode")
          }</label><input id="on-code" name="code" autocomplete="one-time-code" inputmode="numeric" required></div><div><button type="submit">${
            t("auth.continue")
          }</button></div></form>`
          : markup`<form class="stack" method="post" action="/me/settings/totp/enrol">${csrfField(c)}<div><label for="en-password">${
            t("auth.password")
          }</label><input id="en-password" name="password" type="password" autocomplete="current-password" required></div><div><button class="secondary" type="submit">${
            t("me.totpEnrol")
          }</button></div></form>`
      }
${opts.recovery ? markup`<p>${t("me.recoveryCodes")}</p><ul>${opts.recovery.map((r) => markup`<li><code>${r}</code></li>`)}</ul>` : ""}
<form method="post" action="/me/settings/sign-out-all">${csrfField(c)}<button class="secondary" type="submit">${t("me.signOutAll")}</button></form>
<p class="muted"><a href="${base}/users/${me.data.id}">${me.data.displayName}</a> · ${me.data.email}</p>
</section>`,
    });
  };

  router.get("/me/settings", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c)) return;
    await settings(c, { done: ctx.query.ok ? c.state.t("me.saved") : undefined });
  });
  router.get("/settings/security", (ctx) => ctx.redirect("/me/settings#security"));

  const action = (path: string, run: (c: WebContext) => Promise<void>) =>
    router.post(path, async (ctx) => {
      const c = ctx as unknown as WebContext;
      if (!requireSession(c)) return;
      await run(c);
    });
  const after = async (
    c: WebContext,
    r: { ok: true } | { ok: false; problem: Problem },
  ) => (r.ok ? c.redirect("/me/settings?ok=1") : settings(c, { problem: r.problem }));

  action("/me/settings/preferences", async (c) => {
    const body = (c.request.body ?? {}) as Record<string, unknown>;
    // Every kind is sent, so saving never turns back on what was off; SMS only where it can go.
    const kinds = Object.fromEntries(
      KINDS.map((
        k,
      ) => [k, {
        ...Object.fromEntries(CHANNELS.map(([ch]) => [ch, body[`${k}:${ch}`] !== undefined])),
        ...(SMS_KINDS.includes(k) && body[`${k}:sms`] !== undefined ? { sms: true } : {}),
      }]),
    );
    const quiet = field(c, "quietStart") && field(c, "quietEnd") ? { start: field(c, "quietStart"), end: field(c, "quietEnd") } : null;
    await after(c, await c.state.api.send("PUT", "/v1/me/notification-preferences", { kinds, quietHours: quiet, digest: body.digest !== undefined }));
  });
  action("/me/settings/phone", async (c) => {
    const r = await c.state.api.send("POST", "/v1/me/phone", { number: field(c, "number").replace(/[\s()-]/g, "") }, {
      idempotencyKey: field(c, "key") || undefined,
    });
    await after(c, r);
  });
  action("/me/settings/phone/confirm", async (c) => after(c, await c.state.api.send("POST", "/v1/me/phone/confirm", { code: field(c, "code") })));
  action("/me/settings/phone/remove", async (c) => after(c, await c.state.api.send("DELETE", "/v1/me/phone")));
  action("/me/settings/calendar", async (c) => {
    const r = await c.state.api.send<{ token: string }>("POST", "/v1/me/calendar/token");
    if (!r.ok) return settings(c, { problem: r.problem });
    await settings(c, { calendarUrl: `${new URL(c.href).origin}/v1/calendars/${r.data.token}/feed.ics` });
  });
  action("/me/settings/calendar/revoke", async (c) => after(c, await c.state.api.send("DELETE", "/v1/me/calendar/token")));
  action(
    "/me/settings/devices",
    async (c) => after(c, await c.state.api.send("POST", "/v1/me/devices", { token: field(c, "token"), platform: field(c, "platform") })),
  );
  action("/me/settings/verify", async (c) => after(c, await c.state.api.send("POST", "/v1/me/email/verification")));
  action("/me/settings/sign-out-all", async (c) => {
    await c.state.api.send("POST", "/v1/auth/logout-all");
    c.redirect("/sign-in?out=1");
  });
  action("/me/settings/totp/enrol", async (c) => {
    const r = await c.state.api.send<{ secret: string; otpauthUri: string }>("POST", "/v1/auth/totp/enrol", { password: field(c, "password") });
    if (!r.ok) return settings(c, { problem: r.problem });
    await settings(c, { enrol: { secret: r.data.secret, uri: r.data.otpauthUri } });
  });
  action("/me/settings/totp/verify", async (c) => {
    const r = await c.state.api.send<{ recoveryCodes: string[] }>("POST", "/v1/me/totp/verify", { code: field(c, "code") });
    if (!r.ok) return settings(c, { problem: r.problem });
    await settings(c, { recovery: r.data.recoveryCodes, done: c.state.t("me.totpOn") });
  });
  action(
    "/me/settings/totp/disable",
    async (c) => after(c, await c.state.api.send("DELETE", "/v1/me/totp", { code: field(c, "code"), password: field(c, "password") })),
  );
}

/** The number SMS go to: set it (a code goes to it), confirm the code, or forget it. */
function phoneSection(c: WebContext, ph: Phone) {
  const { t } = c.state;
  const state = ph.status === "verified"
    ? t("me.phoneVerified", { number: ph.number ?? "" })
    : ph.status === "suppressed"
    ? t("me.phoneSuppressed", { number: ph.number ?? "" })
    : t("me.phoneNone");
  return markup`<section aria-labelledby="phone"><h2 id="phone">${t("me.phone")}</h2><p id="phone-state">${state}</p>
${
    ph.pending
      ? markup`<form class="stack" method="post" action="/me/settings/phone/confirm">${csrfField(c)}<div><label for="sms-code">${
        t("me.phoneCode", { number: ph.pending.number })
      }</label><input id="sms-code" name="code" autocomplete="one-time-code" inputmode="numeric" pattern="[0-9]{6}" required></div><div><button type="submit">${
        t("auth.continue")
      }</button></div></form>`
      : ""
  }
<form class="stack" method="post" action="/me/settings/phone">${
    csrfField(c)
  }<input type="hidden" name="key" value="${randomUUID()}"><div><label for="phone-number">${
    t("me.phoneNumber")
  }</label><input id="phone-number" name="number" type="tel" autocomplete="tel" placeholder="+4915123456789" required></div><div><button class="secondary" type="submit">${
    t("me.phoneSend")
  }</button></div></form>
${
    ph.number
      ? markup`<form method="post" action="/me/settings/phone/remove">${csrfField(c)}<button class="secondary" type="submit">${
        t("me.phoneRemove")
      }</button></form>`
      : ""
  }
</section>`;
}
