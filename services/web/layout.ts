/**
 * The page shell every page shares: skip link, header navigation (with the live unread badge),
 * language switch, main landmark, footer. Pages only render what goes inside <main>.
 */
import { type Html, markup, raw } from "./html.ts";
import type { WebContext } from "./app.ts";

/** The versioned script path and the inline stylesheet, set when the app is built. */
/** Versioned asset URLs, set by the app at start (app.ts): the layout's script, the check-in page's QR scanner, the sales chart. */
export const layoutAssets = {
  script: "/assets/app.js",
  css: "",
  scannerScript: "/assets/scanner.js",
  scannerWasm: "/assets/scanner.wasm",
  chartScript: "/assets/chart.js",
  chartCss: "/assets/chart.css",
};

export function layout(ctx: WebContext, opts: { title: string; body: Html; description?: string; live?: boolean }): Html {
  const { t, locale, session } = ctx.state;
  const here = ctx.path;
  const link = (href: string, label: string | Html, extra?: Html | "") =>
    markup`<li><a href="${href}"${
      here === href || (href !== "/" && href !== "/events" && here.startsWith(`${href}/`)) ? raw(' aria-current="page"') : ""
    }>${label}${extra ?? ""}</a></li>`;
  const unread = ctx.state.unread ?? 0;
  const badge = session
    ? markup` <span id="unread" class="badge" data-count="${unread}" data-label="${t("nav.unread", { n: "{n}" })}" aria-label="${
      t("nav.unread", { n: unread })
    }"${unread ? "" : raw(" hidden")}>${unread}</span>`
    : "";
  const isAdmin = session?.roles.includes("admin");
  const back = encodeURIComponent(ctx.originalUrl);
  return markup`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${opts.title} · ${t("app.name")}</title>
<meta name="description" content="${opts.description ?? t("app.tagline")}">
<link rel="icon" href="data:,">
<style>${raw(layoutAssets.css)}</style>
<script src="${layoutAssets.script}" defer></script>
</head><body${session ? raw(' data-live="1"') : ""}>
<a class="skip" href="#main">${t("nav.skip")}</a>
<header class="top"><div class="bar">
<a class="brand" href="/">${t("app.name")}</a>
<nav aria-label="${t("app.name")}"><ul>
${link("/", t("nav.home"))}
${link("/events", t("nav.search"))}
${
    session
      ? [
        link("/events/new", t("nav.create")),
        link("/me/notifications", t("nav.inbox"), badge),
        link("/me/bookings", t("nav.bookings")),
        link("/me/settings", t("nav.settings")),
      ]
      : ""
  }
${isAdmin ? link("/admin/users", t("nav.admin")) : ""}
${
    session
      ? markup`<li><form class="inline" method="post" action="/sign-out"><input type="hidden" name="_csrf" value="${ctx.state.csrf}"><button class="secondary" type="submit">${
        t("nav.signOut")
      }</button></form></li>`
      : [link("/sign-in", t("nav.signIn")), link("/sign-up", t("nav.signUp"))]
  }
</ul></nav></div></header>
<main id="main" tabindex="-1">
<p id="live-status" class="visually-hidden" role="status" aria-live="polite"></p>
${opts.body}
</main>
<footer><span>${t("app.name")}</span><a href="/docs">${t("nav.api")}</a>
<span class="lang" role="group" aria-label="${t("nav.language")}"><a href="/lang/en?back=${back}" lang="en"${
    locale === "en" ? raw(' aria-current="true"') : ""
  }>English</a><a href="/lang/ru?back=${back}" lang="ru"${locale === "ru" ? raw(' aria-current="true"') : ""}>Русский</a></span></footer>
</body></html>`;
}

/** A form's hidden CSRF field. */
export const csrfField = (ctx: WebContext): Html => markup`<input type="hidden" name="_csrf" value="${ctx.state.csrf}">`;

/** A problem from the edge as an alert naming the fields. */
export function problemAlert(problem: { detail: string; errors?: Array<{ field: string; message: string }> } | undefined): Html | "" {
  if (!problem) return "";
  return markup`<div class="error" role="alert"><p>${problem.detail}</p>${
    problem.errors?.length ? markup`<ul>${problem.errors.map((e) => markup`<li><strong>${e.field}</strong>: ${e.message}</li>`)}</ul>` : ""
  }</div>`;
}

export const notice = (text: string | undefined): Html | "" => (text ? markup`<p class="notice" role="status">${text}</p>` : "");
