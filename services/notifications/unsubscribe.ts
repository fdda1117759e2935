/**
 * The signed one-click unsubscribe link (RFC 8058): user id and kind, HMAC-SHA256 with
 * UNSUBSCRIBE_SECRET. Stateless, so a link works as long as the secret is the same. A digest's
 * link carries the kind "digest": it gathers every follower kind, so it turns them all off.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { FollowerKind } from "../../subjects/notifications.ts";
import { FOLLOWER_KINDS } from "../../subjects/notifications.ts";
import { badRequest } from "../kit/errors.ts";

const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64url");

export type UnsubscribeKind = FollowerKind | "digest";

export function unsubscribeToken(secret: string, userId: string, kind: UnsubscribeKind): string {
  const payload = `${b64(userId)}.${b64(kind)}`;
  return `${payload}.${createHmac("sha256", secret).update(payload).digest("base64url")}`;
}

export function verifyUnsubscribeToken(secret: string, token: string): { userId: string; kind: UnsubscribeKind } | undefined {
  const [u, k, sig] = token.split(".");
  if (!u || !k || !sig) return undefined;
  const expected = createHmac("sha256", secret).update(`${u}.${k}`).digest();
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const userId = Buffer.from(u, "base64url").toString();
  const kind = Buffer.from(k, "base64url").toString() as UnsubscribeKind;
  if ((kind !== "digest" && !FOLLOWER_KINDS.includes(kind)) || !/^[0-9a-f-]{36}$/i.test(userId)) return undefined;
  return { userId, kind };
}

/** Who a link unsubscribes from what; a token that does not verify is a 400 naming the field. */
export function unsubscribeLinkOf(secret: string, token: string): { userId: string; kind: UnsubscribeKind } {
  const who = verifyUnsubscribeToken(secret, token);
  if (!who) throw badRequest("token: is not a valid unsubscribe token", [{ field: "token", message: "is not a valid unsubscribe token" }]);
  return who;
}

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return new URL(`/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`, publicUrl).toString();
}
