/**
 * Email and push texts from templates/: handlebars first, then MJML (MJML moves text around and
 * would break block helpers if it ran first). One MJML render per (source event, locale): the
 * per-recipient values (name, unsubscribe link) go in afterwards as escaped placeholders, since
 * a render costs ~2 ms and a fan-out reaches thousands of people with the same text.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import mjml2html from "mjml";
import type { NotificationKind } from "../../../subjects/notifications.ts";

export const LOCALES = ["en", "ru"] as const;
export type SupportedLocale = (typeof LOCALES)[number];

export type Rendered = { subject: string; html: string; text: string };
export type PushText = { title: string; body: string };

/** An SMS stays within two GSM-7 segments (or five UCS-2 ones): short, and cheap. */
export const SMS_MAX_CHARS = 300;

type Strings = {
  footer: string;
  unsubscribe: string;
  online: string;
  subjects: Record<string, string>;
  push: Record<string, { title: string; body: string }>;
  roles: Record<string, string>;
  digestKinds: Record<string, string>;
  /** Words for the fields a change email names, a line per change, and what stands for "none". */
  fields: Record<string, string>;
  changeLine: string;
  none: string;
  statuses: Record<string, string>;
  /** Why a booking was cancelled (subjects/bookings.ts CancelReason), in words. */
  cancelReasons: Record<string, string>;
  /** The SMS with a phone verification code ({{code}}, {{minutes}}). */
  smsCode: string;
};

/** One ticket of a confirmation (email-extras.ts puts them in params.tickets, JSON). */
type TicketItem = { name: string; type: string; cid: string };

/** Money in minor units, in the currency's own digits (KZT and EUR 2, JPY 0). */
export function money(minor: number, currency: string, locale: string): string {
  try {
    const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(minor / 10 ** digits);
  } catch {
    return `${minor} ${currency}`;
  }
}

/** "in 24 hours", "in 1 hour", "in 30 minutes", in the locale. */
function leadTime(offsetS: number, locale: string): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "always" });
  if (offsetS % 86_400 === 0 && offsetS >= 172_800) return rtf.format(offsetS / 86_400, "day");
  if (offsetS % 3_600 === 0) return rtf.format(offsetS / 3_600, "hour");
  if (offsetS % 60 === 0) return rtf.format(offsetS / 60, "minute");
  return rtf.format(offsetS, "second");
}

/** One change of an event as plan-fanout stores it (params.changeList, JSON). */
type ChangeItem = { field: string; old: unknown; new: unknown };

/** One line of a digest (usecases/compile-digest.ts stores them as JSON in the digest's params.items). */
type DigestItem = { kind: string; link: string; title?: string; startsAt?: string; timeZone?: string; venue?: string; onlineUrl?: string };

const NAME = "%%RCPT_NAME%%";
const UNSUB = "%%RCPT_UNSUBSCRIBE%%";

/** Maps any BCP 47 tag onto a locale we have templates for. */
export function supportedLocale(tag: string | null | undefined): SupportedLocale {
  const lang = String(tag ?? "en").slice(0, 2).toLowerCase();
  return (LOCALES as readonly string[]).includes(lang) ? (lang as SupportedLocale) : "en";
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export type Templates = ReturnType<typeof createTemplates>;

export function createTemplates(opts: { publicUrl: string; dir?: string }) {
  const dir = opts.dir ?? fileURLToPath(new URL("../../../templates/", import.meta.url));
  const hb = Handlebars.create();
  const layout = hb.compile(readFileSync(`${dir}email/layout.mjml`, "utf8"));
  const bodies = new Map<string, { mjml: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate }>();
  for (const file of readdirSync(`${dir}email`)) {
    const m = file.match(/^([a-z_]+)\.([a-z]{2})\.mjml$/);
    if (!m) continue;
    bodies.set(`${m[1]}.${m[2]}`, {
      mjml: hb.compile(readFileSync(`${dir}email/${file}`, "utf8")),
      // Plain text: nothing to escape.
      text: hb.compile(readFileSync(`${dir}email/${m[1]}.${m[2]}.txt`, "utf8"), { noEscape: true }),
    });
  }
  const strings = new Map<SupportedLocale, Strings>();
  const subjects = new Map<string, HandlebarsTemplateDelegate>();
  const pushes = new Map<string, { title: HandlebarsTemplateDelegate; body: HandlebarsTemplateDelegate }>();
  for (const locale of LOCALES) {
    const s = JSON.parse(readFileSync(`${dir}strings/${locale}.json`, "utf8")) as Strings;
    strings.set(locale, s);
    for (const [kind, t] of Object.entries(s.subjects)) subjects.set(`${kind}.${locale}`, hb.compile(t, { noEscape: true }));
    for (const [kind, t] of Object.entries(s.push)) {
      pushes.set(`${kind}.${locale}`, { title: hb.compile(t.title, { noEscape: true }), body: hb.compile(t.body, { noEscape: true }) });
    }
  }
  const cache = new Map<string, Promise<Rendered>>();
  const changeLines = new Map([...strings].map(([locale, s]) => [locale, hb.compile(s.changeLine, { noEscape: true })]));

  /** Date formatters by locale and zone: making one costs more than a push's whole text. */
  const dateFormats = new Map<string, Intl.DateTimeFormat>();
  const dateFormat = (locale: SupportedLocale, timeZone: string) => {
    const key = `${locale}|${timeZone}`;
    let f = dateFormats.get(key);
    if (!f) {
      // An unknown zone throws here, before anything is cached.
      f = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone });
      if (dateFormats.size > 1_000) dateFormats.clear();
      dateFormats.set(key, f);
    }
    return f;
  };

  /** Template variables of a notification in a locale (dates in the event's own time zone). */
  function variables(
    kind: NotificationKind,
    params: Record<string, string>,
    link: string,
    locale: SupportedLocale,
    userTimeZone?: string,
  ): Record<string, unknown> {
    const s = strings.get(locale)!;
    const fmt = (iso: string | undefined, tz: string | undefined) => {
      if (!iso) return "";
      try {
        return dateFormat(locale, tz || "UTC").format(new Date(iso)) + (tz ? ` (${tz})` : "");
      } catch {
        return iso;
      }
    };
    const where = (p: { venue?: string; onlineUrl?: string }) => p.venue || (p.onlineUrl ? `${s.online}: ${p.onlineUrl}` : s.online);
    const items = kind === "digest" ? (JSON.parse(params.items ?? "[]") as DigestItem[]) : [];
    const line = changeLines.get(locale)!;
    /** A changed value in words: times on the recipient's clock (the event's when unknown). */
    const valueOf = (field: string, v: unknown): string => {
      if (v === null || v === undefined || v === "") return s.none;
      if (field === "startsAt" || field === "endsAt") return fmt(String(v), userTimeZone || params.timeZone);
      if (field === "venue" && typeof v === "object") return [(v as { name?: string }).name, (v as { address?: string }).address].filter(Boolean).join(", ");
      if (field === "status") return s.statuses[String(v)] ?? String(v);
      return String(v);
    };
    const changes = (JSON.parse(params.changeList ?? "[]") as ChangeItem[]).map((c) =>
      line({ label: s.fields[c.field] ?? c.field, old: valueOf(c.field, c.old), new: valueOf(c.field, c.new) })
    );
    const full = (path: string | undefined) => (path ? new URL(path, opts.publicUrl).toString() : "");
    const amountOf = (minor: string | undefined) => (minor && minor !== "0" && params.currency ? money(Number(minor), params.currency, locale) : "");
    return {
      ...params,
      locale,
      strings: s,
      when: fmt(params.startsAt, params.timeZone),
      // The start on the recipient's own clock (reminders, confirmations).
      whenLocal: fmt(params.startsAt, userTimeZone || params.timeZone),
      amount: amountOf(params.amountMinor),
      refund: amountOf(params.refundMinor),
      reasonText: params.reason ? (s.cancelReasons[params.reason] ?? params.reason) : "",
      receiptLink: full(params.receiptUrl),
      acceptLink: full(params.acceptUrl),
      declineLink: full(params.declineUrl),
      lead: params.offsetS ? leadTime(Number(params.offsetS), locale) : "",
      tickets: kind === "booking_confirmed" ? (JSON.parse(params.tickets ?? "[]") as TicketItem[]) : [],
      expires: fmt(params.expiresAt, userTimeZone),
      where: where(params),
      url: new URL(link, opts.publicUrl).toString(),
      kind,
      roleLabel: s.roles[params.role ?? ""] ?? params.role ?? "",
      items: items.map((i) => ({
        label: s.digestKinds[i.kind] ?? i.kind,
        title: i.title ?? "",
        when: fmt(i.startsAt, i.timeZone),
        where: where(i),
        url: new URL(i.link, opts.publicUrl).toString(),
      })),
      more: params.more && params.more !== "0" ? params.more : "",
      // A free text's lines (an organizer's message): each escaped, joined by <br /> in HTML.
      messageLines: (params.message ?? "").split(/\r?\n/),
      changeLines: changes,
    };
  }

  const templates = {
    /**
     * Subject, HTML and text of an email, rendered once per `cacheKey` (the source event id and
     * locale), then personalized.
     */
    async email(
      cacheKey: string,
      kind: NotificationKind,
      localeTag: string | null | undefined,
      params: Record<string, string>,
      link: string,
      recipient: { name: string; unsubscribeUrl?: string; timeZone?: string },
    ): Promise<Rendered> {
      const locale = supportedLocale(localeTag);
      // Times of a change are on the recipient's clock: one render per zone too.
      const key = `${cacheKey}.${locale}.${recipient.timeZone ?? ""}.${recipient.unsubscribeUrl ? 1 : 0}`;
      let generic = cache.get(key);
      if (!generic) {
        if (cache.size > 2_000) cache.clear();
        generic = (async () => {
          const body = bodies.get(`${kind}.${locale}`) ?? bodies.get(`${kind}.en`);
          if (!body) throw new Error(`no email template for ${kind}`);
          const vars = {
            ...variables(kind, params, link, locale, recipient.timeZone),
            name: NAME,
            unsubscribeUrl: recipient.unsubscribeUrl ? UNSUB : undefined,
          };
          const subject = subjects.get(`${kind}.${locale}`)!(vars);
          const mjml = layout({ ...vars, subject, preview: subject, content: body.mjml(vars) });
          const { html, errors } = await mjml2html(mjml, { validationLevel: "soft", keepComments: false });
          if (errors.length && !html) throw new Error(`mjml: ${errors[0].formattedMessage}`);
          return { subject, html, text: body.text(vars) + (recipient.unsubscribeUrl ? `\n\n${strings.get(locale)!.unsubscribe}: ${UNSUB}\n` : "") };
        })();
        cache.set(key, generic);
        generic.catch(() => cache.delete(key));
      }
      const g = await generic;
      const unsub = recipient.unsubscribeUrl ?? "";
      return {
        subject: g.subject.replaceAll(NAME, recipient.name),
        html: g.html.replaceAll(NAME, escapeHtml(recipient.name)).replaceAll(UNSUB, escapeHtml(unsub)),
        text: g.text.replaceAll(NAME, recipient.name).replaceAll(UNSUB, unsub),
      };
    },

    /** Title and body of a push notification (and of an inbox item); times on `timeZone`'s clock when given. */
    push(kind: NotificationKind, localeTag: string | null | undefined, params: Record<string, string>, link: string, timeZone?: string): PushText {
      const locale = supportedLocale(localeTag);
      const t = pushes.get(`${kind}.${locale}`) ?? pushes.get(`${kind}.en`)!;
      const vars = variables(kind, params, link, locale, timeZone);
      return { title: t.title(vars), body: t.body(vars) };
    },

    /**
     * The text of an SMS notice: the push title and body and the link, cut to SMS_MAX_CHARS
     * (the body gives way first; the link is kept whole).
     */
    sms(kind: NotificationKind, localeTag: string | null | undefined, params: Record<string, string>, link: string, timeZone?: string): string {
      const t = templates.push(kind, localeTag, params, link, timeZone);
      const url = new URL(link, opts.publicUrl).toString();
      const room = SMS_MAX_CHARS - url.length - 1;
      let text = `${t.title}\n${t.body}`;
      if (text.length > room) text = `${text.slice(0, Math.max(0, room - 1)).trimEnd()}…`;
      return `${text}\n${url}`;
    },

    /** The SMS that carries a phone verification code. */
    smsCode(localeTag: string | null | undefined, code: string, minutes: number): string {
      return Handlebars.compile(strings.get(supportedLocale(localeTag))!.smsCode, { noEscape: true })({ code, minutes });
    },
  };
  return templates;
}
