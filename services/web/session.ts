/**
 * Server-side sessions in the web service's own table. The browser holds an opaque random id in
 * an httpOnly cookie; the access and refresh tokens of the edge stay here, so no script on a
 * page can read them (seed 001).
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../kit/db.ts";

export type TokenPair = { accessToken: string; refreshToken: string; expiresIn: number; user: { id: string; displayName: string; roles: string[] } };

export type Session = {
  /** The row key: SHA-256 of the cookie value. */
  id: string;
  userId: string;
  displayName: string;
  roles: string[];
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  expiresAt: Date;
};

type Row = {
  id: string;
  user_id: string;
  display_name: string;
  roles: string[];
  access_token: string;
  refresh_token: string;
  access_expires_at: Date;
  expires_at: Date;
};

const fromRow = (r: Row): Session => ({
  id: r.id,
  userId: r.user_id,
  displayName: r.display_name,
  roles: r.roles,
  accessToken: r.access_token,
  refreshToken: r.refresh_token,
  accessExpiresAt: new Date(r.access_expires_at),
  expiresAt: new Date(r.expires_at),
});

export const keyOf = (cookie: string): string => createHash("sha256").update(cookie).digest("base64url");

export class SessionStore {
  readonly db: Db;
  readonly ttlMs: number;
  constructor(db: Db, ttlMs: number) {
    this.db = db;
    this.ttlMs = ttlMs;
  }

  /** Opens a session for a fresh token pair; returns the cookie value (shown to the browser only). */
  async create(tokens: TokenPair, now = new Date()): Promise<{ cookie: string; session: Session }> {
    const cookie = randomBytes(32).toString("base64url");
    const row: Row = {
      id: keyOf(cookie),
      user_id: tokens.user.id,
      display_name: tokens.user.displayName,
      roles: tokens.user.roles,
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      access_expires_at: new Date(now.getTime() + tokens.expiresIn * 1000),
      expires_at: new Date(now.getTime() + this.ttlMs),
    };
    await this.db("sessions").insert({ ...row, roles: JSON.stringify(row.roles) });
    return { cookie, session: fromRow(row) };
  }

  async get(cookie: string, now = new Date()): Promise<Session | undefined> {
    const row = (await this.db("sessions").where({ id: keyOf(cookie) }).where("expires_at", ">", now).first()) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  async delete(id: string): Promise<void> {
    await this.db("sessions").where({ id }).delete();
  }

  /**
   * Rotates the tokens of a session under a row lock: whoever holds the lock refreshes; a request
   * that waited finds the tokens already new and uses them. `refresh` returns undefined when the
   * edge refused (the session is then deleted).
   */
  async rotate(
    id: string,
    staleAccessToken: string,
    refresh: (refreshToken: string) => Promise<TokenPair | undefined>,
    now = () => new Date(),
  ): Promise<Session | undefined> {
    return this.db.transaction(async (trx) => {
      const row = (await trx("sessions").where({ id }).forUpdate().first()) as Row | undefined;
      if (!row) return undefined;
      if (row.access_token !== staleAccessToken) return fromRow(row);
      const next = await refresh(row.refresh_token);
      if (!next) {
        await trx("sessions").where({ id }).delete();
        return undefined;
      }
      const update = {
        access_token: next.accessToken,
        refresh_token: next.refreshToken,
        access_expires_at: new Date(now().getTime() + next.expiresIn * 1000),
        display_name: next.user.displayName,
        roles: JSON.stringify(next.user.roles),
      };
      await trx("sessions").where({ id }).update(update);
      return fromRow({ ...row, ...update, roles: next.user.roles });
    });
  }

  /** Forgets expired sessions (called now and then). */
  async sweep(now = new Date()): Promise<number> {
    return this.db("sessions").where("expires_at", "<=", now).delete();
  }
}
