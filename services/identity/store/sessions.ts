/** identity's queries on sessions: one refresh-token row each, a family per sign-in. */
import type { Q } from "../store.ts";

export type SessionRow = {
  id: string;
  user_id: string;
  family_id: string;
  refresh_hash: string;
  expires_at: Date;
  created_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
};

export async function insertSession(trx: Q, row: { id: string; user_id: string; family_id: string; refresh_hash: string; expires_at: Date }): Promise<void> {
  await trx("sessions").insert(row);
}

export const sessionByRefreshHash = (q: Q, refreshHash: string): Promise<SessionRow | undefined> => q("sessions").where({ refresh_hash: refreshHash }).first();
/** The session of a refresh token, locked: two refreshes of one token take turns. */
export const lockSessionByRefreshHash = (trx: Q, refreshHash: string): Promise<SessionRow | undefined> =>
  trx("sessions").where({ refresh_hash: refreshHash }).forUpdate().first();

export async function revokeFamily(q: Q, familyId: string): Promise<void> {
  await q("sessions").where({ family_id: familyId }).whereNull("revoked_at").update({ revoked_at: q.fn.now() });
}

/** When the sign-in a family descends from began. */
export async function familyStartedAt(trx: Q, familyId: string): Promise<Date | undefined> {
  const started = await trx("sessions").where({ family_id: familyId }).min({ at: "created_at" }).first();
  return started?.at ? new Date(started.at) : undefined;
}

export async function markRotated(trx: Q, id: string): Promise<void> {
  await trx("sessions").where({ id }).update({ rotated_at: trx.fn.now() });
}

/** Whether a session is open at `now`: not revoked, not expired, of an active account. */
export async function sessionOpen(q: Q, input: { sid: string; sub: string }, now: Date): Promise<boolean> {
  const row = await q("sessions as s")
    .join("users as u", "u.id", "s.user_id")
    .where({ "s.id": input.sid, "s.user_id": input.sub, "u.status": "active" })
    .whereNull("s.revoked_at")
    .andWhere("s.expires_at", ">", now)
    .first("s.id");
  return Boolean(row);
}

/** Revokes every session of a user; returns how many were still usable at `now`. */
export async function revokeSessions(q: Q, userId: string, now: Date): Promise<number> {
  const open = await q("sessions").where({ user_id: userId }).whereNull("revoked_at").whereNull("rotated_at").where("expires_at", ">", now).count<
    { n: number }[]
  >({ n: "*" });
  // Rotated ones are dead already but are marked too, so a later replay finds the family revoked.
  await q("sessions").where({ user_id: userId }).whereNull("revoked_at").update({ revoked_at: q.fn.now() });
  return Number(open[0].n);
}

/** When the sign-in behind a session happened: the first session of its refresh family (refreshes keep the family). */
export async function signedInAt(q: Q, userId: string, sessionId: string): Promise<Date | undefined> {
  const row = await q("sessions as f")
    .join("sessions as s", "s.family_id", "f.family_id")
    .where({ "s.id": sessionId, "s.user_id": userId })
    .min<{ at: Date | string | null }>("f.created_at as at")
    .first();
  return row?.at ? new Date(row.at) : undefined;
}
