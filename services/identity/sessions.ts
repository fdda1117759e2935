/**
 * Opening sessions, shared by every way of signing in (password, OpenID Connect, TOTP step).
 * A session is one refresh-token row; every refresh token descends from one sign-in (its family).
 * The gate decides whether a verified first factor is enough: deactivated accounts are refused,
 * an account with TOTP gets a challenge, an admin without TOTP is refused when it is required.
 */
import { randomUUID } from "node:crypto";
import { AppError } from "../kit/errors.ts";
import type { Db } from "../kit/db.ts";
import { type KeyStore, signAccessToken, type Signer, type TokenSettings } from "./keys.ts";
import { newSecret, sha256 } from "./secrets.ts";
import { type Q, summary, type UserRow } from "./store.ts";
import { insertSession } from "./store/sessions.ts";
import { insertToken, liveTokenUser, useTokenHash } from "./store/tokens.ts";

export const REFRESH_TTL_DAYS = 30;
/** However often it is refreshed, a sign-in ends this long after it began (then sign in again). */
export const FAMILY_MAX_DAYS = 90;
export const CHALLENGE_TTL_MS = 5 * 60_000;

/**
 * Why a refresh token cannot be refreshed at `now`, or undefined when it can: past its own expiry
 * (each refresh slides it REFRESH_TTL_DAYS on), or its sign-in (the family's first session)
 * began more than FAMILY_MAX_DAYS ago, however often it was refreshed since.
 */
export function refreshRefusal(session: { expires_at: Date | string }, familyStartedAt: Date | undefined, now: Date): string | undefined {
  if (new Date(session.expires_at).getTime() < now.getTime()) return "refresh token expired";
  if (familyStartedAt && familyStartedAt.getTime() + FAMILY_MAX_DAYS * 86_400_000 < now.getTime()) return "this sign-in is too old to refresh; sign in again";
  return undefined;
}

export type SessionDeps = { db: Db; tokens: TokenSettings; keys: KeyStore; require2faForAdmins: boolean; now(): Date };

/**
 * Opens a session inside the caller's transaction. The signer is fetched by the caller before
 * the transaction: fetching it may read signing_keys, and on PGlite (one connection) a read
 * outside a transaction that holds the connection waits for it forever.
 */
export async function openSession(trx: Q, deps: Pick<SessionDeps, "tokens" | "now">, signer: Signer, user: UserRow, familyId: string = randomUUID()) {
  const refreshToken = newSecret();
  const sid = randomUUID();
  await insertSession(trx, {
    id: sid,
    user_id: user.id,
    family_id: familyId,
    refresh_hash: sha256(refreshToken),
    expires_at: new Date(deps.now().getTime() + REFRESH_TTL_DAYS * 86_400_000),
  });
  const accessToken = await signAccessToken(signer, deps.tokens, { sub: user.id, roles: user.roles }, sid);
  return { accessToken, refreshToken, tokenType: "Bearer" as const, expiresIn: deps.tokens.ttlSeconds, user: summary(user) };
}

/** A single-use token for the second step of a sign-in (or for enrolling TOTP before it). */
async function challenge(q: Q, userId: string, purpose: "signin_totp" | "totp_enrolment", now: Date): Promise<string> {
  const token = newSecret();
  await insertToken(q, { token_hash: sha256(token), user_id: userId, purpose, expires_at: new Date(now.getTime() + CHALLENGE_TTL_MS) });
  return token;
}

/** The user a live challenge belongs to; `consume` uses it up (sign-in), else it stays (enrolment spans two calls). */
export async function challengeUser(q: Q, token: string, purpose: "signin_totp" | "totp_enrolment", consume: boolean, now: Date): Promise<string> {
  const userId = consume ? (await useTokenHash(q, sha256(token), purpose, now))?.userId : await liveTokenUser(q, sha256(token), purpose, now);
  if (!userId) throw new AppError("unauthenticated", "the sign-in challenge is unknown, used or expired; sign in again");
  return userId;
}

export function assertActive(user: UserRow): void {
  if (user.status !== "active") throw new AppError("account_deactivated", "this account is deactivated", { status: 403 });
}

/** After the first factor: refuse, ask for the second, or open a session. */
export async function signIn(deps: SessionDeps, user: UserRow, opts: { secondFactorDone?: boolean } = {}) {
  assertActive(user);
  if (user.totp_enabled_at && !opts.secondFactorDone) {
    const token = await challenge(deps.db, user.id, "signin_totp", deps.now());
    throw new AppError("totp_required", "enter the code from your authenticator app (svc.identity.totp.login)", {
      status: 401,
      details: { challenge: token, expiresIn: CHALLENGE_TTL_MS / 1000 },
    });
  }
  if (deps.require2faForAdmins && user.roles.includes("admin") && !user.totp_enabled_at) {
    const token = await challenge(deps.db, user.id, "totp_enrolment", deps.now());
    throw new AppError(
      "totp_enrolment_required",
      "admins must turn on two-factor sign-in: enrol with svc.identity.totp.enrol and this challenge, then sign in again",
      {
        status: 403,
        details: { challenge: token, expiresIn: CHALLENGE_TTL_MS / 1000 },
      },
    );
  }
  const signer = await deps.keys.signer();
  return deps.db.transaction((trx) => openSession(trx, deps, signer, user));
}
