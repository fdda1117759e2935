/**
 * Who is calling, read from the principal the edge forwards (subjects/principal.ts). Every
 * service asks these questions the same way; rules that need the service's own rows (an account
 * still active, an organization role) build on them inside the service.
 */
import type { Principal, Role } from "../../subjects/principal.ts";
import { forbidden, unauthenticated } from "./errors.ts";
import type { HandlerContext } from "./serve.ts";

/** The signed-in caller; `unauthenticated` (401) when the request came on behalf of nobody. */
export function requireCaller(ctx: HandlerContext): Principal {
  if (!ctx.principal) throw unauthenticated();
  return ctx.principal;
}

/** The caller when there is one (public subjects that answer more to a signed-in caller). */
export function optionalCaller(ctx: HandlerContext): Principal | undefined {
  return ctx.principal;
}

/** Whether `p` holds the platform role `role` (false for nobody). */
export function hasRole(p: Principal | undefined, role: Role): boolean {
  return Boolean(p?.roles.includes(role));
}

/** The signed-in caller holding `role`: 401 for nobody, 403 for someone without it. */
export function requireRole(ctx: HandlerContext, role: Role): Principal {
  const p = requireCaller(ctx);
  if (!hasRole(p, role)) throw forbidden(role === "admin" ? "admins only" : `requires the ${role} role`);
  return p;
}
