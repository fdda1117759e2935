/**
 * Sign-up, sign-in (password, the configured OpenID Connect providers, the TOTP second step),
 * sign-out, password reset and the landing pages of emailed links. A successful sign-in opens a
 * server-side session (app.ts signIn); the tokens never leave this service.
 */
import { type Html, markup } from "../html.ts";
import { errorPage, field, requireSession, safeNext, sendPage, SESSION_COOKIE, signIn, type WebContext, type WebDeps, type WebRouter } from "../app.ts";
import { csrfField, notice, problemAlert } from "../layout.ts";
import type { Problem } from "../edge-client.ts";
import type { TokenPair } from "../session.ts";

const CHALLENGE_COOKIE = "convene_totp";
const OIDC_COOKIE = "convene_oidc";

export function authPages(router: WebRouter, deps: WebDeps): void {
  const secure = deps.env.PUBLIC_URL.startsWith("https:");
  const shortCookie = { httpOnly: true, sameSite: "lax" as const, secure, path: "/", maxAge: 10 * 60_000 };

  const signUpForm = (c: WebContext, problem?: Problem, values: Record<string, string> = {}) => {
    const { t } = c.state;
    sendPage(c, {
      status: problem ? problem.status : 200,
      title: t("auth.signUpTitle"),
      body: markup`<h1>${t("auth.signUpTitle")}</h1>${problemAlert(problem)}
<form class="stack" method="post" action="/sign-up">${csrfField(c)}
<div><label for="displayName">${t("auth.displayName")}</label><input id="displayName" name="displayName" autocomplete="name" required maxlength="100" value="${
        values.displayName ?? ""
      }"></div>
<div><label for="email">${t("auth.email")}</label><input id="email" name="email" type="email" autocomplete="email" required value="${values.email ?? ""}"></div>
<div><label for="password">${t("auth.password")} <span class="hint" id="pw-hint">${
        t("auth.passwordHint")
      }</span></label><input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required aria-describedby="pw-hint"></div>
<div><button type="submit">${t("auth.signUp")}</button></div></form>
<p><a href="/sign-in">${t("auth.signInTitle")}</a></p>`,
    });
  };

  router.get("/sign-up", (ctx) => signUpForm(ctx as unknown as WebContext));
  router.post("/sign-up", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const values = { displayName: field(c, "displayName"), email: field(c, "email") };
    const body = { ...values, password: field(c, "password"), locale: c.state.locale };
    const reg = await c.state.api.send("POST", "/v1/auth/register", body);
    if (!reg.ok) return signUpForm(c, reg.problem, values);
    const login = await c.state.api.send<TokenPair>("POST", "/v1/auth/login", { email: body.email, password: body.password });
    if (!login.ok) return signUpForm(c, login.problem, values);
    await signIn(c, deps.sessions, login.data, secure);
    ctx.redirect("/?welcome=1");
  });

  const signInForm = async (c: WebContext, problem?: Problem, email = "") => {
    const { t, api } = c.state;
    const providers = await api.get<{ providers: Array<{ id: string; name: string }> }>("/v1/auth/oidc/providers");
    const next = safeNext(c.query.next, "/");
    const list = providers.ok ? providers.data.providers : [];
    sendPage(c, {
      status: problem ? problem.status : 200,
      title: t("auth.signInTitle"),
      body: markup`<h1>${t("auth.signInTitle")}</h1>${problemAlert(problem)}${
        notice(c.query.next ? t("auth.needSignIn") : c.query.out ? t("auth.signedOut") : c.query.reset ? t("auth.resetDone") : undefined)
      }
<form class="stack" method="post" action="/sign-in?next=${encodeURIComponent(next)}">${csrfField(c)}
<div><label for="email">${t("auth.email")}</label><input id="email" name="email" type="email" autocomplete="username" required value="${email}"></div>
<div><label for="password">${t("auth.password")}</label><input id="password" name="password" type="password" autocomplete="current-password" required></div>
<div><button type="submit">${t("auth.signIn")}</button></div></form>
${
        list.length
          ? markup`<h2>${t("auth.orWith")}</h2><ul>${
            list.map((p) => markup`<li><a class="button secondary" href="/auth/oidc/${encodeURIComponent(p.id)}">${p.name}</a></li>`)
          }</ul>`
          : ""
      }
<p><a href="/forgot-password">${t("auth.forgot")}</a> · <a href="/sign-up">${t("nav.signUp")}</a></p>`,
    });
  };

  /** A sign-in the edge answered: a session, or the TOTP step, or the form again with the problem. */
  const finish = async (c: WebContext, reply: { ok: true; data: TokenPair } | { ok: false; problem: Problem }, next: string, email = ""): Promise<void> => {
    if (reply.ok) {
      c.cookies.set(CHALLENGE_COOKIE, null, { path: "/" });
      await signIn(c, deps.sessions, reply.data, secure);
      return c.redirect(next);
    }
    const challenge = reply.problem.details?.challenge;
    if (reply.problem.code === "totp_required" && typeof challenge === "string") {
      c.cookies.set(CHALLENGE_COOKIE, challenge, shortCookie);
      return c.redirect(`/sign-in/totp?next=${encodeURIComponent(next)}`);
    }
    return signInForm(c, reply.problem, email);
  };

  router.get("/sign-in", (ctx) => signInForm(ctx as unknown as WebContext));
  router.post("/sign-in", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const email = field(c, "email");
    const reply = await c.state.api.send<TokenPair>("POST", "/v1/auth/login", { email, password: field(c, "password") });
    await finish(c, reply, safeNext(ctx.query.next), email);
  });

  const totpForm = (c: WebContext, problem?: Problem) => {
    const { t } = c.state;
    sendPage(c, {
      status: problem ? problem.status : 200,
      title: t("auth.totpTitle"),
      body: markup`<h1>${t("auth.totpTitle")}</h1>${problemAlert(problem)}
<form class="stack" method="post" action="/sign-in/totp?next=${encodeURIComponent(safeNext(c.query.next))}">${csrfField(c)}
<div><label for="code">${t("auth.totpCode")}</label><input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" required></div>
<div><button type="submit">${t("auth.continue")}</button></div></form>`,
    });
  };
  router.get("/sign-in/totp", (ctx) => totpForm(ctx as unknown as WebContext));
  router.post("/sign-in/totp", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const challenge = ctx.cookies.get(CHALLENGE_COOKIE);
    if (!challenge) return ctx.redirect("/sign-in");
    const reply = await c.state.api.send<TokenPair>("POST", "/v1/auth/login/totp", { challenge, code: field(c, "code") });
    if (!reply.ok && reply.problem.code !== "totp_required") return totpForm(c, reply.problem);
    await finish(c, reply, safeNext(ctx.query.next));
  });

  // OpenID Connect: the state is bound to this browser by a cookie, so a callback started
  // elsewhere cannot sign this browser into someone else's account.
  router.get("/auth/oidc/:provider", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const r = await c.state.api.send<{ authorizationUrl: string; state: string; verifier: string }>(
      "POST",
      `/v1/auth/oidc/${encodeURIComponent(ctx.params.provider)}/start`,
    );
    if (!r.ok) return errorPage(c, r.status, r.problem.detail);
    // The verifier the API needs back with the callback stays in this browser's cookie.
    ctx.cookies.set(OIDC_COOKIE, `${r.data.state}.${r.data.verifier}`, shortCookie);
    ctx.redirect(r.data.authorizationUrl);
  });
  router.get("/auth/oidc/callback", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const state = String(ctx.query.state ?? "");
    const [cookieState, verifier] = (ctx.cookies.get(OIDC_COOKIE) ?? "").split(".");
    if (!state || state !== cookieState || !verifier) return errorPage(c, 400, c.state.t("common.tryAgain"));
    ctx.cookies.set(OIDC_COOKIE, null, { path: "/" });
    const reply = await c.state.api.send<TokenPair>("POST", "/v1/auth/oidc/callback", { state, code: String(ctx.query.code ?? ""), verifier });
    await finish(c, reply, "/");
  });

  router.post("/sign-out", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const s = c.state.session;
    if (s) {
      await deps.edge.request("POST", "/v1/auth/logout", { body: { refreshToken: s.refreshToken }, ip: ctx.ip });
      await deps.sessions.delete(s.id);
    }
    ctx.cookies.set(SESSION_COOKIE, null, { path: "/" });
    ctx.redirect("/sign-in?out=1");
  });

  const simpleForm = (c: WebContext, opts: { title: string; action: string; fields: Html; submit: string; problem?: Problem; done?: string; extra?: Html }) =>
    sendPage(c, {
      status: opts.problem ? opts.problem.status : 200,
      title: opts.title,
      body: markup`<h1>${opts.title}</h1>${problemAlert(opts.problem)}${notice(opts.done)}${opts.extra ?? ""}
${
        opts.done
          ? ""
          : markup`<form class="stack" method="post" action="${opts.action}">${
            csrfField(c)
          }${opts.fields}<div><button type="submit">${opts.submit}</button></div></form>`
      }`,
    });

  const forgot = (c: WebContext, problem?: Problem, done?: string) =>
    simpleForm(c, {
      title: c.state.t("auth.forgotTitle"),
      action: "/forgot-password",
      submit: c.state.t("auth.send"),
      problem,
      done,
      fields: markup`<div><label for="email">${
        c.state.t("auth.email")
      }</label><input id="email" name="email" type="email" autocomplete="email" required></div>`,
    });
  router.get("/forgot-password", (ctx) => forgot(ctx as unknown as WebContext));
  router.post("/forgot-password", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const r = await c.state.api.send("POST", "/v1/auth/password/forgot", { email: field(c, "email") });
    if (!r.ok) return forgot(c, r.problem);
    forgot(c, undefined, c.state.t("auth.forgotSent"));
  });

  const reset = (c: WebContext, token: string, problem?: Problem) =>
    simpleForm(c, {
      title: c.state.t("auth.resetTitle"),
      action: "/reset-password",
      submit: c.state.t("auth.reset"),
      problem,
      fields: markup`<input type="hidden" name="token" value="${token}"><div><label for="password">${
        c.state.t("auth.newPassword")
      } <span class="hint" id="pw-hint">${
        c.state.t("auth.passwordHint")
      }</span></label><input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required aria-describedby="pw-hint"></div>`,
    });
  router.get("/reset-password", (ctx) => reset(ctx as unknown as WebContext, String(ctx.query.token ?? "")));
  router.post("/reset-password", async (ctx) => {
    const c = ctx as unknown as WebContext;
    const token = field(c, "token");
    const r = await c.state.api.send("POST", "/v1/auth/password/reset", { token, password: field(c, "password") });
    if (!r.ok) return reset(c, token, r.problem);
    ctx.redirect("/sign-in?reset=1");
  });

  // Emailed links land on a GET; the token is spent by a POST (mail scanners follow links but
  // do not submit forms), which this page's form sends with one click.
  const landing = (path: string, api: string, titleKey: "auth.verifyTitle" | "auth.confirmTitle", doneKey: "auth.verified" | "auth.confirmed") => {
    router.get(path, (ctx) => {
      const c = ctx as unknown as WebContext;
      const { t } = c.state;
      if (ctx.query.done) return simpleForm(c, { title: t(titleKey), action: path, submit: "", fields: markup``, done: t(doneKey) });
      simpleForm(c, {
        title: t(titleKey),
        action: path,
        submit: t("auth.continue"),
        fields: markup`<input type="hidden" name="token" value="${String(ctx.query.token ?? "")}">`,
      });
    });
    router.post(path, async (ctx) => {
      const c = ctx as unknown as WebContext;
      const r = await c.state.api.send("POST", api, { token: field(c, "token") });
      if (!r.ok) {
        return simpleForm(c, {
          title: c.state.t(titleKey),
          action: path,
          submit: "",
          fields: markup``,
          problem: { ...r.problem, detail: c.state.t("auth.verifyFailed") },
          done: " ",
        });
      }
      ctx.redirect(`${path}?done=1`);
    });
  };
  landing("/verify-email", "/v1/auth/verify-email", "auth.verifyTitle", "auth.verified");

  // An organization's invitation: accepted by the signed-in person (signing in or up first comes
  // back here with the token), with one POST; then the organization's page.
  router.get("/invitations/accept", (ctx) => {
    const c = ctx as unknown as WebContext;
    const { t } = c.state;
    if (!c.state.session) {
      const next = encodeURIComponent(ctx.url);
      return simpleForm(c, {
        title: t("auth.inviteTitle"),
        action: "",
        submit: "",
        fields: markup``,
        done: t("auth.inviteSignIn"),
        extra: markup`<p><a class="button" href="/sign-in?next=${next}">${t("nav.signIn")}</a></p>`,
      });
    }
    simpleForm(c, {
      title: t("auth.inviteTitle"),
      action: "/invitations/accept",
      submit: t("auth.inviteAccept"),
      fields: markup`<input type="hidden" name="token" value="${String(ctx.query.token ?? "")}">`,
    });
  });
  router.post("/invitations/accept", async (ctx) => {
    const c = ctx as unknown as WebContext;
    if (!requireSession(c)) return;
    const r = await c.state.api.send<{ orgId: string; role: string }>("POST", "/v1/orgs/invitations/accept", { token: field(c, "token") });
    if (!r.ok) return simpleForm(c, { title: c.state.t("auth.inviteTitle"), action: "", submit: "", fields: markup``, problem: r.problem, done: " " });
    ctx.redirect(`/orgs/${r.data.orgId}`);
  });
  landing("/confirm-email", "/v1/auth/email/confirm", "auth.confirmTitle", "auth.confirmed");
}
