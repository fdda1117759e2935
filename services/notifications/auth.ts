import type { HandlerContext } from "../kit/serve.ts";
import { forbidden, unauthenticated } from "../kit/errors.ts";

/** The calling user's id; every inbox, device and preference request is about the caller. */
export function callerOf(ctx: HandlerContext): string {
  if (!ctx.principal) throw unauthenticated();
  return ctx.principal.sub;
}

export function requireAdmin(ctx: HandlerContext): void {
  if (!ctx.principal) throw unauthenticated();
  if (!ctx.principal.roles.includes("admin")) throw forbidden("admins only");
}
