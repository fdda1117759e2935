/** What the calendar use cases share: the reply shape of an .ics file, its content type, the UID host, the hash a feed token is kept as. */
import { createHash } from "node:crypto";
import type { Static } from "@sinclair/typebox";
import type { events } from "../../subjects/events.ts";

export type Ics = Static<typeof events.ics.reply>;
export const CONTENT_TYPE = "text/calendar; charset=utf-8" as const;
/** The host part of every VEVENT UID: stable, so calendars recognise an event they already have. */
export const ICS_HOST = "convene";

/** A private feed's token is stored only as its SHA-256. */
export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
