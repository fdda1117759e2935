/**
 * The leaf parts of a raw MIME message, decoded (base64, quoted-printable), for tests that look
 * at attachments: inline images by Content-ID, a text/calendar invitation. mailparser does not
 * install from the registry here, and a test needs no more than this.
 */
import ICAL from "ical.js";

export type MimePart = { type: string; headers: Map<string, string>; body: Buffer };

function headersOf(head: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) out.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return out;
}

export function mimeParts(raw: string): MimePart[] {
  const cut = raw.search(/\r?\n\r?\n/);
  const head = cut < 0 ? raw : raw.slice(0, cut);
  const body = cut < 0 ? "" : raw.slice(cut).replace(/^\r?\n\r?\n/, "");
  const headers = headersOf(head);
  const contentType = headers.get("content-type") ?? "text/plain";
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = contentType.match(/boundary="?([^";]+)"?/i)?.[1];
    if (!boundary) return [];
    const chunks = body.split(`--${boundary}`).slice(1);
    return chunks.filter((c) => !c.startsWith("--")).flatMap((c) => mimeParts(c.replace(/^\r?\n/, "")));
  }
  const enc = headers.get("content-transfer-encoding")?.toLowerCase();
  const decoded = enc === "base64"
    ? Buffer.from(body.replace(/\s+/g, ""), "base64")
    : enc === "quoted-printable"
    ? Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1")
    : Buffer.from(body, "utf8");
  return [{ type, headers, body: decoded }];
}

/** The first VEVENT of an iCalendar text, read by ical.js, with the calendar's METHOD. */
export function parseInvitation(ics: string): { method: string; event: ICAL.Event; vevent: ICAL.Component } {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  const vevent = cal.getFirstSubcomponent("vevent")!;
  return { method: String(cal.getFirstPropertyValue("method")), event: new ICAL.Event(vevent), vevent };
}
