/**
 * web: the web app people use — server-rendered pages in English and Russian, a session held
 * here (the edge's tokens never reach the browser), CSRF-protected forms, a little script for
 * live updates. It talks to the platform only through the edge's public HTTP API (EDGE_URL, or
 * this process's own front when every service runs in one process).
 */
import { defineService } from "../kit/service.ts";
import { createHash } from "node:crypto";
import { createWebApp, type WebDeps, type WebRouter } from "./app.ts";
import { EdgeClient } from "./edge-client.ts";
import { SessionStore } from "./session.ts";
import { sessions } from "./migrations/001-sessions.ts";
import { DEV_WEB_SESSION_SECRET, WebEnv } from "./env.ts";
import { publicPages } from "./pages/public.ts";
import { authPages } from "./pages/auth.ts";
import { mePages } from "./pages/me.ts";
import { organizerPages } from "./pages/organizer.ts";
import { messagePages } from "./pages/messages.ts";
import { adminPages } from "./pages/admin.ts";
import { bookingPages } from "./pages/bookings.ts";

export { WebEnv };

export const WEB_VERSION = "0.1.0";

/** Every page module, in the order their routes are tried. */
export const pages: Array<(router: WebRouter, deps: WebDeps) => void> = [
  authPages,
  bookingPages,
  mePages,
  organizerPages,
  messagePages,
  adminPages,
  publicPages,
];

export const webService = defineService({
  name: "web",
  version: WEB_VERSION,
  description: "The web app: server-rendered pages over the edge's public API, sessions and CSRF.",
  env: WebEnv,
  migrations: [sessions],
  devSecrets: (
    env,
  ) => [{
    name: "WEB_SESSION_SECRET",
    insecure: env.WEB_SESSION_SECRET === DEV_WEB_SESSION_SECRET,
    why: "is the development default (anyone could forge CSRF tokens)",
  }],
  async setup(rt) {
    const edge = new EdgeClient(() => rt.env.EDGE_URL ?? rt.httpUrl(), rt.env.WEB_UPSTREAM_TIMEOUT_MS);
    const store = new SessionStore(rt.db, rt.env.WEB_SESSION_TTL_HOURS * 3_600_000);
    const secret = createHash("sha256").update(rt.env.WEB_SESSION_SECRET).digest();
    const app = createWebApp({ env: rt.env, log: rt.log, edge, sessions: store, secret }, pages);
    const sweep = setInterval(() => void store.sweep().catch((err: unknown) => rt.log.warn({ err }, "session sweep failed")), 3_600_000);
    sweep.unref();
    return {
      http: app,
      async stop() {
        clearInterval(sweep);
      },
    };
  },
});
