/** Pieces several pages draw: event cards and lists, types of the edge's replies. */
import type { Static } from "@sinclair/typebox";
import type { EventSummary as EventSummarySchema, EventView as EventViewSchema } from "../../../subjects/events.ts";
import type { Organization as OrganizationSchema, PublicProfile as PublicProfileSchema } from "../../../subjects/identity.ts";
import { type Html, markup } from "../html.ts";
import { formatWhen, type Locale, type Translate } from "../i18n.ts";

export type EventSummary = Static<typeof EventSummarySchema>;
export type EventView = Static<typeof EventViewSchema>;
export type PublicProfile = Static<typeof PublicProfileSchema>;
export type Organization = Static<typeof OrganizationSchema>;
export type EventPage = { items: EventSummary[]; nextCursor: string | null };

export function eventCard(e: EventSummary, locale: Locale, t: Translate, headingLevel: 2 | 3 = 3): Html {
  const title = markup`<a href="/events/${e.id}">${e.title}</a>`;
  return markup`<li class="card">${headingLevel === 3 ? markup`<h3>${title}</h3>` : markup`<h2>${title}</h2>`}
<p class="muted"><time datetime="${e.startsAt}">${formatWhen(locale, e.startsAt, undefined, e.timeZone)}</time></p>
<p>${e.venue ? e.venue.name : e.onlineUrl ? t("event.online") : ""}${e.distanceKm !== undefined ? markup` · ${Math.round(e.distanceKm)} km` : ""}</p>
${e.status === "cancelled" ? markup`<p class="bad">${t("event.cancelled")}</p>` : ""}</li>`;
}

export function eventList(items: EventSummary[], locale: Locale, t: Translate, empty: string): Html {
  return items.length ? markup`<ul class="cards">${items.map((e) => eventCard(e, locale, t))}</ul>` : markup`<p class="muted">${empty}</p>`;
}

/** Money in minor units, in the reader's language. */
export function money(locale: Locale, minor: number, currency: string | null | undefined, t: Translate): string {
  if (!currency || minor === 0) return t("event.free");
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-GB", { style: "currency", currency }).format(minor / 10 ** digits);
}
