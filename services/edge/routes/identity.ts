/** Accounts and sessions (svc.identity.*). */
import { identity } from "../../../subjects/identity.ts";
import { route, type Route } from "./route.ts";

const tag = "identity";

export const identityRoutes: Route[] = [
  route({ method: "POST", path: "/v1/auth/register", contract: identity.register, auth: "public", tag, summary: "Sign up with email and password", input: { body: true, ip: "ip" }, status: 201, creates: true }),
  // Login and refresh mint tokens: replaying them from a store would keep bearer tokens at rest
  // for 24 hours, so they take no Idempotency-Key (a retried login simply opens another session).
  route({ method: "POST", path: "/v1/auth/login", contract: identity.login, auth: "public", tag, summary: "Log in: exchange email and password for tokens", input: { body: true, ip: "ip" } }),
  route({ method: "POST", path: "/v1/auth/refresh", contract: identity.refresh, auth: "public", tag, summary: "Rotate a refresh token", input: { body: true } }),
  route({ method: "POST", path: "/v1/auth/logout", contract: identity.logout, auth: "public", tag, summary: "End the session of a refresh token", input: { body: true } }),
  route({ method: "GET", path: "/v1/auth/jwks", contract: identity.jwks, auth: "public", tag, summary: "Public keys access tokens are signed with" }),
  route({ method: "GET", path: "/v1/me", contract: identity.me, auth: "user", tag, summary: "The caller's own account" }),
];
