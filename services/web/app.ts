/**
 * The web app's Koa app: locale, session, CSRF, compression and security headers, then the pages.
 * It never listens (the runner mounts it beside the edge) and never touches NATS: every read and
 * write goes through the edge's public HTTP API with the session's access token.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import Koa from "koa";
import { Router } from "@koa/router";
import { bodyParser } from "@koa/bodyparser";
import { koaProxyOptions } from "../kit/config.ts";
import { httpMetrics } from "../kit/http.ts";
import type { Logger } from "../kit/log.ts";
import { EdgeClient, type EdgeReply, type EdgeRequest } from "./edge-client.ts";
import { type Session, SessionStore, type TokenPair } from "./session.ts";
import { type Locale, pickLocale, type Translate, translator } from "./i18n.ts";
import type { WebEnv } from "./env.ts";
import { type CachedPage, PageCache } from "./page-cache.ts";
import { type Html, markup } from "./html.ts";
import { layout, layoutAssets } from "./layout.ts";

export const SESSION_COOKIE = "convene_sid";
/** Pages an anonymous visitor may get from the micro-cache: home, search, an event. */
const CACHEABLE = /^\/(events(\/[0-9a-f-]{36})?)?$/i;
const ANON_COOKIE = "convene_anon";

/** What every page handler finds in ctx.state. */
export type WebState = {
  locale: Locale;
  t: Translate;
  session?: Session;
  /** The CSRF token to put in every form (`_csrf`). */
  csrf: string;
  api: Api;
  /** Unread inbox items for the header badge (signed in only). */
  unread?: number;
};

export type WebContext = Koa.ParameterizedContext<WebState> & { params: Record<string, string>; request: Koa.Request & { body?: Record<string, unknown> } };
export type WebRouter = Router<WebState>;

/** Calls the edge as the signed-in person (or anonymously), refreshing their token when it expires. */
export type Api = {
  get<T>(path: string, query?: EdgeRequest["query"]): Promise<EdgeReply<T>>;
  send<T>(
    method: "POST" | "PUT" | "PATCH" | "DELETE",
    path: string,
    body?: unknown,
    opts?: { idempotencyKey?: string; query?: EdgeRequest["query"] },
  ): Promise<EdgeReply<T>>;
  /** A raw response for streams; the token is fresh when it starts. */
  stream(path: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response>;
};

export type WebDeps = { env: WebEnv; log: Logger; edge: EdgeClient; sessions: SessionStore; secret: Buffer };

const ASSETS_DIR = new URL("./assets/", import.meta.url);
const CHECK_IN_PAGE = /^\/events\/[^/]+\/check-in$/;
const SALES_PAGE = /^\/events\/[^/]+\/sales$/;
type Asset = { type: string; body: Buffer; gzip: Buffer; br: Buffer; etag: string };
function loadAsset(file: URL | string, type: string, brotliQuality = 11): Asset {
  const body = readFileSync(file);
  return {
    type,
    body,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: brotliQuality } }),
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 16)}"`,
  };
}

/**
 * The QR scanner for browsers without BarcodeDetector (desktop Chrome on Linux and Windows,
 * Firefox, Safari before 17): the barcode-detector polyfill (ZXing in WebAssembly), served from
 * here — never its default CDN — and loaded only when the check-in page's camera is opened.
 * Brotli at quality 9: quality 11 takes ~7 s on the 1 MB module at every start for 12% less.
 */
function scannerAssets(): Array<[string, Asset]> {
  const require = createRequire(import.meta.url);
  const cjs = require.resolve("barcode-detector/ponyfill");
  const ponyfill = new URL("../iife/ponyfill.js", pathToFileURL(cjs));
  // The module the polyfill was built against: its own dependency, resolved from where it sits.
  const wasm = createRequire(cjs).resolve("zxing-wasm/reader/zxing_reader.wasm");
  return [
    ["scanner.js", loadAsset(ponyfill, "text/javascript; charset=utf-8", 9)],
    ["scanner.wasm", loadAsset(wasm, "application/wasm", 9)],
  ];
}

/** uPlot (maintained, MIT, 22 KB compressed) draws the organizer's sales chart; only the sales page loads it. */
function chartAssets(): Array<[string, Asset]> {
  const dist = new URL("./", pathToFileURL(createRequire(import.meta.url).resolve("uplot")));
  return [
    ["chart.js", loadAsset(new URL("uPlot.iife.min.js", dist), "text/javascript; charset=utf-8")],
    ["chart.css", loadAsset(new URL("uPlot.min.css", dist), "text/css; charset=utf-8")],
  ];
}

export function createWebApp(deps: WebDeps, register: Array<(router: WebRouter, deps: WebDeps) => void>): Koa<WebState> {
  const { env, log, edge, sessions, secret } = deps;
  const app = new Koa<WebState>(koaProxyOptions(env));
  app.on("error", (err: Error & { code?: string }) => {
    if (err.code === "ERR_STREAM_PREMATURE_CLOSE" || err.code === "ECONNRESET" || err.code === "EPIPE") return;
    log.warn({ err }, "response failed after it started");
  });
  const css = readFileSync(new URL("app.css", ASSETS_DIR), "utf8");
  const cssHash = createHash("sha256").update(css).digest("base64");
  const assets = new Map<string, Asset>([
    ["app.js", loadAsset(new URL("app.js", ASSETS_DIR), "text/javascript; charset=utf-8")],
    ...scannerAssets(),
    ...chartAssets(),
  ]);
  const assetVersion = assets.get("app.js")!.etag.slice(1, 9);
  // The stylesheet is inline (no render-blocking request), allowed by its hash; scripts only from here.
  const csp = (more: { script?: string; style?: string } = {}) =>
    `default-src 'self'; script-src 'self'${more.script ?? ""}; style-src 'sha256-${cssHash}'${
      more.style ?? ""
    }; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'`;
  const pageCsp = csp();
  const checkInCsp = csp({ script: " 'wasm-unsafe-eval'" });
  const salesCsp = csp({ style: " 'self'" });
  const secureCookies = env.PUBLIC_URL.startsWith("https:");
  const sign = (key: string) => createHmac("sha256", secret).update(`csrf:${key}`).digest("base64url");
  const pages = new PageCache(env.WEB_PAGE_CACHE_MS);

  app.use(httpMetrics("web"));
  // Front: headers, compression, locale, session, CSRF, errors as pages.
  app.use(async (ctx, next) => {
    const c = ctx as unknown as WebContext;
    ctx.set("X-Content-Type-Options", "nosniff");
    ctx.set("Referrer-Policy", "same-origin");
    // Only the check-in page compiles WebAssembly (the QR scanner); only the sales page loads a stylesheet (the chart's).
    ctx.set("Content-Security-Policy", CHECK_IN_PAGE.test(ctx.path) ? checkInCsp : SALES_PAGE.test(ctx.path) ? salesCsp : pageCsp);
    ctx.set("Permissions-Policy", "camera=(self), geolocation=(self), microphone=()");
    if (secureCookies) ctx.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    const locale = pickLocale(ctx.cookies.get("lang"), ctx.get("accept-language"));
    c.state.locale = locale;
    c.state.t = translator(locale);
    const sid = ctx.cookies.get(SESSION_COOKIE);
    if (sid) {
      c.state.session = await sessions.get(sid);
      if (!c.state.session) ctx.cookies.set(SESSION_COOKIE, null, { path: "/" });
    }
    c.state.api = apiFor(c);
    // Anonymous GETs of the pages everyone sees come from the micro-cache (page-cache.ts).
    const cacheKey = !sid && ctx.method === "GET" && CACHEABLE.test(ctx.path) && pages.enabled
      ? `${locale}|${ctx.url}|${ctx.acceptsEncodings("br", "gzip", "identity") || "identity"}`
      : undefined;
    // While one request renders a page, the others asking for it wait for that render.
    const hit = cacheKey ? (pages.get(cacheKey) ?? (await pages.rendering(cacheKey))) : undefined;
    if (hit) {
      ctx.type = hit.type;
      ctx.vary("Accept-Encoding");
      if (hit.encoding) ctx.set("Content-Encoding", hit.encoding);
      ctx.body = hit.body;
      return;
    }
    const rendered = cacheKey ? pages.begin(cacheKey) : undefined;
    let usedCsrf = false;
    let anon = ctx.cookies.get(ANON_COOKIE);
    // Lazily: a page that renders a form without a session mints the anonymous key then.
    Object.defineProperty(c.state, "csrf", {
      configurable: true,
      get: () => {
        usedCsrf = true;
        if (c.state.session) return sign(c.state.session.id);
        if (!anon) {
          anon = randomBytes(18).toString("base64url");
          ctx.cookies.set(ANON_COOKIE, anon, { httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/" });
        }
        return sign(anon);
      },
    });
    try {
      // The header's unread badge, for signed-in page views.
      if (c.state.session && ctx.method === "GET" && !ctx.path.startsWith("/assets/") && !ctx.path.endsWith("/stream") && ctx.accepts("html") === "html") {
        const unread = await c.state.api.get<{ count: number }>("/v1/me/notifications/unread-count");
        if (unread.ok) c.state.unread = unread.data.count;
      }
      await next();
      if (ctx.status === 404 && ctx.body == null) errorPage(c, 404, c.state.t("common.notFound"));
    } catch (err) {
      const status = (err as { status?: number }).status ?? 500;
      if (status >= 500) log.error({ err, path: ctx.path }, "page failed");
      errorPage(
        c,
        status >= 400 && status < 600 ? status : 500,
        status === 403 ? c.state.t("common.forbidden") : status === 404 ? c.state.t("common.notFound") : c.state.t("common.error"),
      );
    }
    let stored: CachedPage | undefined;
    try {
      compress(ctx);
      // A page with a form carries its visitor's CSRF token: never shared.
      if (
        cacheKey && ctx.status === 200 && !usedCsrf && !ctx.response.get("Set-Cookie") && ctx.body != null &&
        (typeof ctx.body === "string" || Buffer.isBuffer(ctx.body))
      ) {
        stored = pages.set(cacheKey, {
          body: ctx.body,
          type: String(ctx.response.get("Content-Type")),
          encoding: ctx.response.get("Content-Encoding") || undefined,
        });
      }
    } finally {
      rendered?.(stored);
    }
  });

  app.use(bodyParser({ enableTypes: ["form", "json"], formLimit: "8mb", jsonLimit: "8mb" }) as unknown as Koa.Middleware<WebState>);
  // CSRF: every unsafe request carries the token of its session (or anonymous visitor), and a
  // browser's Origin, when sent, is ours. SameSite=Lax cookies are the second fence.
  app.use(async (ctx, next) => {
    if (ctx.method === "GET" || ctx.method === "HEAD" || ctx.method === "OPTIONS") return next();
    const c = ctx as unknown as WebContext;
    const origin = ctx.get("origin");
    const body = (c.request.body ?? {}) as Record<string, unknown>;
    const sent = String(body._csrf ?? ctx.get("x-csrf-token") ?? "");
    const key = c.state.session?.id ?? ctx.cookies.get(ANON_COOKIE);
    const expected = key ? sign(key) : "";
    const sameOrigin = !origin || origin === "null" ? !origin : new URL(origin).host === ctx.host;
    if (!expected || !sameOrigin || sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) {
      ctx.status = 403;
      return errorPage(c, 403, c.state.t("common.tryAgain"));
    }
    await next();
  });

  const router = new Router<WebState>();
  router.get("/assets/:name", (ctx) => {
    const name = ctx.params.name.replace(/-[0-9A-Za-z_-]{8}(?=\.)/, "");
    const asset = assets.get(name);
    if (!asset) return;
    ctx.set("Cache-Control", "public, max-age=31536000, immutable");
    ctx.set("ETag", asset.etag);
    ctx.set("Vary", "Accept-Encoding");
    ctx.type = asset.type;
    const enc = ctx.acceptsEncodings("br", "gzip", "identity");
    if (enc === "br") ((ctx.body = asset.br), ctx.set("Content-Encoding", "br"));
    else if (enc === "gzip") ((ctx.body = asset.gzip), ctx.set("Content-Encoding", "gzip"));
    else ctx.body = asset.body;
  });
  router.get("/robots.txt", (ctx) => {
    ctx.type = "text/plain";
    ctx.body = "User-agent: *\nDisallow: /me/\nDisallow: /admin/\nAllow: /\n";
  });
  router.get("/lang/:locale", (ctx) => {
    const locale = ctx.params.locale === "ru" ? "ru" : "en";
    ctx.cookies.set("lang", locale, { httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/", maxAge: 365 * 86_400_000 });
    const back = String(ctx.query.back ?? "/");
    ctx.redirect(back.startsWith("/") && !back.startsWith("//") ? back : "/");
  });
  for (const r of register) r(router, deps);
  app.use(router.routes());
  app.use(router.allowedMethods());
  layoutAssets.script = `/assets/app-${assetVersion}.js`;
  layoutAssets.scannerScript = `/assets/scanner-${assets.get("scanner.js")!.etag.slice(1, 9)}.js`;
  layoutAssets.chartScript = `/assets/chart-${assets.get("chart.js")!.etag.slice(1, 9)}.js`;
  layoutAssets.chartCss = `/assets/chart-${assets.get("chart.css")!.etag.slice(1, 9)}.css`;
  layoutAssets.scannerWasm = `/assets/scanner-${assets.get("scanner.wasm")!.etag.slice(1, 9)}.wasm`;
  layoutAssets.css = css;
  return app;

  function apiFor(c: WebContext): Api {
    const ip = c.ip;
    const refresh = async (refreshToken: string): Promise<TokenPair | undefined> => {
      const r = await edge.request<TokenPair>("POST", "/v1/auth/refresh", { body: { refreshToken }, ip });
      return r.ok ? r.data : undefined;
    };
    /** The session's access token, rotated first when it is about to expire. */
    const token = async (force = false): Promise<string | undefined> => {
      const s = c.state.session;
      if (!s) return undefined;
      if (force || s.accessExpiresAt.getTime() - Date.now() < 30_000) {
        c.state.session = await sessions.rotate(s.id, s.accessToken, refresh);
        if (!c.state.session) c.cookies.set(SESSION_COOKIE, null, { path: "/" });
      }
      return c.state.session?.accessToken;
    };
    const call = async <T>(method: string, path: string, req: EdgeRequest): Promise<EdgeReply<T>> => {
      const first = await edge.request<T>(method, path, { ...req, token: await token(), ip });
      // An access token revoked or expired early: rotate once and retry.
      if (first.status === 401 && c.state.session) {
        const fresh = await token(true);
        if (fresh) return edge.request<T>(method, path, { ...req, token: fresh, ip });
      }
      return first;
    };
    return {
      get: (path, query) => call("GET", path, { query }),
      send: (method, path, body, opts = {}) => call(method, path, { body, query: opts.query, idempotencyKey: opts.idempotencyKey }),
      stream: async (path, headers, signal) => {
        const t = await token();
        return fetch(edge.url(path), { headers: { ...headers, ...(t ? { authorization: `Bearer ${t}` } : {}), "x-forwarded-for": ip }, signal });
      },
    };
  }
}

/** Sends a page: the layout around `body`, with the status given. */
export function sendPage(ctx: WebContext, opts: { title: string; body: Html; status?: number; description?: string; live?: boolean }): void {
  ctx.status = opts.status ?? 200;
  ctx.type = "text/html; charset=utf-8";
  ctx.body = layout(ctx, opts).value;
}

export function errorPage(ctx: WebContext, status: number, message: string): void {
  sendPage(ctx, { status, title: message, body: markup`<h1>${message}</h1><p><a href="/">${ctx.state.t("nav.home")}</a></p>` });
}

/** Refuses anonymous visitors: to the sign-in page, coming back here after. */
export function requireSession(ctx: WebContext): Session | undefined {
  if (ctx.state.session) return ctx.state.session;
  ctx.redirect(`/sign-in?next=${encodeURIComponent(ctx.originalUrl)}`);
  return undefined;
}

/** Opens a session for a token pair and sets its cookie. */
export async function signIn(ctx: WebContext, sessions: SessionStore, tokens: TokenPair, secure: boolean): Promise<void> {
  const { cookie, session } = await sessions.create(tokens);
  ctx.cookies.set(SESSION_COOKIE, cookie, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: sessions.ttlMs });
  ctx.state.session = session;
}

/** A form field as a trimmed string ("" when absent). */
export function field(ctx: WebContext, name: string): string {
  const v = (ctx.request.body ?? {})[name];
  return typeof v === "string" ? v.trim() : Array.isArray(v) ? String(v[0] ?? "").trim() : "";
}

/** Where to go after a form: only a local path. */
export function safeNext(next: unknown, fallback = "/"): string {
  const s = typeof next === "string" ? next : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/\\") ? s : fallback;
}

/** gzip (or brotli) for HTML and JSON bodies over 1 KiB. */
function compress(ctx: Koa.Context): void {
  const body = ctx.body;
  if (typeof body !== "string" || body.length < 1024 || ctx.response.get("Content-Encoding")) return;
  ctx.vary("Accept-Encoding");
  const enc = ctx.acceptsEncodings("br", "gzip", "identity");
  if (enc === "br") {
    ctx.body = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } });
    ctx.set("Content-Encoding", "br");
  } else if (enc === "gzip") {
    ctx.body = gzipSync(body, { level: 5 });
    ctx.set("Content-Encoding", "gzip");
  }
}
