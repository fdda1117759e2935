/**
 * Whether an access token's session is still open (svc.identity.sessions.check). A signature
 * proves who issued a token, not that its session survived a logout-all, a password change or a
 * deactivation: without this the token would keep working for its whole 15 minutes. Answers are
 * cached per session for `cacheMs` (one identity call per active session per few seconds); a
 * closed session is remembered until the token could have expired anyway.
 */
import type { NatsConnection } from "@nats-io/nats-core";
import { call } from "../kit/call.ts";
import { identity } from "../../subjects/identity.ts";

export type SessionChecker = { active(sub: string, sid: string): Promise<boolean> };

export function sessionChecker(nc: NatsConnection, opts: { cacheMs: number; timeoutMs: number; maxEntries?: number }): SessionChecker {
  const maxEntries = opts.maxEntries ?? 50_000;
  const known = new Map<string, { active: boolean; until: number }>();
  const inFlight = new Map<string, Promise<boolean>>();
  return {
    async active(sub, sid) {
      const key = `${sub} ${sid}`;
      const now = Date.now();
      const hit = known.get(key);
      if (hit && hit.until > now) return hit.active;
      let pending = inFlight.get(key);
      if (!pending) {
        pending = call(nc, identity.sessionsCheck, { sub, sid }, { timeoutMs: opts.timeoutMs })
          .then(({ active }) => {
            if (known.size >= maxEntries) known.delete(known.keys().next().value as string);
            // Closed sessions never reopen: remember them for an access token's longest life.
            known.set(key, { active, until: Date.now() + (active ? opts.cacheMs : 3_600_000) });
            return active;
          })
          .finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
  };
}
