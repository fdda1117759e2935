/**
 * Links that carry a single-use token (verification, password reset, email change, invitation).
 * The token reaches notifications sealed (kit/link-seal.ts) and is opened only to send the email:
 * the message row keeps the link without it, and the sealed form only until the email is sent or
 * the seal expires. Renders use a placeholder in its place, so the template cache never holds one.
 */
import type { LinkPurpose, LinkSeal } from "../kit/link-seal.ts";
import type { NotificationKind } from "../../subjects/notifications.ts";

/** The kinds whose link needs a token, and what the token is for. */
const PURPOSES: Partial<Record<NotificationKind, LinkPurpose>> = {
  verify_email: "verify_email",
  password_reset: "password_reset",
  email_change: "email_change",
  org_invitation: "org_invitation",
};

export const tokenPurposeOf = (kind: NotificationKind): LinkPurpose | undefined => PURPOSES[kind];

/** Stands in for the token while an email is rendered (letters only: survives URLs and HTML unchanged). */
export const TOKEN_PLACEHOLDER = "ZZconveneLinkTokenZZ";

/** `link` with `token` as its `token` query parameter. */
export const withToken = (link: string, token: string) => `${link}${link.includes("?") ? "&" : "?"}token=${encodeURIComponent(token)}`;

/** A sealed token as a message keeps it, with the moment it stops opening (an unreadable one: a day, then dropped). */
export function sealedOf(seal: LinkSeal, token: string | undefined, now: Date): { token: string; until: Date } | undefined {
  if (!token) return undefined;
  return { token, until: seal.expiresAt(token) ?? new Date(now.getTime() + 86_400_000) };
}
