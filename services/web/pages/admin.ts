/** Admin pages: users and roles, categories, dead letters. The edge refuses non-admins (403). */
import { markup, raw } from "../html.ts";
import { errorPage, field, requireSession, sendPage, type WebContext, type WebRouter } from "../app.ts";
import { csrfField, notice, problemAlert } from "../layout.ts";
import type { Problem } from "../edge-client.ts";

type AdminUser = { id: string; email: string; displayName: string; roles: string[]; status: string; emailVerified: boolean };
type Category = { slug: string; name: string; description?: string | null };
type DeadLetter = { seq: number; durable: string; subject: string; error: string; deliveries: number; failedAt: string };
const ROLES = ["participant", "organizer", "admin"] as const;

export function adminPages(router: WebRouter): void {
  const tabs = (c: WebContext) =>
    markup`<nav aria-label="${c.state.t("nav.admin")}"><ul><li><a href="/admin/users">${c.state.t("admin.users")}</a></li><li><a href="/admin/categories">${
      c.state.t("admin.categories")
    }</a></li><li><a href="/admin/dead-letters">${c.state.t("admin.deadLetters")}</a></li></ul></nav>`;
  const guard = (c: WebContext) => {
    const s = requireSession(c);
    if (s && !s.roles.includes("admin")) {
      errorPage(c, 403, c.state.t("common.forbidden"));
      return undefined;
    }
    return s;
  };
  const back = (
    c: WebContext,
    path: string,
    r: { ok: boolean; status: number; problem?: Problem },
  ) => (r.ok ? c.redirect(`${path}?ok=1`) : errorPage(c, r.status, r.problem?.detail ?? ""));

  router.get("/admin/users", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!guard(c)) return;
    const { t, api } = c.state;
    const query = typeof ctx.query.query === "string" ? ctx.query.query.trim() : "";
    const r = await api.get<{ items: AdminUser[]; nextCursor: string | null }>("/v1/admin/users", {
      query: query || undefined,
      limit: 50,
      cursor: typeof ctx.query.cursor === "string" ? ctx.query.cursor : undefined,
    });
    sendPage(c, {
      title: t("admin.users"),
      body: markup`${tabs(c)}<h1>${t("admin.users")}</h1>${notice(ctx.query.ok ? t("me.saved") : undefined)}
<form method="get" action="/admin/users" role="search" class="filters"><div><label for="query">${
        t("admin.query")
      }</label><input id="query" name="query" type="search" value="${query}"></div><div><button type="submit">${t("search.submit")}</button></div></form>
${
        r.ok
          ? markup`<table><thead><tr><th scope="col">${t("auth.displayName")}</th><th scope="col">${t("auth.email")}</th><th scope="col">${
            t("admin.roles")
          }</th><th scope="col">${t("admin.status")}</th></tr></thead><tbody>
${
            r.data.items.map(
              (u) =>
                markup`<tr><td><a href="/users/${u.id}">${u.displayName}</a></td><td>${u.email}</td>
<td><form method="post" action="/admin/users/${u.id}/roles">${csrfField(c)}<fieldset><legend class="visually-hidden">${
                  t("admin.roles")
                }: ${u.displayName}</legend>${
                  ROLES.map((role) =>
                    markup`<label class="check"><input type="checkbox" name="role:${role}"${u.roles.includes(role) ? raw(" checked") : ""}> ${role}</label>`
                  )
                }</fieldset><button class="secondary" type="submit">${t("me.save")}<span class="visually-hidden">: ${u.displayName}</span></button></form></td>
<td>${u.status} <form class="inline" method="post" action="/admin/users/${u.id}/${u.status === "active" ? "deactivate" : "reactivate"}">${
                  csrfField(c)
                }<button class="secondary" type="submit">${
                  u.status === "active" ? t("admin.deactivate") : t("admin.reactivate")
                }<span class="visually-hidden">: ${u.displayName}</span></button></form></td></tr>`,
            )
          }</tbody></table>
${
            r.data.nextCursor
              ? markup`<p><a href="/admin/users?${new URLSearchParams({ query, cursor: r.data.nextCursor })}" rel="next">${t("common.next")}</a></p>`
              : ""
          }`
          : problemAlert(r.problem)
      }`,
    });
  });
  router.post("/admin/users/:id/roles", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!guard(c)) return;
    const body = (c.request.body ?? {}) as Record<string, unknown>;
    const roles = ROLES.filter((r) => body[`role:${r}`] !== undefined);
    back(c, "/admin/users", await c.state.api.send("PUT", `/v1/admin/users/${ctx.params.id}/roles`, { roles: roles.length ? roles : ["participant"] }));
  });
  for (const verb of ["deactivate", "reactivate"]) {
    router.post(`/admin/users/:id/${verb}`, async (ctx) => {
      const c = ctx as unknown as WebContext;
      if (!guard(c)) return;
      back(c, "/admin/users", await c.state.api.send("POST", `/v1/admin/users/${ctx.params.id}/${verb}`));
    });
  }

  router.get("/admin/categories", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!guard(c)) return;
    const { t, api } = c.state;
    const r = await api.get<{ items: Category[] }>("/v1/categories");
    sendPage(c, {
      title: t("admin.categories"),
      body: markup`${tabs(c)}<h1>${t("admin.categories")}</h1>${notice(ctx.query.ok ? t("me.saved") : undefined)}
${
        r.ok
          ? markup`<table><thead><tr><th scope="col">${t("admin.slug")}</th><th scope="col">${t("admin.name")}</th><th scope="col">${
            t("common.actions")
          }</th></tr></thead><tbody>${
            r.data.items.map(
              (cat) =>
                markup`<tr><td><code>${cat.slug}</code></td><td>${cat.name}</td><td><form class="inline" method="post" action="/admin/categories/${cat.slug}/delete" data-confirm="${
                  t("org.remove")
                } ${cat.slug}?">${csrfField(c)}<button class="secondary" type="submit">${
                  t("org.remove")
                }<span class="visually-hidden"> ${cat.slug}</span></button></form></td></tr>`,
            )
          }</tbody></table>`
          : problemAlert(r.problem)
      }
<h2>${t("admin.categories")}: +</h2>
<form class="stack" method="post" action="/admin/categories">${csrfField(c)}<div><label for="slug">${
        t("admin.slug")
      }</label><input id="slug" name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*"></div><div><label for="name">${
        t("admin.name")
      }</label><input id="name" name="name" required></div><div><button type="submit">${t("me.save")}</button></div></form>`,
    });
  });
  router.post("/admin/categories", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!guard(c)) return;
    back(c, "/admin/categories", await c.state.api.send("PUT", `/v1/admin/categories/${encodeURIComponent(field(c, "slug"))}`, { name: field(c, "name") }));
  });
  router.post("/admin/categories/:slug/delete", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!guard(c)) return;
    back(c, "/admin/categories", await c.state.api.send("DELETE", `/v1/admin/categories/${encodeURIComponent(ctx.params.slug)}`));
  });

  router.get("/admin/dead-letters", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!guard(c)) return;
    const { t, api } = c.state;
    const r = await api.get<{ items: DeadLetter[] }>("/v1/admin/notifications/dead-letters", { limit: 50 });
    sendPage(c, {
      title: t("admin.deadLetters"),
      body: markup`${tabs(c)}<h1>${t("admin.deadLetters")}</h1>${notice(ctx.query.ok ? t("me.saved") : undefined)}
${
        r.ok
          ? (r.data.items.length
            ? markup`<table><thead><tr><th scope="col">#</th><th scope="col">durable</th><th scope="col">subject</th><th scope="col">error</th><th scope="col">${
              t("common.actions")
            }</th></tr></thead><tbody>${
              r.data.items.map(
                (d) =>
                  markup`<tr><td>${d.seq}</td><td>${d.durable}</td><td><code>${d.subject}</code></td><td>${d.error} (${d.deliveries}×, <time datetime="${d.failedAt}">${d.failedAt}</time>)</td><td><form method="post" action="/admin/dead-letters/${d.seq}/replay">${
                    csrfField(c)
                  }<button class="secondary" type="submit">${t("admin.replay")}<span class="visually-hidden"> ${d.seq}</span></button></form></td></tr>`,
              )
            }</tbody></table>`
            : markup`<p class="muted">${t("admin.none")}</p>`)
          : problemAlert(r.problem)
      }`,
    });
  });
  router.post("/admin/dead-letters/:seq/replay", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!guard(c)) return;
    back(c, "/admin/dead-letters", await c.state.api.send("POST", `/v1/admin/notifications/dead-letters/${encodeURIComponent(ctx.params.seq)}/replay`));
  });
}
