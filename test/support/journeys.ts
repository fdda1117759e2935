/**
 * Steps the end-to-end suites share, through the edge: an organizer publishes a free event, an
 * attendee books a seat of it. Each suite passes its own `api` (its client IP, its platform).
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { eventually } from "./eventually.ts";
import type { Reply } from "./api.ts";

export type Api = (method: string, path: string, body?: unknown, token?: string) => Promise<Reply>;

/** A published free event (10 seats unless told) starting in `startsInMs` (whole seconds), two hours long. */
export async function publishFreeEvent(
  api: Api,
  organizer: string,
  startsInMs: number,
  opts: { capacity?: number } = {},
): Promise<{ id: string; title: string; startsAt: string }> {
  const startsAt = new Date(Math.ceil((Date.now() + startsInMs) / 1000) * 1000).toISOString();
  const title = `Meetup ${randomUUID().slice(0, 6)}`;
  const e = await api("POST", "/v1/events", {
    title,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 7_200_000).toISOString(),
    timeZone: "Europe/Berlin",
    capacity: opts.capacity ?? 10,
    publish: true,
  }, organizer);
  expect(e.status, JSON.stringify(e.body)).to.equal(201);
  return { id: e.body.id, title, startsAt };
}

/** One seat of a free event, confirmed at once; retried until bookings has projected the event. */
export async function bookOneSeat(api: Api, token: string, eventId: string): Promise<string> {
  const order = await eventually("bookings to know the event", async () => {
    const r = await api("POST", "/v1/bookings", { eventId, seats: 1 }, token);
    return r.status === 201 && r;
  });
  expect(order.body.status).to.equal("confirmed");
  return order.body.id;
}
