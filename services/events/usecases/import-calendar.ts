/**
 * Imports events from an external iCalendar URL for the caller (and an organization they
 * administer). The fetch is SSRF-guarded and capped (net/safe-fetch.ts); the feed is read into
 * entries by ical-import.ts. Each entry is keyed by its UID per organizer: a re-import updates the
 * event it created before (changes recorded and emitted like any edit, editing.ts and
 * lifecycle.ts) instead of adding a duplicate.
 */
import { randomUUID } from "node:crypto";
import type { Static } from "@sinclair/typebox";
import { AppError, forbidden } from "../../kit/errors.ts";
import { events } from "../../../subjects/events.ts";
import { check } from "../../kit/validate.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { categoryError, normalizePatch } from "../fields.ts";
import { importedEvent, loadEvent } from "../store.ts";
import { safeFetch } from "../net/safe-fetch.ts";
import { editable } from "../access.ts";
import { applyChanges, insertNewEvent, newFields } from "../editing.ts";
import { applyTransition } from "../lifecycle.ts";
import { parseCalendar } from "../ical-import.ts";

type Input = Static<typeof events.import.request>;
type Reply = Static<typeof events.import.reply>;

/** Imports one user may run at once on this replica (each holds a fetch and many writes). REVIEW: per replica, not across replicas. */
const IMPORTS_PER_USER = 2;
const running = new Map<string, number>();

export async function importCalendar(deps: Deps, principal: Principal, input: Input, opts: { deadline?: number } = {}): Promise<Reply> {
  const orgId = input.organizationId ?? null;
  if (orgId && !(await deps.canActForOrg(principal, orgId))) throw forbidden("only admins of the organization may import its events");
  const mine = running.get(principal.sub) ?? 0;
  if (mine >= IMPORTS_PER_USER) {
    throw new AppError("rate_limited", `at most ${IMPORTS_PER_USER} imports at once; wait for one to finish`, { details: { retryAfterSeconds: 10 } });
  }
  running.set(principal.sub, mine + 1);
  try {
    return await runImport(deps, principal, input, orgId, opts.deadline ?? Number.POSITIVE_INFINITY);
  } finally {
    const left = (running.get(principal.sub) ?? 1) - 1;
    if (left > 0) running.set(principal.sub, left);
    else running.delete(principal.sub);
  }
}

/** The import itself; it stops at the caller's deadline (the edge answered 504 by then: nobody waits for the rest). */
async function runImport(deps: Deps, principal: Principal, input: Input, orgId: string | null, deadline: number): Promise<Reply> {
  const fetched = await safeFetch(input.url, {
    maxBytes: deps.config.importMaxBytes,
    timeoutMs: Math.max(1, Math.min(deps.config.importTimeoutMs, deadline - Date.now())),
    allowedOrigins: deps.config.importAllowedOrigins,
  });
  const { entries, skipped } = parseCalendar(fetched.body.toString("utf8"), input.timeZone ?? "UTC", deps.config.importMaxEvents, deps.now());
  const reply: Reply = { created: 0, updated: 0, unchanged: 0, skipped, eventIds: [] };
  for (const entry of entries) {
    if (Date.now() >= deadline) {
      throw new AppError("timeout", "the import ran past the caller's deadline; import again to continue (events are matched by UID)", { status: 504 });
    }
    try {
      // What the contract would refuse from a client is refused from a feed too (a URL with a
      // space, a zone the contract does not know): stored, it would break every later read.
      const request = {
        ...entry.fields,
        visibility: input.visibility ?? "public",
        publish: input.publish === true,
        ...(orgId ? { organizationId: orgId } : {}),
      };
      check(events.create.request, request);
      const existing = await importedEvent(deps.db, principal.sub, entry.uid);
      if (existing?.deleted_at) {
        reply.skipped.push({ uid: entry.uid, reason: "deleted here; not imported again" });
        continue;
      }
      if (!existing) {
        if (entry.cancelled) {
          reply.skipped.push({ uid: entry.uid, reason: "cancelled at the source" });
          continue;
        }
        // The caller's right to create the organization's events was checked once, before the fetch.
        const fields = newFields(request);
        const id = randomUUID();
        await deps.db.transaction((trx) =>
          insertNewEvent(trx, {
            id,
            organizerId: principal.sub,
            organizationId: orgId,
            fields,
            publish: request.publish,
            importUid: entry.uid,
            action: "imported",
            now: deps.now(),
          })
        );
        reply.created++;
        reply.eventIds.push(id);
        continue;
      }
      await editable(deps, deps.db, await loadEvent(deps.db, existing.id), principal);
      const patch = normalizePatch(entry.fields);
      // The new fields and a cancellation at the source are one change of the event.
      const changed = await deps.db.transaction(async (trx) => {
        const row = await loadEvent(trx, existing.id, { forUpdate: true });
        if (!row || row.deleted_at) return false;
        const now = deps.now();
        const changes = await applyChanges(trx, row, patch, principal.sub, "imported", now);
        const cancelled = entry.cancelled &&
          (await applyTransition(trx, (await loadEvent(trx, row.id))!, { to: "cancelled", reason: "cancelled at the source" }, principal.sub, now));
        return changes.length > 0 || cancelled;
      });
      if (changed) reply.updated++;
      else reply.unchanged++;
      reply.eventIds.push(existing.id);
    } catch (err) {
      const refusal = categoryError(err);
      if (!(refusal instanceof AppError) || refusal.status >= 500) throw refusal;
      reply.skipped.push({ uid: entry.uid, reason: refusal.message });
    }
  }
  return reply;
}
