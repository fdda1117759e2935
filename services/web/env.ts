import { type Static, Type } from "@sinclair/typebox";
import { ProxyEnv } from "../kit/config.ts";

/** Known to everyone who read this file: production refuses it (kit/dev-secrets.ts). */
export const DEV_WEB_SESSION_SECRET = "dev-only-web-session-secret-change-me-please";

export const WebEnv = Type.Object({
  EDGE_URL: Type.Optional(
    Type.String({
      pattern: "^https?://",
      description: "Base URL of the edge's public API the web app calls (e.g. http://convene-edge:8080); unset = this process's own HTTP front (SERVICES=all).",
    }),
  ),
  PUBLIC_URL: Type.String({
    default: "http://localhost:8080",
    pattern: "^https?://",
    description: "Public base URL of the app: links in emails and pushes, the unsubscribe link.",
  }),
  WEB_SESSION_SECRET: Type.String({
    minLength: 32,
    default: DEV_WEB_SESSION_SECRET,
    description: "Signs CSRF tokens of the web app (32+ characters; set a random one in production).",
  }),
  WEB_SESSION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 90, default: 24 * 30, description: "How long a web sign-in lasts without use." }),
  ...ProxyEnv,
  WEB_PAGE_CACHE_MS: Type.Integer({
    minimum: 0,
    maximum: 60_000,
    default: 1_000,
    description:
      "How long an anonymous visitor's event, home or search page is served from memory before it is rendered again (0 = never cached); seats left on it can be this old.",
  }),
  WEB_UPSTREAM_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 8_000, description: "How long a page waits for the edge before showing an error." }),
});
export type WebEnv = Static<typeof WebEnv>;
