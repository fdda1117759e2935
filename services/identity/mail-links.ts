/**
 * Single-use link tokens leave identity only sealed for the notifications mail sender
 * (kit/link-seal.ts): the domain event that asks for the email carries the sealed form, so
 * neither EVENTS, this service's outbox, notifications' tables nor a dead letter holds a token
 * that works. The seal lasts until the token expires or LINK_SEAL_TTL_SECONDS, whichever is
 * sooner: a mail not sent by then is not sent (the user asks for a new link).
 */
import type { LinkPurpose, LinkSeal } from "../kit/link-seal.ts";

export type MailLinks = { seal: LinkSeal; ttlMs: number };

export function sealForMail(links: MailLinks, purpose: LinkPurpose, address: string, token: string, tokenExpiresAt: Date, now: Date): string {
  const until = Math.min(tokenExpiresAt.getTime(), now.getTime() + links.ttlMs);
  return links.seal.seal(purpose, address, token, new Date(until));
}
